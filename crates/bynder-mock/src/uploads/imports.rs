//! Finalised uploads waiting to be saved ("imports"), keyed by the id the save calls take:
//! the Files Service `file_id` or the S3 flow's `importId`. An import converts for the
//! portal's processing delay, then polls report it done and it can be saved, once.

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};
use std::time::Instant;

use super::blob::Blob;
use crate::store::normalize_id;

/// A finalised upload.
#[derive(Debug, Clone)]
pub struct Import {
    /// The file's name as the client gave it.
    pub file_name: String,
    /// Its bytes.
    pub blob: Blob,
    /// When its conversion finishes.
    pub ready_at: Instant,
    /// Whether it was saved already.
    pub saved: bool,
}

/// What a poll says about one id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PollState {
    /// Converted (saved or not).
    Done,
    /// Still converting.
    Pending,
    /// Unknown id.
    Failed,
}

/// Why an import cannot be saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClaimError {
    /// No such import, or it was saved already.
    NotFound,
    /// Still converting.
    NotReady,
}

/// The imports of one portal.
#[derive(Debug, Default)]
pub struct Imports {
    by_id: Mutex<HashMap<String, Import>>,
}

impl Imports {
    fn with<R>(&self, f: impl FnOnce(&mut HashMap<String, Import>) -> R) -> R {
        f(&mut self.by_id.lock().unwrap_or_else(PoisonError::into_inner))
    }

    /// Adds (or replaces) the import `id`.
    pub fn insert(&self, id: &str, import: Import) {
        self.with(|map| map.insert(normalize_id(id), import));
    }

    /// The state of `id` at `now`.
    pub fn poll(&self, id: &str, now: Instant) -> PollState {
        self.with(|map| match map.get(&normalize_id(id)) {
            None => PollState::Failed,
            Some(import) if import.ready_at <= now => PollState::Done,
            Some(_) => PollState::Pending,
        })
    }

    /// A copy of import `id` when it can be saved at `now`, without taking it.
    pub fn peek(&self, id: &str, now: Instant) -> Result<Import, ClaimError> {
        self.with(|map| {
            let import = map.get(&normalize_id(id)).ok_or(ClaimError::NotFound)?;
            savable(import, now)?;
            Ok(import.clone())
        })
    }

    /// Takes import `id` for saving: it cannot be saved again.
    pub fn claim(&self, id: &str, now: Instant) -> Result<Import, ClaimError> {
        self.with(|map| {
            let import = map.get_mut(&normalize_id(id)).ok_or(ClaimError::NotFound)?;
            savable(import, now)?;
            import.saved = true;
            Ok(import.clone())
        })
    }
}

fn savable(import: &Import, now: Instant) -> Result<(), ClaimError> {
    if import.saved {
        Err(ClaimError::NotFound)
    } else if import.ready_at > now {
        Err(ClaimError::NotReady)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[test]
    fn an_import_converts_then_saves_once() {
        let imports = Imports::default();
        let start = Instant::now();
        let id = "3f1c7d2a-1b2c-4d5e-8f90-123456789abc";
        imports.insert(
            id,
            Import {
                file_name: "a.jpg".into(),
                blob: Blob::default(),
                ready_at: start + Duration::from_secs(1),
                saved: false,
            },
        );
        assert_eq!(imports.poll(id, start), PollState::Pending);
        assert_eq!(imports.claim(id, start).unwrap_err(), ClaimError::NotReady);
        let later = start + Duration::from_secs(2);
        // Either id form and any case name the same import.
        assert_eq!(
            imports.poll("3F1C7D2A-1B2C-4D5E-8F90123456789ABC", later),
            PollState::Done
        );
        assert_eq!(imports.claim(id, later).unwrap().file_name, "a.jpg");
        assert_eq!(imports.claim(id, later).unwrap_err(), ClaimError::NotFound);
        assert_eq!(imports.poll(id, later), PollState::Done);
        assert_eq!(imports.poll("nope", later), PollState::Failed);
    }
}
