//! How a command fails, and the exit code each failure gets.

use std::process::ExitCode;

use bynder::{Error, ErrorKind};

/// Exit code after Ctrl-C, as shells report a process ended by SIGINT.
const INTERRUPTED: u8 = 130;

/// Why a command did not succeed.
#[derive(Debug)]
pub enum Failure {
    /// One error, not yet printed.
    Error(Error),
    /// Some inputs of a batch failed; each failure was already printed.
    Batch {
        /// What the inputs were, in the plural ("uploads", "downloads").
        what: &'static str,
        /// Inputs that failed.
        failed: usize,
        /// Inputs given.
        total: usize,
        /// Whether Ctrl-C stopped the batch.
        interrupted: bool,
    },
}

impl From<Error> for Failure {
    fn from(error: Error) -> Failure {
        Failure::Error(error)
    }
}

impl Failure {
    /// Prints what is left to say and picks the exit code.
    pub fn report(self) -> ExitCode {
        match self {
            Failure::Error(error) => {
                eprintln!("bynder: {error}");
                if error.kind() == ErrorKind::Cancelled {
                    ExitCode::from(INTERRUPTED)
                } else {
                    ExitCode::FAILURE
                }
            }
            Failure::Batch {
                what,
                failed,
                total,
                interrupted,
            } => {
                // A single input's failure is already the whole story.
                if total > 1 {
                    eprintln!("bynder: {failed} of {total} {what} failed");
                }
                if interrupted {
                    ExitCode::from(INTERRUPTED)
                } else {
                    ExitCode::FAILURE
                }
            }
        }
    }
}

/// Counts the results of a batch and turns failures into one [`Failure::Batch`].
#[derive(Debug)]
pub struct Tally {
    what: &'static str,
    total: usize,
    failed: usize,
    interrupted: bool,
}

impl Tally {
    /// A tally of `what` ("uploads"), nothing counted yet.
    pub fn new(what: &'static str) -> Tally {
        Tally {
            what,
            total: 0,
            failed: 0,
            interrupted: false,
        }
    }

    /// Counts one input's result (its error was printed already).
    pub fn add(&mut self, result: &Result<(), Error>) {
        self.total += 1;
        if let Err(error) = result {
            self.failed += 1;
            self.interrupted |= error.kind() == ErrorKind::Cancelled;
        }
    }

    /// `Ok` when every input succeeded.
    pub fn finish(self) -> Result<(), Failure> {
        if self.failed == 0 {
            return Ok(());
        }
        Err(Failure::Batch {
            what: self.what,
            failed: self.failed,
            total: self.total,
            interrupted: self.interrupted,
        })
    }
}
