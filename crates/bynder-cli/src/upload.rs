//! `bynder upload PATH...`: each file through the core's chunked upload, with a progress bar, a
//! checkpoint beside the file to resume an interrupted upload, and Ctrl-C stopping cleanly.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use clap::{Args, ValueEnum};
use futures::StreamExt;
use indicatif::HumanBytes;

use bynder::transfer::{CancelToken, UploadEvent, UploadFlow, UploadOutcome, UploadSource};
use bynder::{Client, Error, ErrorKind};

use crate::checkpoint::{Checkpoint, FileStamp, Found, flow_name};
use crate::connect::ConnectArgs;
use crate::failure::{Failure, Tally};
use crate::progress::{Bar, Progress};
use crate::{interrupt, output};

/// Fields that only a new asset takes.
const NEW_ASSET_FIELDS: [&str; 5] = ["brand", "name", "description", "tags", "metaproperties"];

#[derive(Debug, Args)]
pub struct UploadArgs {
    /// Files to upload, one after another (see --jobs).
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Brand of the new asset (default: the portal's first brand).
    #[arg(long, value_name = "ID")]
    brand: Option<String>,
    /// Name of the new asset (default: the file name).
    #[arg(long)]
    name: Option<String>,
    /// Description of the new asset.
    #[arg(long)]
    description: Option<String>,
    /// Tags of the new asset (comma-separated).
    #[arg(long, value_delimiter = ',')]
    tags: Vec<String>,
    /// A metaproperty of the new asset and its option ids; repeat for several.
    #[arg(
        long = "metaproperty",
        value_name = "ID=OPTION[,OPTION...]",
        value_parser = parse_metaproperty
    )]
    metaproperties: Vec<Metaproperty>,
    /// Upload flow (default: the Files Service).
    #[arg(long, value_enum)]
    flow: Option<FlowArg>,
    /// Chunk size in MiB, e.g. 5 or 0.5 (default 5; the s3 flow needs at least 5).
    #[arg(long, value_name = "MiB", value_parser = parse_mib)]
    chunk_size: Option<u64>,
    /// Chunks of one file in flight at once.
    #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u16).range(1..=64))]
    parallel: u16,
    /// Files uploading at once.
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u16).range(1..=8))]
    jobs: u16,
    /// Save the file as a new version of this asset.
    #[arg(long, value_name = "MEDIA_ID", conflicts_with_all = NEW_ASSET_FIELDS)]
    version_of: Option<String>,
    /// Attach the file to this asset as an additional file.
    #[arg(
        long,
        value_name = "MEDIA_ID",
        conflicts_with = "version_of",
        conflicts_with_all = NEW_ASSET_FIELDS
    )]
    additional_to: Option<String>,
    /// Ignore a checkpoint left by an interrupted upload and start over.
    #[arg(long)]
    restart: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum FlowArg {
    /// The Files Service (`/v7/file_cmds`).
    FilesService,
    /// The older S3 flow.
    S3,
}

impl From<FlowArg> for UploadFlow {
    fn from(flow: FlowArg) -> UploadFlow {
        match flow {
            FlowArg::FilesService => UploadFlow::FilesService,
            FlowArg::S3 => UploadFlow::S3,
        }
    }
}

/// `--metaproperty ID=OPT1,OPT2`.
#[derive(Debug, Clone)]
struct Metaproperty {
    id: String,
    options: Vec<String>,
}

fn parse_metaproperty(text: &str) -> Result<Metaproperty, String> {
    let (id, options) = text
        .split_once('=')
        .ok_or_else(|| format!("expected ID=OPTION[,OPTION...], got {text:?}"))?;
    let id = id.trim();
    let options: Vec<String> = options
        .split(',')
        .map(str::trim)
        .filter(|o| !o.is_empty())
        .map(str::to_string)
        .collect();
    if id.is_empty() || options.is_empty() {
        return Err(format!(
            "expected a metaproperty id and at least one option id (ID=OPTION[,OPTION...]), got {text:?}"
        ));
    }
    Ok(Metaproperty {
        id: id.to_string(),
        options,
    })
}

/// A decimal number of MiB, as bytes.
fn parse_mib(text: &str) -> Result<u64, String> {
    const MIB: f64 = 1024.0 * 1024.0;
    let mib: f64 = text
        .trim()
        .parse()
        .map_err(|_| format!("expected a number of MiB such as 5 or 0.5, got {text:?}"))?;
    if !(mib.is_finite() && mib > 0.0 && mib <= 1024.0) {
        return Err(format!(
            "the chunk size must be more than 0 and at most 1024 MiB, not {text}"
        ));
    }
    // At most 2^30 here: the conversion is exact enough and cannot overflow.
    let bytes = (mib * MIB).round().max(1.0) as u64;
    Ok(bytes)
}

