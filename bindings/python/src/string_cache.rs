//! Short string values shared across a page (tags, extensions, option and brand ids): a
//! direct-mapped cache from a string's bytes to its Python string.
//!
//! Direct-mapped, not a hash map: a lookup is one slot and one comparison, whatever the
//! input. So the slot can be chosen from a few words of the text (cheaper than hashing all
//! of it), and input made to collide only costs new strings, never a long probe.

use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::shapes::same_bytes;

/// Strings up to this many bytes may be cached. Longer ones are mostly unique (URLs); with the
/// hash map this cache replaced, sharing up to 96 bytes measured slower.
pub const MAX_LEN: usize = 48;

pub struct StringCache<'py, 'v> {
    /// Empty until the first lookup, then a power of two of slots.
    slots: Vec<Option<(&'v [u8], Bound<'py, PyString>)>>,
    /// How many slots to make: more for a bigger input.
    size: usize,
}

impl<'py, 'v> StringCache<'py, 'v> {
    /// A cache for strings of an input of `input_len` bytes: about one slot per 256 bytes,
    /// so a one-asset answer does not pay for a page's table.
    pub fn new(input_len: usize) -> Self {
        StringCache {
            slots: Vec::new(),
            size: (input_len / 256).next_power_of_two().clamp(64, 4096),
        }
    }

    /// The string of `text` (at most [`MAX_LEN`] bytes), made by `make` when this slot holds
    /// another; `found` says which.
    pub fn get_or_make(
        &mut self,
        text: &'v [u8],
        make: impl FnOnce(&[u8]) -> PyResult<Bound<'py, PyString>>,
    ) -> PyResult<(Bound<'py, PyString>, bool)> {
        if self.slots.is_empty() {
            self.slots.resize_with(self.size, || None);
        }
        let slot = &mut self.slots[slot_of(text) & (self.size - 1)];
        if let Some((cached, string)) = slot
            && same_bytes(cached, text)
        {
            return Ok((string.clone(), true));
        }
        let string = make(text)?;
        *slot = Some((text, string.clone()));
        Ok((string, false))
    }
}

/// A slot index from the length and up to three words of `text`: enough to tell ids, dates
/// and tags apart.
fn slot_of(text: &[u8]) -> usize {
    let len = text.len();
    let mut mixed = len as u64;
    if len >= 8 {
        mixed ^= read_u64(text, 0) ^ read_u64(text, len - 8).rotate_left(23);
        if len > 16 {
            mixed ^= read_u64(text, len / 2 - 4).rotate_left(43);
        }
    } else {
        for (i, &byte) in text.iter().enumerate() {
            mixed ^= u64::from(byte) << (8 * (i + 1));
        }
    }
    // Fibonacci hashing: the product's upper half depends on every input bit.
    (mixed.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize
}

fn read_u64(bytes: &[u8], at: usize) -> u64 {
    let mut word = [0; 8];
    word.copy_from_slice(&bytes[at..at + 8]);
    u64::from_le_bytes(word)
}
