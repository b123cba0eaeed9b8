//! `bynder-bench`: runs one upload or download through the SDK against a portal and prints
//! one JSON line: bytes, seconds, MB/s and the process's peak RSS. `scripts/bench-transfer.py`
//! runs it side by side with the official Python SDK and writes `docs/benchmarks.md`.
//! Rate limiting is off: the benchmark measures the transfer, against a local mock
//! started with `--no-rate-limit`.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use bynder::ratelimit::RateLimitPolicy;
use bynder::transfer::{UploadFlow, UploadSource};
use clap::{Parser, Subcommand, ValueEnum};
use serde_json::json;

#[derive(Debug, Parser)]
struct Cli {
    /// Portal URL (a local mock).
    #[arg(long)]
    portal: String,
    /// Permanent token.
    #[arg(long, default_value = "mock-permanent-token")]
    token: String,
    /// Trust this PEM certificate (the mock's self-signed one, for HTTPS).
    #[arg(long)]
    ca_cert: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Flow {
    FilesService,
    S3,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Upload a file as a new asset of the portal's first brand.
    Upload {
        file: PathBuf,
        #[arg(long, value_enum, default_value = "files-service")]
        flow: Flow,
        #[arg(long, default_value_t = 5)]
        chunk_mib: u64,
        #[arg(long, default_value_t = 4)]
        parallel: usize,
    },
    /// Download an asset's original to a path.
    Download {
        media_id: String,
        out: PathBuf,
        /// Also hash the file while writing.
        #[arg(long)]
        sha256: bool,
        /// Stream into a writer that drops the bytes instead of writing `out`: measures the
        /// download pipeline without the cost of the file system.
        #[arg(long)]
        discard: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("bynder-bench: {error}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(line) => {
            println!("{line}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("bynder-bench: {error}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> bynder::Result<serde_json::Value> {
    let mut builder = bynder::Client::builder(&cli.portal)
        .permanent_token(cli.token.as_str())
        .rate_limit(RateLimitPolicy::unlimited());
    if let Some(path) = &cli.ca_cert {
        let pem = std::fs::read(path).map_err(|e| {
            bynder::Error::invalid_argument(format!("cannot read {}: {e}", path.display()))
        })?;
        builder = builder.root_certificate_pem(pem);
    }
    let client = builder.build()?;
    match cli.command {
        Command::Upload {
            file,
            flow,
            chunk_mib,
            parallel,
        } => {
            let brands = client.brands().list().await?;
            let brand = brands
                .first()
                .map(|b| b.id.clone())
                .ok_or_else(|| bynder::Error::invalid_argument("the portal has no brand"))?;
            let flow = match flow {
                Flow::FilesService => UploadFlow::FilesService,
                Flow::S3 => UploadFlow::S3,
            };
            let started = Instant::now();
            let saved = client
                .upload(UploadSource::path(&file))
                .brand(brand)
                .flow(flow)
                .chunk_size(chunk_mib * 1024 * 1024)
                .parallelism(parallel)
                .send()
                .await?;
            Ok(report(
                saved.bytes,
                started,
                json!({"media_id": saved.media_id, "sha256": saved.sha256}),
            ))
        }
        Command::Download {
            media_id,
            out,
            sha256,
            discard,
        } => {
            let started = Instant::now();
            let download = client.download(media_id).sha256(sha256);
            let download = if discard {
                download.to_writer(std::io::sink())
            } else {
                download.to_path(&out)
            };
            let done = download.send().await?;
            Ok(report(done.bytes, started, json!({"sha256": done.sha256})))
        }
    }
}

fn report(bytes: u64, started: Instant, extra: serde_json::Value) -> serde_json::Value {
    let seconds = started.elapsed().as_secs_f64();
    let mut line = json!({
        "bytes": bytes,
        "seconds": seconds,
        "mb_per_s": bytes as f64 / 1e6 / seconds.max(1e-9),
        "peak_rss_kib": peak_rss_kib(),
        "cpu_seconds": cpu_seconds(),
    });
    if let (Some(line), Some(extra)) = (line.as_object_mut(), extra.as_object()) {
        line.extend(extra.clone());
    }
    line
}

/// `VmHWM` of this process (Linux), in KiB.
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// User + system CPU time of this process so far (Linux, `/proc/self/stat`, 100 ticks a second).
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name, which is in parentheses and may contain spaces.
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| fields.get(i)?.parse::<f64>().ok();
    Some((ticks(11)? + ticks(12)?) / 100.0)
}