/// What every file of the command shares.
struct Plan {
    client: Client,
    portal: String,
    args: UploadArgs,
    brand: Option<String>,
    cancel: CancelToken,
    progress: Progress,
    json: bool,
}

pub async fn run(conn: &ConnectArgs, args: UploadArgs, json: bool) -> Result<(), Failure> {
    let client = conn.client()?;
    let portal = conn.portal.clone().unwrap_or_default();
    let progress = Progress::new(json);
    if let Some(id) = args.version_of.as_ref().or(args.additional_to.as_ref()) {
        // Before sending any bytes: a wrong asset id would only fail at the very end.
        client
            .media()
            .get(id, false)
            .await
            .map_err(|e| e.context(format!("cannot upload to asset {id}")))?;
    }
    let brand = match (&args.brand, &args.version_of, &args.additional_to) {
        (Some(brand), _, _) => Some(brand.clone()),
        (None, None, None) => Some(first_brand(&client, &progress).await?),
        _ => None,
    };
    let cancel = interrupt::cancel_on_ctrl_c(&progress);
    let jobs = usize::from(args.jobs);
    let paths = args.paths.clone();
    let plan = Arc::new(Plan {
        client,
        portal,
        args,
        brand,
        cancel,
        progress,
        json,
    });
    let mut results = futures::stream::iter(paths)
        .map(|path| {
            let plan = plan.clone();
            async move { upload_one(&plan, &path).await }
        })
        .buffer_unordered(jobs);
    let mut tally = Tally::new("uploads");
    while let Some(result) = results.next().await {
        tally.add(&result);
    }
    tally.finish()
}

/// The portal's first brand, announced on stderr.
async fn first_brand(client: &Client, progress: &Progress) -> Result<String, Error> {
    let brands = client
        .brands()
        .list()
        .await
        .map_err(|e| e.context("cannot list the brands to pick one (pass --brand ID)"))?;
    let brand = brands.first().ok_or_else(|| {
        Error::invalid_argument("the portal has no brands: pass --brand ID for the new assets")
    })?;
    progress.note(&format!(
        "bynder: no --brand given: using the portal's first brand, {} ({})",
        brand.name.as_deref().unwrap_or("unnamed"),
        brand.id
    ));
    Ok(brand.id.clone())
}

/// Uploads one file; its failure is printed here, naming the file.
async fn upload_one(plan: &Plan, path: &Path) -> Result<(), Error> {
    let result = try_upload(plan, path).await;
    match &result {
        Ok(outcome) => print_outcome(plan, path, outcome)?,
        Err(error) => plan.progress.note(&format!(
            "bynder: cannot upload {}: {error}",
            path.display()
        )),
    }
    result.map(|_| ())
}

async fn try_upload(plan: &Plan, path: &Path) -> Result<UploadOutcome, Error> {
    if plan.cancel.is_cancelled() {
        return Err(Error::new(
            ErrorKind::Cancelled,
            "not started (interrupted)",
        ));
    }
    let stamp = FileStamp::of(path).map_err(|e| {
        Error::new(
            ErrorKind::Io,
            format!("cannot read {}: {e}", path.display()),
        )
    })?;
    let checkpoint = Checkpoint::beside(path, &plan.portal, stamp);
    let args = &plan.args;
    let flow = args.flow.map(UploadFlow::from);
    let mut upload = plan
        .client
        .upload(UploadSource::path(path))
        .parallelism(usize::from(args.parallel))
        .cancel_token(plan.cancel.clone());
    if let Some(flow) = flow {
        upload = upload.flow(flow);
    }
    if let Some(bytes) = args.chunk_size {
        upload = upload.chunk_size(bytes);
    }
    match (&args.version_of, &args.additional_to) {
        (Some(id), _) => upload = upload.new_version(id),
        (None, Some(id)) => upload = upload.additional_to(id),
        (None, None) => {
            if let Some(brand) = &plan.brand {
                upload = upload.brand(brand);
            }
            if let Some(name) = &args.name {
                upload = upload.name(name);
            }
            if let Some(description) = &args.description {
                upload = upload.description(description);
            }
            if !args.tags.is_empty() {
                upload = upload.tags(args.tags.iter().cloned());
            }
            for property in &args.metaproperties {
                upload = upload.metaproperty(&property.id, property.options.iter().cloned());
            }
        }
    }
    if args.restart {
        checkpoint.remove();
    } else {
        match checkpoint.load(flow) {
            Found::Nothing => {}
            Found::Resume(state) => {
                let chunks = stamp.size.div_ceil(state.chunk_size).max(1);
                plan.progress.note(&format!(
                    "bynder: {}: resuming: {} of {chunks} chunks already sent",
                    path.display(),
                    state.done.len()
                ));
                upload = upload.resume(*state);
            }
            Found::Unusable(why) => {
                plan.progress.note(&format!(
                    "bynder: {}: ignoring the checkpoint {} ({why}); starting over",
                    path.display(),
                    checkpoint.path().display()
                ));
                // Gone now, so a checkpoint found after a failure is always this run's.
                checkpoint.remove();
            }
        }
    }
    let bar = plan.progress.bar(&path.display().to_string());
    let watcher = Watcher {
        bar: bar.clone(),
        checkpoint: checkpoint.clone(),
        progress: plan.progress.clone(),
        label: path.display().to_string(),
    };
    let result = upload
        .on_progress(move |event| watcher.see(event))
        .send()
        .await;
    bar.finish();
    match &result {
        Ok(_) => checkpoint.remove(),
        Err(error) if checkpoint.exists() => {
            let how = if error.kind() == ErrorKind::Cancelled {
                "run the same command again to resume"
            } else {
                "run again to resume, or pass --restart to start over"
            };
            plan.progress.note(&format!(
                "bynder: {}: checkpoint kept at {}: {how}",
                path.display(),
                checkpoint.path().display()
            ));
        }
        Err(_) => {}
    }
    result
}

