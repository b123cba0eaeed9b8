//! `bynder_client`: creating, sharing and freeing a client, and the generic call by operation
//! name.

use std::cell::RefCell;
use std::ffi::{CString, c_char, c_void};
use std::sync::{Arc, Mutex, PoisonError};

use bynder_core::auth::Token;
use bynder_core::{Client, Error};
use serde::Serialize;
use serde_json::Value;

use crate::config::{builder, bynder_config};
use crate::error::bynder_error;
use crate::guard::{free_box, guard};
use crate::ops::operation_args;
use crate::runtime::{block_on, drop_in_runtime};
use crate::status::bynder_status;
use crate::strings::{JsonSlot, Out, handle, json_out};

/// A pointer the C caller handed over to be passed back to its callbacks.
#[derive(Clone, Copy)]
pub struct UserContext(pub *mut c_void);

// SAFETY: the library never dereferences the pointer; it only passes it back to the caller's
// callback. The header documents that callbacks may run on any thread that calls the library,
// so the caller vouches that its context may be used from those threads.
unsafe impl Send for UserContext {}
// SAFETY: as above; the pointer is only copied.
unsafe impl Sync for UserContext {}

struct TokenCallback {
    call: unsafe extern "C" fn(*const c_char, *mut c_void),
    ctx: UserContext,
}

thread_local! {
    /// The clients (by address) whose `on_token` callback this thread is inside.
    static DELIVERING: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

/// What a client handle and the page iterators made from it share.
pub struct Shared {
    pub client: Client,
    /// Tokens the core obtained that the callback has not seen yet.
    pending: Arc<Mutex<Vec<Token>>>,
    on_token: Option<TokenCallback>,
    /// Held while delivering, so the callback never runs concurrently with itself.
    delivering: Mutex<()>,
}

impl Shared {
    /// Hands new tokens to the `on_token` callback on the calling thread. One thread delivers
    /// at a time, until none is left; a callback that calls the same client again leaves its
    /// tokens to the delivery loop already running on this thread.
    pub fn deliver_tokens(&self) {
        let Some(callback) = &self.on_token else {
            return;
        };
        let me = std::ptr::from_ref(self) as usize;
        if DELIVERING.with_borrow(|inside| inside.contains(&me)) {
            return;
        }
        let _one_at_a_time = self
            .delivering
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        DELIVERING.with_borrow_mut(|inside| inside.push(me));
        loop {
            let tokens =
                std::mem::take(&mut *self.pending.lock().unwrap_or_else(PoisonError::into_inner));
            if tokens.is_empty() {
                break;
            }
            for token in tokens {
                let Some(json) = serde_json::to_string(&token)
                    .ok()
                    .and_then(|json| CString::new(json).ok())
                else {
                    continue;
                };
                // SAFETY: the callback and its context come from the config, whose contract
                // says they stay valid while the client lives; the string outlives the call.
                unsafe { (callback.call)(json.as_ptr(), callback.ctx.0) };
            }
        }
        DELIVERING.with_borrow_mut(|inside| inside.retain(|client| *client != me));
    }

    /// Delivers new tokens, then passes `result` through: every blocking call ends here.
    pub fn finish<T>(&self, result: Result<T, Error>) -> Result<T, Error> {
        self.deliver_tokens();
        result
    }
}

/// A Bynder client: the portal, credentials, token, rate limiter and connections.
///
/// Thread-safe: one client may be used by any number of threads at once (calls run in
/// parallel, share one token, one rate limiter and one connection pool). Create it with
/// `bynder_client_new`, free it with `bynder_client_free` once no call is running.
pub struct bynder_client {
    pub shared: Arc<Shared>,
}

/// Creates a client.
///
/// @param config how to connect and authenticate (see `bynder_config`); borrowed during the
///        call only, except `on_token_ctx`, which must stay valid while the client lives.
/// @param out receives the new client; free it with `bynder_client_free`. Set to NULL on
///        failure.
/// @param err NULL, or receives NULL on success and a new error (free it with
///        `bynder_error_free`) on failure.
/// @return `BYNDER_OK`; `BYNDER_ERR_INVALID_ARGUMENT` for a NULL or malformed argument (bad
///         portal URL, unknown scope, conflicting credentials, malformed JSON);
///         `BYNDER_ERR_IO` when `ca_cert_path` cannot be read.
///
/// No request is sent: credentials are first used by the first call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn bynder_client_new(
    config: *const bynder_config,
    out: *mut *mut bynder_client,
    err: *mut *mut bynder_error,
) -> bynder_status {
    guard(err, || {
        // SAFETY: NULL or writable (contract).
        let out = unsafe { Out::new(out, "out") }?;
        // SAFETY: the caller passes NULL or a valid config (contract).
        let config = unsafe { handle(config, "config") }?;
        // SAFETY: the config's strings are NULL or valid C strings during this call.
        let mut builder = unsafe { builder(config) }?;
        let pending = Arc::new(Mutex::new(Vec::new()));
        let on_token = config.on_token.map(|call| TokenCallback {
            call,
            ctx: UserContext(config.on_token_ctx),
        });
        if on_token.is_some() {
            let sink = pending.clone();
            builder = builder.on_token(move |token: &Token| {
                sink.lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .push(token.clone());
            });
        }
        let shared = Shared {
            client: builder.build()?,
            pending,
            on_token,
            delivering: Mutex::new(()),
        };
        out.set(Box::into_raw(Box::new(bynder_client {
            shared: Arc::new(shared),
        })));
        Ok(())
    })
}

