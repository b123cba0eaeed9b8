//! The only place that reads the time or sleeps.
//!
//! `std::time::Instant::now` and `SystemTime::now` panic on `wasm32-unknown-unknown`, and tests
//! must not sleep for real, so everything else asks a [`Clock`] instead.

use std::collections::BTreeMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::task::{Context, Poll, Waker};
use std::time::Duration;

use futures::future::BoxFuture;

/// A monotonic time source that can also sleep.
pub trait Clock: Send + Sync + std::fmt::Debug {
    /// Monotonic time elapsed since this clock's origin.
    fn now(&self) -> Duration;
    /// A future that resolves once `d` has passed on this clock.
    fn sleep(&self, d: Duration) -> BoxFuture<'static, ()>;
}

/// The real clock: `tokio::time` on native targets.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

/// The process-wide real clock.
pub fn system() -> Arc<dyn Clock> {
    Arc::new(SystemClock)
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::*;
    use std::sync::OnceLock;
    use tokio::time::Instant;

    /// Shared by every `SystemClock`, so readings from different instances are comparable.
    static ORIGIN: OnceLock<Instant> = OnceLock::new();

    impl Clock for SystemClock {
        fn now(&self) -> Duration {
            let origin = *ORIGIN.get_or_init(Instant::now);
            Instant::now().saturating_duration_since(origin)
        }

        fn sleep(&self, d: Duration) -> BoxFuture<'static, ()> {
            // Created inside the future so building it needs no runtime; awaiting it does.
            Box::pin(async move { tokio::time::sleep(d).await })
        }
    }

    /// Wall-clock time since the Unix epoch (for token expiry).
    pub fn unix_now() -> Duration {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default()
    }
}

#[cfg(target_arch = "wasm32")]
mod wasm {
    //! The JS host's clock: `Date.now()` (made monotonic here) and `setTimeout`, which Node and
    //! browsers both have.
    use super::*;
    use std::sync::atomic::{AtomicU64, Ordering};
    use wasm_bindgen::{JsCast, JsValue};

    /// The latest reading in milliseconds, so `now` never goes back if the wall clock does.
    static LAST_MS: AtomicU64 = AtomicU64::new(0);
    static ORIGIN_MS: AtomicU64 = AtomicU64::new(0);

    fn date_now_ms() -> u64 {
        js_sys::Date::now().max(0.0) as u64
    }

    impl Clock for SystemClock {
        fn now(&self) -> Duration {
            let now = date_now_ms();
            let _ = ORIGIN_MS.compare_exchange(0, now, Ordering::Relaxed, Ordering::Relaxed);
            let latest = LAST_MS.fetch_max(now, Ordering::Relaxed).max(now);
            Duration::from_millis(latest.saturating_sub(ORIGIN_MS.load(Ordering::Relaxed)))
        }

        fn sleep(&self, d: Duration) -> BoxFuture<'static, ()> {
            crate::platform::boxed(async move {
                let millis = JsValue::from_f64(d.as_millis() as f64);
                let promise = js_sys::Promise::new(&mut |resolve, _reject| {
                    let global = js_sys::global();
                    let set_timeout = js_sys::Reflect::get(&global, &"setTimeout".into())
                        .ok()
                        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
                    match set_timeout {
                        Some(set_timeout) => {
                            let _ = set_timeout.call2(&global, &resolve, &millis);
                        }
                        None => {
                            let _ = resolve.call0(&JsValue::NULL);
                        }
                    }
                });
                let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
            })
        }
    }

    /// Wall-clock time since the Unix epoch (for token expiry).
    pub fn unix_now() -> Duration {
        Duration::from_millis(date_now_ms())
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub use native::unix_now;
#[cfg(target_arch = "wasm32")]
pub use wasm::unix_now;

/// A clock for tests: time moves only when [`advance`](ManualClock::advance)d, and sleeps
/// resolve only when time has been moved past their deadline. Clones share the same time.
#[derive(Debug, Clone, Default)]
pub struct ManualClock {
    state: Arc<Mutex<ManualState>>,
}

#[derive(Debug, Default)]
struct ManualState {
    now: Duration,
    next_id: u64,
    /// Sleeps that have been polled and are not yet due: id -> (deadline, waker).
    sleepers: BTreeMap<u64, (Duration, Waker)>,
}

/// A poisoned lock only means a test thread panicked; the time value is still valid.
fn lock(state: &Mutex<ManualState>) -> MutexGuard<'_, ManualState> {
    state.lock().unwrap_or_else(PoisonError::into_inner)
}

impl ManualClock {
    /// A clock reading zero.
    pub fn new() -> Self {
        Self::default()
    }

    /// Moves time forward by `d` and wakes the sleeps that are now due.
    pub fn advance(&self, d: Duration) {
        let target = self.now().saturating_add(d);
        self.set(target);
    }

