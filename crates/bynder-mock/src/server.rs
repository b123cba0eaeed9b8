//! The HTTP pipeline of one portal: admin API, rate limit, routing (table, `?id=` variants,
//! OAuth2 endpoints), faults, authentication and scopes, then the handler.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Instant;

use axum::Router as AxumRouter;
use axum::body::Bytes;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method, header};
use axum::response::{IntoResponse, Response};
use bynder::ops::Operation;
use tower_http::cors::{AllowHeaders, AllowMethods, AllowOrigin, CorsLayer};

use crate::config::MockConfig;
use crate::consent::{CONSENT_PATH, ClientRegistration};
use crate::faults::{Fault, FaultSet, Firing};
use crate::guard;
use crate::oauth::{AUTHORIZE_PATH, OAuthServer, TOKEN_PATH};
use crate::operation::call_operation;
use crate::parse::{self, Params};
use crate::ratelimit::{RateLimiter, Verdict};
use crate::router::{Resolved, Router};
use crate::schema::ResponseChecker;
use crate::stats::{StatsRecorder, UNROUTED};
use crate::store::Store;
use crate::tokens::TokenIssuer;
use crate::uploads::Uploads;
use crate::{admin, reply, routes, variants};

/// The largest body read whole (upload chunks and S3 parts stream to disk instead).
const MAX_BODY: usize = 256 * 1024 * 1024;

/// Response headers a browser may read.
const EXPOSED_HEADERS: &[&str] = &[
    "x-bynder-nextcursor",
    "x-pagination-totalrecords",
    "x-pagination-totalpages",
    "x-pagination-page",
    "x-pagination-limit",
    "x-request-id",
    "x-api-correlation-id",
    "next-cursor",
    "next-url",
    "location",
    "content-range",
    "content-length",
    "etag",
    "accept-ranges",
];

/// Everything one portal holds, shared by its listeners.
pub struct Portal {
    /// The configuration it started with.
    pub config: MockConfig,
    /// The portal's data.
    pub store: Arc<Store>,
    /// Routes of the operation table.
    pub router: Router,
    /// Access-token signer.
    pub issuer: TokenIssuer,
    /// OAuth2 codes and refresh tokens.
    pub oauth: OAuthServer,
    /// Per-IP rate limit.
    pub limiter: RateLimiter,
    /// Injected faults.
    pub faults: FaultSet,
    /// Counters.
    pub stats: StatsRecorder,
    /// Checks answers against the documented schemas (`MockConfig::response_schemas`).
    pub schemas: Option<ResponseChecker>,
}

impl std::fmt::Debug for Portal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Portal")
            .field("config", &self.config)
            .finish_non_exhaustive()
    }
}

impl Portal {
    /// A portal for `config` with its seeded store.
    pub fn new(config: MockConfig) -> Portal {
        let registration = ClientRegistration {
            client_id: config.client_id.clone(),
            redirect_uris: config.redirect_uris.clone(),
        };
        let uploads = Uploads::new(config.storage_dir.clone(), config.processing_delay);
        Portal {
            store: Arc::new(Store::with_uploads(
                config.seed,
                config.asset_count,
                uploads,
            )),
            router: Router::from_table(bynder::ops::OPERATIONS),
            issuer: TokenIssuer::new(config.token_ttl),
            oauth: OAuthServer::new(
                registration,
                config.client_secret.clone(),
                config.auto_consent,
            ),
            limiter: RateLimiter::new(config.rate_limit),
            faults: FaultSet::default(),
            stats: StatsRecorder::default(),
            schemas: None,
            config,
        }
    }
}

impl Portal {
    /// The counters now, with the schema violations found so far.
    pub fn stats_now(&self) -> crate::stats::Stats {
        let mut stats = self.stats.snapshot(self.limiter.max_in_window());
        if let Some(checker) = &self.schemas {
            stats.schema_violations = checker.violations();
        }
        stats
    }
}

/// The state of one listener.
#[derive(Debug, Clone)]
pub(crate) struct Listener {
    pub(crate) portal: Arc<Portal>,
    /// `http` or `https`.
    pub(crate) scheme: &'static str,
    /// The listener's own URL, when a request has no `Host` header.
    pub(crate) url: Arc<str>,
}

