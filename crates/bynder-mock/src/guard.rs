//! Who may call an operation: bearer token (permanent or OAuth2 JWT), the operation's auth
//! style and scopes, and the id form of path parameters (`reference/bynder-api.md` §1.2, §2).

use axum::http::HeaderMap;
use axum::http::header::AUTHORIZATION;
use bynder::Scope;
use bynder::id::{BynderId, IdShape};
use bynder::ops::{Auth, IdForm, Operation};

use crate::request::Principal;
use crate::tokens::{Claims, TokenIssuer};

/// The caller behind a valid bearer token.
#[derive(Debug, Clone)]
pub enum Caller {
    /// The portal's permanent token: every scope, the current user.
    Permanent,
    /// An OAuth2 access token.
    OAuth(Claims),
}

impl Caller {
    /// The scopes the caller holds.
    pub fn scopes(&self) -> Vec<Scope> {
        match self {
            Caller::Permanent => Scope::ALL.to_vec(),
            Caller::OAuth(claims) => bynder::scope::parse_lenient(&claims.scope),
        }
    }

    /// The [`Principal`] handed to handlers.
    pub fn principal(&self, current_user_id: &str) -> Principal {
        match self {
            Caller::Permanent => Principal {
                user_id: current_user_id.to_string(),
                scopes: self.scopes(),
                permanent: true,
            },
            Caller::OAuth(claims) => Principal {
                user_id: claims.sub.clone(),
                scopes: self.scopes(),
                permanent: false,
            },
        }
    }
}

/// Why a request is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Denial {
    /// 401: no token, an unknown or expired one, or a permanent token where only OAuth2 is
    /// accepted.
    Unauthorized,
    /// 403: a valid token without any of the operation's scopes.
    Forbidden,
}

/// The token of an `Authorization: Bearer <token>` header (scheme case-insensitive).
pub fn bearer_token(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(AUTHORIZATION)?.to_str().ok()?.trim();
    let (scheme, token) = value.split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then_some(token)
}

/// The caller behind `token`, when it is the permanent token or a live access token.
pub fn identify(
    token: Option<&str>,
    permanent_token: &str,
    issuer: &TokenIssuer,
) -> Option<Caller> {
    let token = token?;
    if !permanent_token.is_empty() && token == permanent_token {
        return Some(Caller::Permanent);
    }
    issuer.verify(token).map(Caller::OAuth)
}

/// Whether `caller` may call `op`: operations without auth admit everyone, OAuth2-only
/// operations refuse the permanent token, and a scoped operation needs any one of its scopes.
pub fn authorize(op: &Operation, caller: Option<&Caller>) -> Result<(), Denial> {
    if op.auth == Auth::None {
        return Ok(());
    }
    let caller = caller.ok_or(Denial::Unauthorized)?;
    if op.auth == Auth::OAuthOnly && matches!(caller, Caller::Permanent) {
        return Err(Denial::Unauthorized);
    }
    if op.scopes.is_empty() {
        return Ok(());
    }
    let held = caller.scopes();
    if op.scopes.iter().any(|needed| held.contains(needed)) {
        Ok(())
    } else {
        Err(Denial::Forbidden)
    }
}

/// Whether `value` has the id form `form`, as the core's id parser reads it. Hex digits match
/// in either case, as the real server's lookups do; the dash layout must be exact.
pub fn has_id_form(value: &str, form: IdForm) -> bool {
    let shaped = |want: IdShape| {
        value.trim() == value
            && BynderId::parse_with_shape(value).is_ok_and(|(_, shape)| shape == want)
    };
    match form {
        IdForm::ColdFusion => shaped(IdShape::ColdFusion),
        IdForm::Rfc4122 => shaped(IdShape::Rfc4122),
        IdForm::Opaque => !value.is_empty(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bynder::ops::Method;
    use std::time::Duration;

    static SIMILAR: Operation =
        Operation::new("test.similar", Method::Get, "/api/1/similar/").auth(Auth::OAuthOnly);
    static SCOPED: Operation = Operation::new("test.scoped", Method::Get, "/x/")
        .scopes(&[Scope::AssetRead, Scope::AssetWrite]);
    static OPEN: Operation = Operation::new("test.open", Method::Get, "/y/");
    static PUBLIC: Operation = Operation::new("test.public", Method::Get, "/z/").auth(Auth::None);

    fn oauth(scope: &str) -> Caller {
        let issuer = TokenIssuer::new(Duration::from_secs(60));
        let token = issuer.issue("USER", scope, "client").unwrap();
        Caller::OAuth(issuer.decode(&token).unwrap())
    }

    #[test]
    fn permanent_token_is_refused_on_oauth_only_operations() {
        assert_eq!(
            authorize(&SIMILAR, Some(&Caller::Permanent)),
            Err(Denial::Unauthorized)
        );
        assert_eq!(authorize(&SIMILAR, Some(&oauth("asset:read"))), Ok(()));
        assert_eq!(authorize(&SIMILAR, None), Err(Denial::Unauthorized));
    }

    #[test]
    fn any_one_scope_suffices_and_none_is_forbidden() {
        assert_eq!(authorize(&SCOPED, Some(&oauth("asset:write"))), Ok(()));
        assert_eq!(
            authorize(&SCOPED, Some(&oauth("collection:read"))),
            Err(Denial::Forbidden)
        );
        assert_eq!(authorize(&SCOPED, Some(&Caller::Permanent)), Ok(()));
        assert_eq!(authorize(&OPEN, Some(&oauth(""))), Ok(()));
        assert_eq!(authorize(&OPEN, None), Err(Denial::Unauthorized));
        assert_eq!(authorize(&PUBLIC, None), Ok(()));
    }

    #[test]
    fn bearer_header_is_parsed_leniently() {
        let mut headers = HeaderMap::new();
        headers.insert(AUTHORIZATION, "bearer  abc ".parse().unwrap());
        assert_eq!(bearer_token(&headers), Some("abc"));
        headers.insert(AUTHORIZATION, "Basic abc".parse().unwrap());
        assert_eq!(bearer_token(&headers), None);
    }

    #[test]
    fn id_forms_are_told_apart() {
        let cf = "00B627BB-8054-44C0-A343FCF40BC790CD";
        let rfc = "00b627bb-8054-44c0-a343-fcf40bc790cd";
        assert!(has_id_form(cf, IdForm::ColdFusion));
        assert!(!has_id_form(rfc, IdForm::ColdFusion));
        assert!(has_id_form(rfc, IdForm::Rfc4122));
        assert!(!has_id_form(cf, IdForm::Rfc4122));
        assert!(!has_id_form("m1", IdForm::ColdFusion));
        assert!(!has_id_form(
            "00B627BB-8054-44C0-A343FCF40BC790CG",
            IdForm::ColdFusion
        ));
        assert!(has_id_form("m1", IdForm::Opaque));
        assert!(!has_id_form("", IdForm::Opaque));
    }
}
