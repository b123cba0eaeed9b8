//! `bynder-mock serve`: runs a mock portal until Ctrl-C or SIGTERM.
//!
//! When ready it prints, one per line and flushed, `listening http://HOST:PORT`, then
//! `listening https://HOST:PORT` (with `--tls`), `certificate PATH` (with `--cert-out`) and
//! `ready`; scripts wait for `ready`. Logs go to stderr (`RUST_LOG` filters them).

use std::io::Write;
use std::net::{IpAddr, Ipv4Addr};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use bynder_mock::{MockConfig, MockPortal, RateLimitConfig};
use clap::{Args, Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "bynder-mock",
    version,
    about = "A local Bynder-compatible portal for tests and offline development."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve a portal until interrupted.
    Serve(ServeArgs),
}

#[derive(Debug, Args)]
struct ServeArgs {
    /// Plain HTTP port (0 picks a free one).
    #[arg(long, default_value_t = 8080)]
    port: u16,
    /// Also serve HTTPS with a self-signed certificate (the official Python SDK needs it).
    #[arg(long)]
    tls: bool,
    /// HTTPS port (0 picks a free one).
    #[arg(long, default_value_t = 8443)]
    tls_port: u16,
    /// Write the HTTPS certificate (PEM) here, for clients to trust.
    #[arg(long, value_name = "PATH", requires = "tls")]
    cert_out: Option<PathBuf>,
    /// Address to listen on.
    #[arg(long, default_value_t = IpAddr::V4(Ipv4Addr::LOCALHOST))]
    bind: IpAddr,
    /// The permanent token the portal accepts.
    #[arg(long, default_value = "mock-permanent-token")]
    permanent_token: String,
    /// OAuth2 client id.
    #[arg(long, default_value = "mock-client-id")]
    client_id: String,
    /// OAuth2 client secret.
    #[arg(long, default_value = "mock-client-secret")]
    client_secret: String,
    /// Seed of the generated portal data.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// How many assets the seeded portal holds (more make bigger pages for benchmarks).
    #[arg(long, value_name = "N", default_value_t = 300)]
    assets: usize,
    /// Access-token lifetime in seconds.
    #[arg(long, value_name = "SECS", default_value_t = 3600)]
    token_ttl: u64,
    /// Multiply Bynder's 300 s window and 300 s quiet period by this factor.
    #[arg(long, value_name = "F", default_value_t = 1.0)]
    rate_limit_scale: f64,
    /// Requests allowed per window (Bynder: 4500).
    #[arg(long, value_name = "N")]
    rate_limit: Option<u32>,
    /// Disable the rate limit.
    #[arg(long, conflicts_with_all = ["rate_limit", "rate_limit_scale"])]
    no_rate_limit: bool,
    /// Skip the OAuth2 consent page (approve at once).
    #[arg(long)]
    auto_consent: bool,
    /// Accept this OAuth2 redirect URI besides loopback http ones (repeatable).
    #[arg(long = "redirect-uri", value_name = "URI")]
    redirect_uris: Vec<String>,
    /// Store uploaded files here (created if missing, kept afterwards); default: a temporary
    /// directory removed on exit.
    #[arg(long, value_name = "DIR")]
    storage_dir: Option<PathBuf>,
    /// How long a finalised upload converts before polls report it done and it can be saved.
    #[arg(long, value_name = "MS", default_value_t = 200)]
    processing_delay_ms: u64,

    /// Check every JSON answer against the response schemas of the OpenAPI definitions
    /// (*.json) in DIR; violations show in `GET /_mock/stats`.
    #[arg(long, value_name = "DIR")]
    check_responses: Option<std::path::PathBuf>,
}

