//! `bynder`: the command-line tool for the Bynder DAM API.

mod connect;
mod demo;
mod media;
mod output;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Work with a Bynder portal from the command line.
#[derive(Debug, Parser)]
#[command(name = "bynder", version, about, long_about = None)]
struct Cli {
    #[command(flatten)]
    conn: connect::ConnectArgs,
    /// Print JSON instead of tables.
    #[arg(long, global = true)]
    json: bool,
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
    let result = runtime.block_on(async {
        match cli.command {
            Command::Demo => demo::run(cli.json).await,
            Command::Media(command) => media::run_media(&cli.conn, command, cli.json).await,
            Command::Collections(command) => {
                media::run_collections(&cli.conn, command, cli.json).await
            }
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("bynder: {error}");
            ExitCode::FAILURE
        }
    }
}