    /// Sets the time (it may go backwards) and wakes the sleeps that are now due.
    pub fn set(&self, now: Duration) {
        let due: Vec<Waker> = {
            let mut state = lock(&self.state);
            state.now = now;
            let due_ids: Vec<u64> = state
                .sleepers
                .iter()
                .filter(|(_, (deadline, _))| *deadline <= now)
                .map(|(id, _)| *id)
                .collect();
            due_ids
                .into_iter()
                .filter_map(|id| state.sleepers.remove(&id))
                .map(|(_, waker)| waker)
                .collect()
        };
        // Woken outside the lock: a waker may poll the sleep straight away.
        due.into_iter().for_each(Waker::wake);
    }

    /// The earliest deadline among sleeps that are waiting, if any.
    pub fn next_deadline(&self) -> Option<Duration> {
        lock(&self.state)
            .sleepers
            .values()
            .map(|(deadline, _)| *deadline)
            .min()
    }

    /// How many sleeps are waiting for time to pass.
    pub fn pending_sleeps(&self) -> usize {
        lock(&self.state).sleepers.len()
    }
}

impl Clock for ManualClock {
    fn now(&self) -> Duration {
        lock(&self.state).now
    }

    fn sleep(&self, d: Duration) -> BoxFuture<'static, ()> {
        let mut state = lock(&self.state);
        let id = state.next_id;
        state.next_id += 1;
        let deadline = state.now.saturating_add(d);
        Box::pin(ManualSleep {
            state: Arc::clone(&self.state),
            deadline,
            id,
        })
    }
}

struct ManualSleep {
    state: Arc<Mutex<ManualState>>,
    deadline: Duration,
    id: u64,
}

impl Future for ManualSleep {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let mut state = lock(&self.state);
        if state.now >= self.deadline {
            state.sleepers.remove(&self.id);
            Poll::Ready(())
        } else {
            state
                .sleepers
                .insert(self.id, (self.deadline, cx.waker().clone()));
            Poll::Pending
        }
    }
}

impl Drop for ManualSleep {
    fn drop(&mut self) {
        lock(&self.state).sleepers.remove(&self.id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures::FutureExt;

    const MS: Duration = Duration::from_millis(1);

    #[test]
    fn manual_clock_moves_only_when_told() {
        let clock = ManualClock::new();
        assert_eq!(clock.now(), Duration::ZERO);
        clock.advance(250 * MS);
        assert_eq!(clock.now(), 250 * MS);
        let copy = clock.clone();
        copy.set(Duration::from_secs(7));
        assert_eq!(clock.now(), Duration::from_secs(7));
    }

    #[test]
    fn manual_sleep_resolves_only_past_its_deadline() {
        let clock = ManualClock::new();
        let mut sleep = clock.sleep(100 * MS);
        assert!((&mut sleep).now_or_never().is_none());
        assert_eq!(clock.pending_sleeps(), 1);
        assert_eq!(clock.next_deadline(), Some(100 * MS));
        clock.advance(99 * MS);
        assert!((&mut sleep).now_or_never().is_none());
        clock.advance(MS);
        assert_eq!(clock.pending_sleeps(), 0);
        assert!(sleep.now_or_never().is_some());
    }

    #[test]
    fn zero_sleep_is_ready_and_dropped_sleeps_are_forgotten() {
        let clock = ManualClock::new();
        assert!(clock.sleep(Duration::ZERO).now_or_never().is_some());
        let mut sleep = clock.sleep(MS);
        assert!((&mut sleep).now_or_never().is_none());
        drop(sleep);
        assert_eq!(clock.pending_sleeps(), 0);
        assert_eq!(clock.next_deadline(), None);
    }

    #[test]
    fn advance_wakes_the_sleeping_task() {
        let clock = ManualClock::new();
        let mut pool = futures::executor::LocalPool::new();
        let done = Arc::new(Mutex::new(false));
        let (c, d) = (clock.clone(), Arc::clone(&done));
        futures::task::LocalSpawnExt::spawn_local(&pool.spawner(), async move {
            c.sleep(Duration::from_secs(2)).await;
            *d.lock().unwrap() = true;
        })
        .unwrap();
        pool.run_until_stalled();
        assert!(!*done.lock().unwrap());
        clock.advance(Duration::from_secs(1));
        pool.run_until_stalled();
        assert!(!*done.lock().unwrap());
        clock.advance(Duration::from_secs(1));
        pool.run_until_stalled();
        assert!(*done.lock().unwrap());
    }

    #[tokio::test]
    async fn system_clock_is_monotonic_and_sleeps() {
        let clock = system();
        let before = clock.now();
        clock.sleep(5 * MS).await;
        assert!(clock.now() >= before + 5 * MS);
        // Some time after 2020-01-01.
        assert!(unix_now() > Duration::from_secs(1_577_836_800));
    }
}
