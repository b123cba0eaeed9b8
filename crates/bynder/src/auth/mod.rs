//! Authentication: permanent tokens, OAuth2 client credentials, authorization code with PKCE,
//! refresh tokens; secrets that never print.

mod authorization;
pub(crate) mod manager;
mod secret;
mod token;

pub use authorization::{AuthorizationRequest, AuthorizationResponse, OAuthApp};
pub use manager::{Credentials, TokenSaver};
pub use secret::Secret;
pub use token::{Token, jwt_expiry};
