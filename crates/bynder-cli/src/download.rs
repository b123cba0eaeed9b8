//! `bynder download ID...`: each asset's file into a directory, a few at a time, with progress
//! bars; an interrupted download keeps its `.part` file and the next run continues it.

use std::path::PathBuf;
use std::sync::Arc;

use clap::{ArgGroup, Args};
use futures::StreamExt;
use indicatif::HumanBytes;

use bynder::transfer::{CancelToken, DownloadEvent, DownloadItem, DownloadOutcome};
use bynder::{Client, Error, ErrorKind};

use crate::connect::ConnectArgs;
use crate::failure::{Failure, Tally};
use crate::progress::{Bar, Progress};
use crate::{interrupt, output};

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("which").args(["version", "item", "additional"])))]
pub struct DownloadArgs {
    /// Asset ids, in either UUID form.
    #[arg(required = true, value_name = "MEDIA_ID")]
    ids: Vec<String>,
    /// Directory to download into (created if missing).
    #[arg(long, value_name = "DIR", default_value = ".")]
    out: PathBuf,
    /// Download this version of the original instead of the current one.
    #[arg(long, value_name = "N")]
    version: Option<u32>,
    /// Download this media item instead of the original.
    #[arg(long, value_name = "ITEM_ID")]
    item: Option<String>,
    /// Download the asset's additional file instead of the original.
    #[arg(long)]
    additional: bool,
    /// Downloads running at once.
    #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u16).range(1..=16))]
    parallel: u16,
    /// Also compute each file's SHA-256 while writing it.
    #[arg(long)]
    sha256: bool,
}

impl DownloadArgs {
    fn item(&self) -> DownloadItem {
        match (&self.version, &self.item, self.additional) {
            (Some(version), _, _) => DownloadItem::Version(*version),
            (None, Some(item), _) => DownloadItem::Item(item.clone()),
            (None, None, true) => DownloadItem::Additional,
            (None, None, false) => DownloadItem::Original,
        }
    }
}

/// What every download of the command shares.
struct Plan {
    client: Client,
    args: DownloadArgs,
    cancel: CancelToken,
    progress: Progress,
    json: bool,
}

pub async fn run(conn: &ConnectArgs, args: DownloadArgs, json: bool) -> Result<(), Failure> {
    let client = conn.client()?;
    std::fs::create_dir_all(&args.out).map_err(|e| {
        Error::new(
            ErrorKind::Io,
            format!("cannot create the directory {}: {e}", args.out.display()),
        )
    })?;
    let progress = Progress::new(json);
    let cancel = interrupt::cancel_on_ctrl_c(&progress);
    let parallel = usize::from(args.parallel);
    let ids = args.ids.clone();
    let plan = Arc::new(Plan {
        client,
        args,
        cancel,
        progress,
        json,
    });
    let mut results = futures::stream::iter(ids)
        .map(|id| {
            let plan = plan.clone();
            async move { download_one(&plan, &id).await }
        })
        .buffer_unordered(parallel);
    let mut tally = Tally::new("downloads");
    while let Some(result) = results.next().await {
        tally.add(&result);
    }
    tally.finish()
}

/// Downloads one asset; its failure is printed here, naming the id.
async fn download_one(plan: &Plan, id: &str) -> Result<(), Error> {
    let result = try_download(plan, id).await;
    match &result {
        Ok(outcome) => print_outcome(plan, id, outcome)?,
        Err(error) => {
            plan.progress
                .note(&format!("bynder: cannot download {id}: {error}"));
            if error.kind() == ErrorKind::Cancelled {
                plan.progress.note(&format!(
                    "bynder: {id}: any partial file is kept: run the same command again to continue it"
                ));
            }
        }
    }
    result.map(|_| ())
}

async fn try_download(plan: &Plan, id: &str) -> Result<DownloadOutcome, Error> {
    if plan.cancel.is_cancelled() {
        return Err(Error::new(
            ErrorKind::Cancelled,
            "not started (interrupted)",
        ));
    }
    let bar = plan.progress.bar(id);
    let watcher = Watcher {
        bar: bar.clone(),
        progress: plan.progress.clone(),
        id: id.to_string(),
    };
    let result = plan
        .client
        .download(id)
        .item(plan.args.item())
        .to_dir(&plan.args.out)
        .sha256(plan.args.sha256)
        .resume(true)
        .cancel_token(plan.cancel.clone())
        .on_progress(move |event| watcher.see(event))
        .send()
        .await;
    bar.finish();
    result
}

/// Turns download events into bar updates.
struct Watcher {
    bar: Bar,
    progress: Progress,
    id: String,
}

impl Watcher {
    fn see(&self, event: &DownloadEvent) {
        match event {
            DownloadEvent::Started {
                total_bytes,
                resumed_from,
            } => {
                self.bar.start(*total_bytes, *resumed_from);
                if *resumed_from > 0 {
                    self.progress.note(&format!(
                        "bynder: {}: continuing an interrupted download from {}",
                        self.id,
                        HumanBytes(*resumed_from)
                    ));
                }
            }
            DownloadEvent::Progress { received_bytes, .. } => self.bar.set(*received_bytes),
            DownloadEvent::Retrying {
                attempt,
                resume_from,
                error,
            } => {
                self.bar.message(format!("retrying (attempt {attempt})"));
                self.progress.note(&format!(
                    "bynder: {}: the connection failed, continuing from byte {resume_from} (attempt {attempt}): {error}",
                    self.id
                ));
            }
            DownloadEvent::Finished { bytes } => self.bar.set(*bytes),
        }
    }
}

fn print_outcome(plan: &Plan, id: &str, outcome: &DownloadOutcome) -> Result<(), Error> {
    if plan.json {
        let mut line = serde_json::Map::new();
        line.insert("media_id".into(), id.into());
        if let serde_json::Value::Object(fields) = output::to_value(outcome)? {
            line.extend(fields);
        }
        return output::json_line(&line);
    }
    let path = outcome
        .path
        .as_ref()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    let mut line = format!("downloaded {id} → {path} ({})", HumanBytes(outcome.bytes));
    if outcome.resumed_from > 0 {
        line.push_str(&format!(
            ", continued from {}",
            HumanBytes(outcome.resumed_from)
        ));
    }
    if let Some(sha256) = &outcome.sha256 {
        line.push_str(&format!(", sha256 {sha256}"));
    }
    plan.progress.result(&line);
    Ok(())
}
