//! Building a client from the global flags and `BYNDER_*` environment variables.

use clap::Args;

use bynder::{Client, Error, Scope};

/// How to reach and authenticate to a portal.
#[derive(Debug, Args)]
#[command(next_help_heading = "Portal connection")]
pub struct ConnectArgs {
    /// Portal URL, e.g. https://acme.bynder.com
    #[arg(long, env = "BYNDER_PORTAL", global = true)]
    pub portal: Option<String>,
    /// Permanent token.
    #[arg(long, env = "BYNDER_TOKEN", global = true, hide_env_values = true)]
    pub token: Option<String>,
    /// OAuth2 client id (client-credentials grant).
    #[arg(long, env = "BYNDER_CLIENT_ID", global = true)]
    pub client_id: Option<String>,
    /// OAuth2 client secret.
    #[arg(
        long,
        env = "BYNDER_CLIENT_SECRET",
        global = true,
        hide_env_values = true
    )]
    pub client_secret: Option<String>,
    /// Space-separated scopes for the client-credentials grant.
    #[arg(
        long,
        env = "BYNDER_SCOPES",
        global = true,
        default_value = "asset:read collection:read"
    )]
    pub scopes: String,
    /// Also trust this PEM certificate (e.g. from `bynder-mock serve --tls --cert-out`).
    #[arg(long, env = "BYNDER_CA_CERT", global = true)]
    pub ca_cert: Option<std::path::PathBuf>,
}

impl ConnectArgs {
    /// A client for the configured portal and credentials.
    pub fn client(&self) -> Result<Client, Error> {
        let portal = self.portal.as_deref().ok_or_else(|| {
            Error::invalid_argument(
                "no portal: pass --portal https://acme.bynder.com or set BYNDER_PORTAL",
            )
        })?;
        let mut builder = Client::builder(portal);
        builder = match (&self.token, &self.client_id, &self.client_secret) {
            (Some(token), _, _) => builder.permanent_token(token.as_str()),
            (None, Some(id), Some(secret)) => {
                let scopes = self
                    .scopes
                    .split_whitespace()
                    .map(str::parse)
                    .collect::<Result<Vec<Scope>, Error>>()?;
                builder.client_credentials(id.as_str(), secret.as_str(), &scopes)
            }
            _ => {
                return Err(Error::invalid_argument(
                    "no credentials: pass --token (or BYNDER_TOKEN), or --client-id and --client-secret",
                ));
            }
        };
        if let Some(path) = &self.ca_cert {
            let pem = std::fs::read(path).map_err(|e| {
                Error::new(
                    bynder::ErrorKind::Io,
                    format!("cannot read {}: {e}", path.display()),
                )
            })?;
            builder = builder.root_certificate_pem(pem);
        }
        builder.build()
    }
}