/// The axum app of one listener (`scheme` is `http` or `https`, `url` its base URL).
pub fn app(portal: Arc<Portal>, scheme: &'static str, url: &str) -> AxumRouter {
    let listener = Listener {
        portal,
        scheme,
        url: Arc::from(url),
    };
    let cors = CorsLayer::new()
        .allow_origin(AllowOrigin::any())
        .allow_methods(AllowMethods::mirror_request())
        // Mirroring (not `*`) is what lets a browser send `Authorization`.
        .allow_headers(AllowHeaders::mirror_request())
        .expose_headers(
            EXPOSED_HEADERS
                .iter()
                .map(|h| header::HeaderName::from_static(h))
                .collect::<Vec<_>>(),
        );
    AxumRouter::new()
        .fallback(entry)
        .with_state(listener)
        .layer(cors)
        .layer(axum::middleware::map_response(add_request_id))
}

async fn add_request_id(mut response: Response) -> Response {
    if let Ok(id) = HeaderValue::from_str(&uuid::Uuid::new_v4().to_string()) {
        response.headers_mut().insert("x-request-id", id);
    }
    response
}

/// Where a request goes.
enum Target {
    Op(&'static Operation, HashMap<String, String>),
    WrongIdForm,
    Authorize,
    Consent,
    Token,
    MethodNotAllowed,
    NotFound,
}

impl Target {
    /// The operation name counted and matched by fault rules; a path whose ids have the
    /// wrong form reaches no operation.
    fn name(&self) -> Option<&'static str> {
        match self {
            Target::Op(op, _) => Some(op.name),
            Target::Authorize => Some("oauth.authorize"),
            Target::Consent => Some("oauth.consent"),
            Target::Token => Some("oauth.token"),
            Target::WrongIdForm | Target::MethodNotAllowed | Target::NotFound => None,
        }
    }
}

async fn entry(
    State(listener): State<Listener>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    request: Request,
) -> Response {
    let portal = listener.portal.clone();
    let (parts, body) = request.into_parts();
    let path = parts.uri.path().to_string();
    let started = Instant::now();
    // Upload bytes and downloads stream; everything else is read whole first.
    let (name, response) = if let Some(route) = routes::route(&portal.router, &parts.method, &path)
    {
        let name = route.name();
        let response = routes::serve(&portal, &listener, peer, &parts, route, body).await;
        (Some(name), response)
    } else if path == "/_mock" || path.starts_with("/_mock/") {
        return admin::handle(&portal, &parts.method, &path, body).await;
    } else {
        buffered(&portal, &listener, peer, &parts, body).await
    };
    let dropped = response.extensions().get::<reply::Dropped>().is_some();
    if !dropped {
        portal.stats.status(response.status().as_u16());
    }
    tracing::info!(
        method = %parts.method,
        path = %path,
        operation = name.unwrap_or(UNROUTED),
        status = if dropped { 0 } else { response.status().as_u16() },
        elapsed_ms = started.elapsed().as_millis() as u64,
        "request"
    );
    response
}

/// A request whose body is read whole (with a size cap) before routing, since some routes
/// depend on form fields (`variants`); answers the operation name it reached.
async fn buffered(
    portal: &Arc<Portal>,
    listener: &Listener,
    peer: SocketAddr,
    parts: &Parts,
    body: axum::body::Body,
) -> (Option<&'static str>, Response) {
    // A body that cannot be read is almost always one over the limit (a client that hung up
    // reads no answer anyway).
    let body = axum::body::to_bytes(body, MAX_BODY)
        .await
        .map_err(|_| (413, "Request body too large."));
    let content_type = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok());
    let params = body.as_ref().map_err(|e| *e).and_then(|bytes| {
        parse::parse(parts.uri.query(), content_type, bytes)
            .map_err(|_| (400, "Invalid request parameters."))
    });
    let target = match &params {
        Ok(params) => resolve(portal, &parts.method, parts.uri.path(), params),
        Err(_) => Target::NotFound,
    };
    let name = target.name();
    portal.stats.request(name.unwrap_or(UNROUTED));

    let response = if portal.limiter.check(peer.ip()) == Verdict::Block {
        reply::too_many_requests()
    } else {
        match params {
            Ok(params) => {
                let body = body.unwrap_or_default();
                serve(portal, listener, parts, target, params, body).await
            }
            Err((status, message)) => reply::message(status, message),
        }
    };
    (name, response)
}

