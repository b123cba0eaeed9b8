//! Progress on stderr: one bar per transfer (bytes, rate, ETA) when stderr is a terminal and
//! `--json` is off; otherwise nothing but the one-line summaries the commands print.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Where transfers draw their bars and print their lines without garbling each other.
#[derive(Clone)]
pub struct Progress {
    /// `None` when bars are off.
    multi: Option<MultiProgress>,
}

impl Progress {
    /// Bars only for a person watching: stderr is a terminal and the output is not JSON.
    pub fn new(json: bool) -> Progress {
        let show = !json && std::io::stderr().is_terminal();
        Progress {
            multi: show.then(|| MultiProgress::with_draw_target(ProgressDrawTarget::stderr())),
        }
    }

    /// A new bar labelled `label` (a file name or an id); a no-op bar when bars are off.
    pub fn bar(&self, label: &str) -> Bar {
        let Some(multi) = &self.multi else {
            return Bar(None);
        };
        let bar = multi.add(ProgressBar::new_spinner());
        bar.set_style(spinner_style());
        bar.set_prefix(shorten(label, 32));
        bar.set_message("starting");
        bar.enable_steady_tick(Duration::from_millis(120));
        Bar(Some(bar))
    }

    /// A result line on stdout, drawn above the bars.
    pub fn result(&self, line: &str) {
        match &self.multi {
            Some(multi) => multi.suspend(|| println!("{line}")),
            None => println!("{line}"),
        }
    }

    /// A note or error on stderr, drawn above the bars.
    pub fn note(&self, line: &str) {
        match &self.multi {
            Some(multi) => multi.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }
}

/// One transfer's bar. Cheap to clone into a progress callback.
#[derive(Clone)]
pub struct Bar(Option<ProgressBar>);

impl Bar {
    /// The size is known (or not) and `done` bytes are already there from an earlier attempt.
    pub fn start(&self, total: Option<u64>, done: u64) {
        let Some(bar) = &self.0 else { return };
        if let Some(total) = total {
            bar.set_style(bytes_style());
            bar.set_length(total);
        }
        bar.set_position(done);
        // Bytes from an earlier attempt must not count towards the rate.
        bar.reset_eta();
        bar.set_message("");
    }

    /// Bytes done so far.
    pub fn set(&self, done: u64) {
        if let Some(bar) = &self.0 {
            bar.set_position(done);
        }
    }

    /// A word on what is happening (finalising, retrying...).
    pub fn message(&self, text: impl Into<String>) {
        if let Some(bar) = &self.0 {
            bar.set_message(text.into());
        }
    }

    /// Removes the bar; the command prints its own result line.
    pub fn finish(&self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}

fn bytes_style() -> ProgressStyle {
    ProgressStyle::with_template(
        "{prefix:32} [{bar:28}] {bytes:>10}/{total_bytes:<10} {binary_bytes_per_sec:>12} ETA {eta:>4} {msg}",
    )
    .map(|style| style.progress_chars("=> "))
    .unwrap_or_else(|_| ProgressStyle::default_bar())
}

fn spinner_style() -> ProgressStyle {
    ProgressStyle::with_template("{prefix:32} {spinner} {bytes:>10} {msg}")
        .unwrap_or_else(|_| ProgressStyle::default_spinner())
}

/// `label` cut to `max` characters, keeping its end (where a file name's extension is).
fn shorten(label: &str, max: usize) -> String {
    let count = label.chars().count();
    if count <= max {
        return label.to_string();
    }
    let tail: String = label.chars().skip(count + 1 - max).collect();
    format!("…{tail}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_labels_keep_their_end() {
        assert_eq!(shorten("a.jpg", 8), "a.jpg");
        assert_eq!(shorten("holiday-photo.jpg", 8), "…oto.jpg");
        assert_eq!(shorten("holiday-photo.jpg", 8).chars().count(), 8);
    }
}