/// Turns upload events into bar updates and checkpoint writes.
struct Watcher {
    bar: Bar,
    checkpoint: Checkpoint,
    progress: Progress,
    label: String,
}

impl Watcher {
    fn see(&self, event: &UploadEvent) {
        match event {
            UploadEvent::Started {
                total_bytes,
                chunk_size,
                resumed_chunks,
                ..
            } => {
                let resumed = u64::from(*resumed_chunks).saturating_mul(*chunk_size);
                let resumed = total_bytes.map_or(resumed, |total| resumed.min(total));
                self.bar.start(*total_bytes, resumed);
            }
            UploadEvent::ChunkSent { sent_bytes, .. } => self.bar.set(*sent_bytes),
            UploadEvent::ChunkRetry {
                index,
                attempt,
                error,
            } => {
                self.bar.message(format!("retrying chunk {index}"));
                self.progress.note(&format!(
                    "bynder: {}: chunk {index} failed, sending it again (attempt {attempt}): {error}",
                    self.label
                ));
            }
            UploadEvent::Checkpoint { state } => self.checkpoint.save(state),
            UploadEvent::Finalising => self.bar.message("finalising"),
            UploadEvent::Polling { attempt } => {
                self.bar.message(format!("processing (poll {attempt})"))
            }
            UploadEvent::Saved { .. } => self.bar.message("saved"),
        }
    }
}

fn print_outcome(plan: &Plan, path: &Path, outcome: &UploadOutcome) -> Result<(), Error> {
    if plan.json {
        let mut line = serde_json::Map::new();
        line.insert("path".into(), path.display().to_string().into());
        if let serde_json::Value::Object(fields) = output::to_value(outcome)? {
            line.extend(fields);
        }
        return output::json_line(&line);
    }
    let became = match &outcome.target {
        bynder::transfer::UploadTarget::NewAsset => "new asset".to_string(),
        bynder::transfer::UploadTarget::NewVersion(_) => "new version of asset".to_string(),
        bynder::transfer::UploadTarget::Additional(_) => "additional file of asset".to_string(),
    };
    plan.progress.result(&format!(
        "uploaded {} → {became} {} ({} in {} chunk{}, {}, sha256 {})",
        path.display(),
        outcome.media_id,
        HumanBytes(outcome.bytes),
        outcome.chunks,
        if outcome.chunks == 1 { "" } else { "s" },
        flow_name(outcome.flow),
        outcome.sha256
    ));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metaproperties_need_an_id_and_options() {
        let parsed = parse_metaproperty("MP1=a, b,").unwrap();
        assert_eq!(parsed.id, "MP1");
        assert_eq!(parsed.options, vec!["a", "b"]);
        assert!(parse_metaproperty("MP1").unwrap_err().contains("ID=OPTION"));
        assert!(parse_metaproperty("=a").is_err());
        assert!(parse_metaproperty("MP1=,").is_err());
    }

    #[test]
    fn chunk_sizes_are_mebibytes() {
        assert_eq!(parse_mib("5"), Ok(5 * 1024 * 1024));
        assert_eq!(parse_mib("0.5"), Ok(512 * 1024));
        assert!(parse_mib("0").is_err());
        assert!(parse_mib("-1").is_err());
        assert!(parse_mib("2048").is_err());
        assert!(parse_mib("five").unwrap_err().contains("five"));
    }
}