/// Frees a client. Page iterators made from it keep working until they are freed.
///
/// @param client a client, or NULL (ignored). No call on it may be running, and it must not
///        be used afterwards.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn bynder_client_free(client: *mut bynder_client) {
    // SAFETY: a non-NULL client comes from `bynder_client_new` and is freed once (contract).
    unsafe { free_box(client, drop_in_runtime) };
}

/// The frame of every entry point that works on a client and answers JSON (`bynder_call`,
/// `bynder_upload`, ...): the answer's slot is checked and cleared first (so it is NULL
/// whatever fails), then the client borrowed, then `body`'s answer handed out as JSON; `None`
/// leaves the slot NULL.
///
/// # Safety
/// `client` is NULL or a live client; the slot's pointer is NULL or writable; `err` as in
/// [`guard`].
pub unsafe fn client_json<T: Serialize>(
    client: *const bynder_client,
    slot: JsonSlot,
    err: *mut *mut bynder_error,
    body: impl FnOnce(&Shared) -> Result<Option<T>, Error>,
) -> bynder_status {
    guard(err, || {
        // SAFETY (both): NULL or writable (forwarded from the caller).
        let out = match slot {
            JsonSlot::Required(pointer, name) => Some(unsafe { Out::new(pointer, name) }?),
            JsonSlot::Optional(pointer) => unsafe { Out::optional(pointer) },
        };
        // SAFETY: NULL or a live client (forwarded from the caller).
        let client = unsafe { handle(client, "client") }?;
        let answer = body(&client.shared)?;
        if let (Some(out), Some(answer)) = (out, answer) {
            out.set(json_out(&answer)?);
        }
        Ok(())
    })
}

/// Calls any operation of the operation table by name and answers the portal's JSON.
///
/// @param client the client.
/// @param operation the operation's name, e.g. `"media.get"` (all of them:
///        `bynder_operations_json`).
/// @param params_json the parameters as a JSON object, or NULL for none. Path identifiers may
///        be in either UUID form (`"00B627BB-8054-44C0-A343FCF40BC790CD"` or
///        `"00b627bb-8054-44c0-a343-fcf40bc790cd"`); they are converted to the form the path
///        needs. snake_case names map to Bynder's camelCase; booleans, lists and nested
///        objects are encoded as Bynder expects (docs/core.md, "Calling operations").
/// @param out_json receives the response body as JSON text (Bynder's JSON as the portal sent
///        it; `null` for an empty body); free it with `bynder_string_free`. NULL on failure.
/// @param err NULL, or receives NULL on success and a new error on failure.
/// @return `BYNDER_OK` or the failure's status: `BYNDER_ERR_UNKNOWN_OPERATION`,
///         `BYNDER_ERR_INVALID_ID` (malformed id, no request sent), `BYNDER_ERR_NOT_FOUND`,
///         `BYNDER_ERR_AUTHENTICATION`, `BYNDER_ERR_RATE_LIMITED`...
///
/// Blocks the calling thread until the answer (rate limiting and retries included).
/// Thread-safe: any number of threads may call it on one client.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn bynder_call(
    client: *const bynder_client,
    operation: *const c_char,
    params_json: *const c_char,
    out_json: *mut *mut c_char,
    err: *mut *mut bynder_error,
) -> bynder_status {
    let call = |shared: &Shared| -> Result<Option<Value>, Error> {
        // SAFETY: NULL or valid strings (contract).
        let (op, params) = unsafe { operation_args(operation, params_json) }?;
        let result = block_on(shared.client.call_op(op, &params))?;
        Ok(Some(shared.finish(result)?.body))
    };
    // SAFETY: NULL or valid pointers (contract).
    unsafe { client_json(client, JsonSlot::Required(out_json, "out_json"), err, call) }
}

/// The client's current OAuth2 token as JSON (the shape `on_token` receives), or NULL when it
/// has none (permanent token, or no token obtained yet).
///
/// @param client the client.
/// @param out_token_json receives the token JSON or NULL; free it with `bynder_string_free`.
///        The token is a secret: store it like a password.
/// @param err NULL, or receives NULL on success and a new error on failure.
/// @return `BYNDER_OK`, or `BYNDER_ERR_INVALID_ARGUMENT` for NULL arguments.
///
/// Thread-safe.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn bynder_client_token(
    client: *const bynder_client,
    out_token_json: *mut *mut c_char,
    err: *mut *mut bynder_error,
) -> bynder_status {
    let token = |shared: &Shared| block_on(shared.client.token());
    let slot = JsonSlot::Required(out_token_json, "out_token_json");
    // SAFETY: NULL or valid pointers (contract).
    unsafe { client_json(client, slot, err, token) }
}

/// What the client did so far, as JSON: `{"requests", "retries", "rate_limited",
/// "reauthentications", "token_requests"}` (counts since creation).
///
/// @param client the client.
/// @param out_json receives the JSON; free it with `bynder_string_free`.
/// @param err NULL, or receives NULL on success and a new error on failure.
/// @return `BYNDER_OK`, or `BYNDER_ERR_INVALID_ARGUMENT` for NULL arguments.
///
/// Thread-safe.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn bynder_client_stats(
    client: *const bynder_client,
    out_json: *mut *mut c_char,
    err: *mut *mut bynder_error,
) -> bynder_status {
    let stats = |shared: &Shared| Ok(Some(shared.client.stats()));
    // SAFETY: NULL or valid pointers (contract).
    unsafe { client_json(client, JsonSlot::Required(out_json, "out_json"), err, stats) }
}
