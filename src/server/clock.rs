//! Time as the app sees it. Tests swap in a manual clock to exercise idle timeouts, invite expiry
//! and throttling windows without sleeping.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

#[derive(Clone)]
pub enum Clock {
    System,
    Manual(Arc<AtomicI64>),
}

impl Clock {
    /// A manual clock starting at `start` unix seconds, and the handle that moves it.
    pub fn manual(start: i64) -> (Clock, ManualClock) {
        let cell = Arc::new(AtomicI64::new(start));
        (Clock::Manual(cell.clone()), ManualClock(cell))
    }

    /// Unix seconds now.
    pub fn now(&self) -> i64 {
        match self {
            Clock::System => std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs() as i64)
                .unwrap_or(0),
            Clock::Manual(cell) => cell.load(Ordering::SeqCst),
        }
    }
}

/// The test's handle on a manual clock.
#[derive(Clone)]
pub struct ManualClock(Arc<AtomicI64>);

impl ManualClock {
    pub fn advance(&self, secs: i64) {
        self.0.fetch_add(secs, Ordering::SeqCst);
    }
}