impl ServeArgs {
    fn config(&self) -> MockConfig {
        let rate_limit = (!self.no_rate_limit).then(|| {
            let scaled = RateLimitConfig::BYNDER.scaled(self.rate_limit_scale);
            RateLimitConfig {
                limit: self.rate_limit.unwrap_or(scaled.limit),
                ..scaled
            }
        });
        MockConfig {
            seed: self.seed,
            asset_count: self.assets,
            permanent_token: self.permanent_token.clone(),
            client_id: self.client_id.clone(),
            client_secret: self.client_secret.clone(),
            token_ttl: Duration::from_secs(self.token_ttl),
            rate_limit,
            auto_consent: self.auto_consent,
            redirect_uris: self.redirect_uris.clone(),
            http_port: self.port,
            tls: self.tls,
            https_port: self.tls_port,
            bind: self.bind,
            storage_dir: self.storage_dir.clone(),
            processing_delay: Duration::from_millis(self.processing_delay_ms),
            response_schemas: self.check_responses.clone(),
        }
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .init();
    let Command::Serve(args) = Cli::parse().command;
    match serve(args).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("bynder-mock: {err}");
            ExitCode::FAILURE
        }
    }
}

async fn serve(args: ServeArgs) -> std::io::Result<()> {
    let config = args.config();
    tracing::info!(?config, "starting");
    let portal = MockPortal::start(config).await?;
    announce(&format!("listening {}", portal.url()))?;
    if let Some(url) = portal.https_url() {
        announce(&format!("listening {url}"))?;
    }
    if let (Some(path), Some(pem)) = (&args.cert_out, portal.cert_pem()) {
        std::fs::write(path, pem)?;
        let shown = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
        announce(&format!("certificate {}", shown.display()))?;
    }
    announce("ready")?;
    stop_signal().await;
    tracing::info!("shutting down");
    portal.shutdown().await;
    Ok(())
}

/// Prints one line to stdout and flushes it, for scripts waiting on it.
fn announce(line: &str) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{line}")?;
    out.flush()
}

/// Resolves on Ctrl-C, or SIGTERM on Unix.
async fn stop_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = terminate => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(extra: &[&str]) -> ServeArgs {
        let mut argv = vec!["bynder-mock", "serve"];
        argv.extend_from_slice(extra);
        let Command::Serve(args) = Cli::try_parse_from(argv).unwrap().command;
        args
    }

    #[test]
    fn rate_limit_defaults_to_bynder_and_scales() {
        assert_eq!(args(&[]).config().rate_limit, Some(RateLimitConfig::BYNDER));
        let scaled = args(&["--rate-limit-scale", "0.01", "--rate-limit", "10"])
            .config()
            .rate_limit
            .unwrap();
        assert_eq!(scaled.window, Duration::from_secs(3));
        assert_eq!(scaled.quiet, Duration::from_secs(3));
        assert_eq!(scaled.limit, 10);
        assert_eq!(args(&["--no-rate-limit"]).config().rate_limit, None);
    }

    #[test]
    fn flags_reach_the_config() {
        let config = args(&[
            "--port",
            "0",
            "--tls",
            "--tls-port",
            "0",
            "--auto-consent",
            "--redirect-uri",
            "https://a/cb",
            "--redirect-uri",
            "https://b/cb",
            "--token-ttl",
            "5",
            "--seed",
            "9",
            "--storage-dir",
            "/tmp/uploads",
            "--processing-delay-ms",
            "1500",
        ])
        .config();
        assert_eq!(config.storage_dir, Some(PathBuf::from("/tmp/uploads")));
        assert_eq!(config.processing_delay, Duration::from_millis(1500));
        let defaults = args(&[]).config();
        assert_eq!(defaults.storage_dir, None);
        assert_eq!(defaults.processing_delay, Duration::from_millis(200));
        assert!(config.tls && config.auto_consent);
        assert_eq!(config.redirect_uris, vec!["https://a/cb", "https://b/cb"]);
        assert_eq!(config.token_ttl, Duration::from_secs(5));
        assert_eq!(
            (config.http_port, config.https_port, config.seed),
            (0, 0, 9)
        );
        assert!(Cli::try_parse_from(["bynder-mock", "serve", "--cert-out", "x.pem"]).is_err());
    }
}
