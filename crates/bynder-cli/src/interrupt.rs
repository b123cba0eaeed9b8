//! Ctrl-C: the first one cancels the running transfers cleanly (checkpoints and `.part` files
//! are kept); a second one exits at once.

use bynder::transfer::CancelToken;

use crate::progress::Progress;

/// A token that Ctrl-C cancels. Call from inside the tokio runtime.
pub fn cancel_on_ctrl_c(progress: &Progress) -> CancelToken {
    let token = CancelToken::new();
    let handle = token.clone();
    let progress = progress.clone();
    tokio::spawn(async move {
        if tokio::signal::ctrl_c().await.is_err() {
            return; // no signal handling here: Ctrl-C keeps its default effect
        }
        progress.note("bynder: interrupted: stopping (press Ctrl-C again to quit at once)");
        handle.cancel();
        if tokio::signal::ctrl_c().await.is_ok() {
            std::process::exit(130);
        }
    });
    token
}
