//! Client-side rate limiting that keeps within Bynder's budget, so the portal never answers 429.
//!
//! Bynder allows 4500 requests in any 5-minute window per source IP, sends no rate-limit headers
//! and no `Retry-After`, and once it answers 429 it keeps blocking until 5 minutes pass with no
//! request at all (requests made during a block prolong it). An older documented limit is 15
//! requests per second. So the limiter:
//!
//! - counts every request it lets through for a window plus a small margin, and caps requests per
//!   second as well ([`RateLimitPolicy`]);
//! - on a 429 pauses *all* traffic for a full window ([`RateLimiter::on_rate_limited`]);
//! - is shared by every client of the same portal in the process ([`RateLimiter::shared`]);
//! - keeps its counts behind [`RateLimitStore`], so a store shared by several processes or hosts
//!   behind one IP can replace the in-process [`MemoryStore`].

mod limiter;
mod memory;
mod policy;
#[cfg(test)]
mod tests;

use std::time::Duration;

pub use limiter::{RateLimitStats, RateLimiter};
pub use memory::MemoryStore;
pub use policy::RateLimitPolicy;

/// The answer of a [`RateLimitStore`] to a request for one slot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Acquire {
    /// The request may go now; the store has counted it.
    Granted,
    /// Nothing was counted; ask again after this long.
    Wait(Duration),
}

/// The shared counting state of a limiter.
///
/// Behind a trait so that a store shared by several processes or hosts (which all count against
/// the same source IP) can replace the in-process [`MemoryStore`] later.
pub trait RateLimitStore: Send + Sync + std::fmt::Debug {
    /// Counts one request at `now` if `policy` allows it, or says how long to wait.
    fn try_acquire(&self, now: Duration, policy: &RateLimitPolicy) -> Acquire;
    /// Refuses every request until `until` (an earlier block that ends later is kept).
    fn block_until(&self, until: Duration);
}