fn resolve(portal: &Portal, method: &Method, path: &str, params: &Params) -> Target {
    let trimmed = path.strip_suffix('/').unwrap_or(path);
    let oauth = [
        (AUTHORIZE_PATH, Target::Authorize),
        (CONSENT_PATH, Target::Consent),
        (TOKEN_PATH, Target::Token),
    ];
    for (oauth_path, target) in oauth {
        if trimmed == oauth_path {
            let allowed = match target {
                Target::Authorize => *method == Method::GET || *method == Method::POST,
                _ => *method == Method::POST,
            };
            return if allowed {
                target
            } else {
                Target::MethodNotAllowed
            };
        }
    }
    if let Some((name, path_params)) =
        variants::rewrite(method.as_str(), path, &params.query, &params.form)
        && let Some(op) = bynder::ops::find(name)
    {
        let well_formed = path_params.iter().all(|(param, value)| {
            op.path_param(param)
                .is_none_or(|declared| guard::has_id_form(value, declared.form))
        });
        return if well_formed {
            Target::Op(op, path_params)
        } else {
            Target::WrongIdForm
        };
    }
    match portal.router.resolve(method.as_str(), path) {
        Resolved::Op(op, path_params) => Target::Op(op, path_params),
        Resolved::WrongIdForm => Target::WrongIdForm,
        Resolved::MethodNotAllowed => Target::MethodNotAllowed,
        Resolved::NotFound => Target::NotFound,
    }
}

async fn serve(
    portal: &Arc<Portal>,
    listener: &Listener,
    parts: &Parts,
    target: Target,
    params: Params,
    body: Bytes,
) -> Response {
    let firing = portal.faults.fire(target.name(), parts.uri.path());
    portal.stats.faults(firing.fired);
    if !firing.latency.is_zero() {
        tokio::time::sleep(firing.latency).await;
    }
    let response = match firing.terminal.as_ref() {
        // The body was read whole already: cutting it short is dropping the connection.
        Some(fault) => fault_answer(portal, &parts.headers, fault),
        None => dispatch(portal, listener, parts, target, params, body).await,
    };
    shape_answer(response, &firing).await
}

/// The answer that replaces the real one for a replacing fault.
pub(crate) fn fault_answer(portal: &Portal, headers: &HeaderMap, fault: &Fault) -> Response {
    match fault {
        Fault::Status(status) => reply::fault_status(*status),
        Fault::RateLimit => reply::too_many_requests(),
        Fault::ExpireToken => {
            let claims = guard::bearer_token(headers).and_then(|token| portal.issuer.decode(token));
            if let Some(claims) = claims {
                portal.issuer.revoke(&claims.jti);
            }
            reply::unauthorized()
        }
        Fault::Drop
        | Fault::CutRequestAfter(_)
        | Fault::Latency(_)
        | Fault::SlowBody(_)
        | Fault::Corrupt
        | Fault::CutResponseAfter(_) => reply::dropped(),
    }
}

/// Applies the faults that act on an answer's body: slow, then cut short.
pub(crate) async fn shape_answer(response: Response, firing: &Firing) -> Response {
    if response.extensions().get::<reply::Dropped>().is_some() {
        return response;
    }
    let response = match firing.slow_body {
        Some(over) => reply::slow_body(response, over).await,
        None => response,
    };
    match firing.cut_response_after {
        Some(limit) => reply::cut_after(response, limit),
        None => response,
    }
}

async fn dispatch(
    portal: &Arc<Portal>,
    listener: &Listener,
    parts: &Parts,
    target: Target,
    params: Params,
    body: Bytes,
) -> Response {
    let user_id = || portal.store.current_user_id();
    match target {
        Target::Authorize => portal.oauth.authorize(&params.all_pairs(), &user_id()),
        Target::Consent => portal.oauth.consent(&params.all_pairs(), &user_id()),
        Target::Token => {
            match portal.oauth.token(
                &portal.issuer,
                &user_id(),
                &parts.headers,
                &params.all_pairs(),
            ) {
                Ok((response, grant_type)) => {
                    portal.stats.grant(grant_type);
                    response
                }
                Err(error) => error.into_response(),
            }
        }
        Target::Op(op, path) => {
            call_operation(portal, listener, parts, op, path, params, body).await
        }
        Target::WrongIdForm | Target::NotFound => reply::not_found(),
        Target::MethodNotAllowed => reply::message(405, "Method not allowed"),
    }
}
