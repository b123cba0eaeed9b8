//! `bynder`: the command-line tool for the Bynder DAM API.

mod api;
mod checkpoint;
mod connect;
mod demo;
mod demo_files;
mod download;
mod failure;
mod interrupt;
mod media;
mod output;
mod progress;
mod upload;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use failure::Failure;

/// Work with a Bynder portal from the command line.
#[derive(Debug, Parser)]
#[command(name = "bynder", version, about, long_about = None)]
struct Cli {
    /// Print JSON instead of tables (one line per file for uploads and downloads).
    #[arg(long, global = true)]
    json: bool,
    #[command(flatten)]
    conn: connect::ConnectArgs,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Start a local mock portal and run a real journey through the SDK against it.
    Demo,
    /// Assets.
    #[command(subcommand)]
    Media(media::MediaCommand),
    /// Collections.
    #[command(subcommand)]
    Collections(media::CollectionsCommand),
    /// Upload files as new assets, new versions or additional files (resumable; Ctrl-C stops
    /// cleanly and the same command continues).
    Upload(upload::UploadArgs),
    /// Download assets' files into a directory (an interrupted download continues).
    Download(download::DownloadArgs),
    /// Any operation of the API by name (`bynder api` lists them all).
    Api(api::ApiArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("bynder: cannot start the async runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    let result: Result<(), Failure> = runtime.block_on(async {
        match cli.command {
            Command::Demo => Ok(demo::run(cli.json).await?),
            Command::Media(command) => Ok(media::run_media(&cli.conn, command, cli.json).await?),
            Command::Collections(command) => {
                Ok(media::run_collections(&cli.conn, command, cli.json).await?)
            }
            Command::Upload(args) => upload::run(&cli.conn, args, cli.json).await,
            Command::Download(args) => download::run(&cli.conn, args, cli.json).await,
            Command::Api(args) => Ok(api::run(&cli.conn, args, cli.json).await?),
        }
    });
    // Transfers cancelled by Ctrl-C may leave blocking readers and writers behind: do not wait.
    runtime.shutdown_background();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => failure.report(),
    }
}
