//! Calling a table operation: authentication and scopes, the [`OpRequest`] handed to the
//! handlers, and the handler's answer.

use std::collections::HashMap;
use std::sync::Arc;

use axum::body::Bytes;
use axum::http::header;
use axum::http::request::Parts;
use axum::response::Response;
use bynder::ops::Operation;

use crate::guard::{self, Caller, Denial};
use crate::parse::Params;
use crate::reply;
use crate::request::{OpRequest, Principal};
use crate::server::{Listener, Portal};

/// Checks the caller of `op` and runs its handler.
pub(crate) async fn call_operation(
    portal: &Arc<Portal>,
    listener: &Listener,
    parts: &Parts,
    op: &'static Operation,
    path: HashMap<String, String>,
    params: Params,
    body: Bytes,
) -> Response {
    let principal = match authenticate(portal, parts, op) {
        Ok(principal) => principal,
        Err(refusal) => return *refusal,
    };
    let request = OpRequest {
        op,
        path,
        query: params.query,
        form: params.form,
        json: params.json,
        body,
        principal,
        base_url: base_url(listener, parts),
    };
    let store = portal.store.clone();
    let answer =
        tokio::task::spawn_blocking(move || crate::handlers::handle(&store, request)).await;
    match answer {
        Ok(answer) => {
            if let Some(checker) = &portal.schemas {
                checker.check_answer(op, &answer);
            }
            reply::from_op(answer)
        }
        Err(err) => {
            tracing::error!(operation = op.name, error = %err, "handler failed");
            reply::message(500, "Internal server error")
        }
    }
}

/// The caller of `op` when its token may call it; otherwise the 401 or 403 to answer.
pub(crate) fn authenticate(
    portal: &Portal,
    parts: &Parts,
    op: &'static Operation,
) -> Result<Principal, reply::Refusal> {
    let token = guard::bearer_token(&parts.headers);
    let caller = guard::identify(token, &portal.config.permanent_token, &portal.issuer);
    match &caller {
        Some(Caller::Permanent) => portal.stats.token_seen("permanent"),
        Some(Caller::OAuth(claims)) => portal.stats.token_seen(&claims.jti),
        None => {}
    }
    match guard::authorize(op, caller.as_ref()) {
        Err(Denial::Unauthorized) => return Err(Box::new(reply::unauthorized())),
        Err(Denial::Forbidden) => return Err(Box::new(reply::forbidden())),
        Ok(()) => {}
    }
    Ok(match &caller {
        Some(caller) => caller.principal(&portal.store.current_user_id()),
        None => Principal {
            user_id: String::new(),
            scopes: Vec::new(),
            permanent: false,
        },
    })
}

/// `scheme://host[:port]` as the client addressed the portal.
pub(crate) fn base_url(listener: &Listener, parts: &Parts) -> String {
    let host = parts
        .headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| !h.is_empty());
    match host {
        Some(host) => format!("{}://{host}", listener.scheme),
        None => listener.url.to_string(),
    }
}
