//! JSON bytes straight to Python objects, in one pass: no `serde_json::Value` in between.
//!
//! Building from a `Value` tree reads a few megabytes of scattered heap (a string and a map
//! per object); reading the response's own bytes front to back is what lets this beat
//! `orjson.loads` on a page. Objects, keys and repeated strings are made the way
//! [`crate::shapes`] explains. Strings are scanned sixteen bytes at a time for their end.
//!
//! RFC 8259 JSON: whitespace around values, `\uXXXX` escapes with surrogate pairs, integers
//! of any size (Python ints; beyond 64 bits through `int(text)`), floats as Python floats,
//! nesting up to 128 deep (as serde_json), and nothing after the value but whitespace.
#![allow(unsafe_code)]

use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyFloat};

use crate::shapes::{GcPause, Shapes, owned, same_bytes};

/// Why bytes did not become objects.
pub enum Failure {
    /// Not JSON: the message names the byte offset.
    Syntax(String),
    /// Python could not make an object (memory, a string that is not UTF-8).
    Python(PyErr),
}

impl From<PyErr> for Failure {
    fn from(err: PyErr) -> Self {
        Failure::Python(err)
    }
}

/// Parses JSON bytes into Python objects.
pub fn json_to_py<'py>(py: Python<'py>, bytes: &[u8]) -> Result<Bound<'py, PyAny>, Failure> {
    let _paused = GcPause::new(py);
    let mut parser = Parser {
        bytes,
        pos: 0,
        depth: 0,
        scratch: Vec::new(),
        shapes: Shapes::new(py, bytes.len()),
    };
    let place = parser.shapes.place();
    parser.skip_space();
    let value = parser.value(place)?;
    parser.skip_space();
    if parser.pos < bytes.len() {
        return Err(parser.error("trailing characters"));
    }
    Ok(value)
}

/// As serde_json: deeper input is refused, not allowed to exhaust the stack.
const MAX_DEPTH: u32 = 128;

struct Parser<'py, 'v> {
    bytes: &'v [u8],
    pos: usize,
    depth: u32,
    /// Decoded text of the string being read when it has escapes.
    scratch: Vec<u8>,
    shapes: Shapes<'py, 'v>,
}

/// A string as read: its bytes in the input, or decoded into the scratch buffer.
enum Text<'v> {
    Raw(&'v [u8]),
    Decoded,
}

impl<'py, 'v> Parser<'py, 'v> {
    fn error(&self, what: &str) -> Failure {
        Failure::Syntax(format!("{what} at byte {}", self.pos))
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.peek() {
            self.pos += 1;
        }
    }

    /// Reads `expected` after optional whitespace.
    fn expect(&mut self, expected: u8, what: &str) -> Result<(), Failure> {
        self.skip_space();
        if self.peek() == Some(expected) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.error(what))
        }
    }

    fn value(&mut self, place: u32) -> Result<Bound<'py, PyAny>, Failure> {
        let py = self.shapes.py();
        match self.peek() {
            Some(b'{') => self.nested(|parser| parser.object(place)),
            Some(b'[') => self.nested(|parser| parser.array(place)),
            Some(b'"') => {
                self.pos += 1;
                match self.string()? {
                    Text::Raw(text) => Ok(self.shapes.text(text, place)?),
                    Text::Decoded => Ok(self.shapes.new_string(&self.scratch)?.into_any()),
                }
            }
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't') => self.literal(b"true", PyBool::new(py, true).to_owned().into_any()),
            Some(b'f') => self.literal(b"false", PyBool::new(py, false).to_owned().into_any()),
            Some(b'n') => self.literal(b"null", py.None().into_bound(py)),
            Some(_) => Err(self.error("expected a value")),
            None => Err(self.error("unexpected end of input")),
        }
    }

    fn nested(
        &mut self,
        read: impl FnOnce(&mut Self) -> Result<Bound<'py, PyAny>, Failure>,
    ) -> Result<Bound<'py, PyAny>, Failure> {
        if self.depth >= MAX_DEPTH {
            return Err(self.error("nesting deeper than 128"));
        }
        self.depth += 1;
        self.pos += 1;
        let value = read(self);
        self.depth -= 1;
        value
    }

    fn literal(
        &mut self,
        text: &[u8],
        value: Bound<'py, PyAny>,
    ) -> Result<Bound<'py, PyAny>, Failure> {
        if self.bytes[self.pos..].starts_with(text) {
            self.pos += text.len();
            Ok(value)
        } else {
            Err(self.error("expected a value"))
        }
    }

    /// After `{`.
    fn object(&mut self, place: u32) -> Result<Bound<'py, PyAny>, Failure> {
        let mark = self.shapes.mark();
        let mut node = self.shapes.root(place);
        self.skip_space();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(self.shapes.object(mark, node)?);
        }
        loop {
            self.expect(b'"', "expected a key")?;
            node = if let Some(next) = self.expected_key(node) {
                next
            } else {
                match self.string()? {
                    Text::Raw(key) => self.shapes.key(node, key)?,
                    Text::Decoded => self.shapes.decoded_key(node, &self.scratch)?,
                }
            };
            self.expect(b':', "expected ':'")?;
            self.skip_space();
            let value = self.value(self.shapes.place_of(node))?;
            self.shapes.push(node, value);
            self.skip_space();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(self.shapes.object(mark, node)?);
                }
                _ => return Err(self.error("expected ',' or '}'")),
            }
        }
    }

    /// After a key's opening `"`: when the input holds the key taken last after `node`
    /// (closing `"` included), that key's node, read past it.
    fn expected_key(&mut self, node: u32) -> Option<u32> {
        let (next, text) = self.shapes.expected(node)?;
        let end = self.pos + text.len();
        let found = self.bytes.get(self.pos..end)?;
        if self.bytes.get(end) == Some(&b'"') && same_bytes(found, text) {
            self.pos = end + 1;
            Some(next)
        } else {
            None
        }
    }

    /// After `[`; the items share `place`.
    fn array(&mut self, place: u32) -> Result<Bound<'py, PyAny>, Failure> {
        let mark = self.shapes.list_mark();
        self.skip_space();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(self.shapes.list(mark)?);
        }
        loop {
            self.skip_space();
            let item = self.value(place)?;
            self.shapes.push_item(item);
            self.skip_space();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(self.shapes.list(mark)?);
                }
                _ => return Err(self.error("expected ',' or ']'")),
            }
        }
    }

    /// After the opening `"`: up to and past the closing one.
    fn string(&mut self) -> Result<Text<'v>, Failure> {
        let bytes = self.bytes;
        let start = self.pos;
        let end = start + special_offset(&bytes[start..]);
        self.pos = end;
        match bytes.get(end) {
            Some(b'"') => {
                self.pos += 1;
                Ok(Text::Raw(&bytes[start..end]))
            }
            Some(b'\\') => {
                self.scratch.clear();
                self.scratch.extend_from_slice(&bytes[start..end]);
                self.escaped()
            }
            Some(_) => Err(self.error("control character in a string")),
            None => Err(self.error("unterminated string")),
        }
    }

    /// The rest of a string that has escapes, decoded into `scratch`.
    fn escaped(&mut self) -> Result<Text<'v>, Failure> {
        loop {
            let bytes = self.bytes;
            let start = self.pos;
            let end = start + special_offset(&bytes[start..]);
            self.scratch.extend_from_slice(&bytes[start..end]);
            self.pos = end;
            match bytes.get(end) {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(Text::Decoded);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    self.escape()?;
                }
                Some(_) => return Err(self.error("control character in a string")),
                None => return Err(self.error("unterminated string")),
            }
        }
    }

    /// One escape, after its `\`.
    fn escape(&mut self) -> Result<(), Failure> {
        let decoded = match self.peek() {
            Some(b'"') => b'"',
            Some(b'\\') => b'\\',
            Some(b'/') => b'/',
            Some(b'b') => 0x08,
            Some(b'f') => 0x0c,
            Some(b'n') => b'\n',
            Some(b'r') => b'\r',
            Some(b't') => b'\t',
            Some(b'u') => {
                self.pos += 1;
                let unit = self.hex4()?;
                let code = if (0xD800..0xDC00).contains(&unit) {
                    if !self.bytes[self.pos..].starts_with(b"\\u") {
                        return Err(self.error("lone surrogate in \\u escape"));
                    }
                    self.pos += 2;
                    let low = self.hex4()?;
                    if !(0xDC00..0xE000).contains(&low) {
                        return Err(self.error("lone surrogate in \\u escape"));
                    }
                    0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00..0xE000).contains(&unit) {
                    return Err(self.error("lone surrogate in \\u escape"));
                } else {
                    unit
                };
                let c = char::from_u32(code).ok_or_else(|| self.error("invalid \\u escape"))?;
                let mut buf = [0; 4];
                self.scratch
                    .extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                return Ok(());
            }
            _ => return Err(self.error("invalid escape")),
        };
        self.scratch.push(decoded);
        self.pos += 1;
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, Failure> {
        let digits = self
            .bytes
            .get(self.pos..self.pos + 4)
            .ok_or_else(|| self.error("short \\u escape"))?;
        let mut unit = 0;
        for &d in digits {
            let v = (d as char)
                .to_digit(16)
                .ok_or_else(|| self.error("invalid \\u escape"))?;
            unit = unit * 16 + v;
        }
        self.pos += 4;
        Ok(unit)
    }

    fn number(&mut self) -> Result<Bound<'py, PyAny>, Failure> {
        let py = self.shapes.py();
        let bytes = self.bytes;
        let start = self.pos;
        let negative = bytes[start] == b'-';
        let digits_start = start + usize::from(negative);
        let mut pos = digits_start;
        let mut magnitude: u64 = 0;
        let mut overflow = false;
        while let Some(&d @ b'0'..=b'9') = bytes.get(pos) {
            match magnitude
                .checked_mul(10)
                .and_then(|m| m.checked_add(u64::from(d - b'0')))
            {
                Some(m) => magnitude = m,
                None => overflow = true,
            }
            pos += 1;
        }
        let digits = pos - digits_start;
        if digits == 0 || (digits > 1 && bytes[digits_start] == b'0') {
            self.pos = digits_start;
            return Err(self.error("invalid number"));
        }
        if let Some(b'.' | b'e' | b'E') = bytes.get(pos) {
            while let Some(b'0'..=b'9' | b'.' | b'e' | b'E' | b'+' | b'-') = bytes.get(pos) {
                pos += 1;
            }
            self.pos = pos;
            let text = std::str::from_utf8(&bytes[start..pos]).unwrap_or("");
            let value: f64 = text.parse().map_err(|_| self.error("invalid number"))?;
            return Ok(PyFloat::new(py, value).into_any());
        }
        self.pos = pos;
        if !overflow {
            if !negative {
                return Ok(magnitude.into_pyobject(py).map_err(PyErr::from)?.into_any());
            }
            if magnitude <= i64::MAX as u64 + 1 {
                return Ok((magnitude as i64)
                    .wrapping_neg()
                    .into_pyobject(py)
                    .map_err(PyErr::from)?
                    .into_any());
            }
        }
        // Beyond 64 bits: Python's own `int(text)`, exact.
        let text =
            std::ffi::CString::new(&bytes[start..pos]).map_err(|_| self.error("invalid number"))?;
        // SAFETY: `text` is a NUL-terminated string of ASCII digits; the GIL is held.
        Ok(unsafe {
            owned(
                py,
                ffi::PyLong_FromString(text.as_ptr(), std::ptr::null_mut(), 10),
            )?
        })
    }
}

/// The offset of the first `"`, `\` or control character in `bytes` (its length when none).
fn special_offset(bytes: &[u8]) -> usize {
    #[cfg(target_arch = "x86_64")]
    match sse2::find(bytes) {
        Ok(found) => found,
        Err(scanned) => scanned + swar_offset(&bytes[scanned..]),
    }
    #[cfg(not(target_arch = "x86_64"))]
    swar_offset(bytes)
}

/// [`special_offset`] eight bytes at a time, in portable code.
fn swar_offset(bytes: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    let mut offset = 0;
    for chunk in &mut chunks {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word);
        // A byte is zero where `w` has `"` or `\`; below 0x20 where it is a control byte.
        // The lowest flagged byte is exact (borrows only flag bytes above a real match).
        let quote = w ^ (ONES * u64::from(b'"'));
        let backslash = w ^ (ONES * u64::from(b'\\'));
        let flags = (quote.wrapping_sub(ONES) & !quote
            | backslash.wrapping_sub(ONES) & !backslash
            | w.wrapping_sub(ONES * 0x20) & !w)
            & HIGH;
        if flags != 0 {
            return offset + (flags.trailing_zeros() / 8) as usize;
        }
        offset += 8;
    }
    offset
        + chunks
            .remainder()
            .iter()
            .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
            .unwrap_or(chunks.remainder().len())
}

/// Sixteen bytes at a time with SSE2, which every x86-64 processor has.
#[cfg(target_arch = "x86_64")]
mod sse2 {
    use std::arch::x86_64::{
        _mm_cmpeq_epi8, _mm_loadu_si128, _mm_min_epu8, _mm_movemask_epi8, _mm_or_si128,
        _mm_set1_epi8,
    };

    /// The offset of the first `"`, `\` or control byte in the whole 16-byte blocks from the
    /// start of `bytes`, or how many bytes those blocks cover when none holds one.
    pub fn find(bytes: &[u8]) -> Result<usize, usize> {
        let mut offset = 0;
        while offset + 16 <= bytes.len() {
            // SAFETY: SSE2 is part of x86-64; the load reads 16 bytes inside `bytes`
            // (checked above) and allows any alignment.
            let mask = unsafe {
                let block = _mm_loadu_si128(bytes.as_ptr().add(offset).cast());
                let quote = _mm_cmpeq_epi8(block, _mm_set1_epi8(b'"' as i8));
                let backslash = _mm_cmpeq_epi8(block, _mm_set1_epi8(b'\\' as i8));
                // Unsigned: a byte is at most 0x1F when the minimum with 0x1F is itself.
                let control = _mm_cmpeq_epi8(_mm_min_epu8(block, _mm_set1_epi8(0x1F)), block);
                _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(quote, backslash), control))
            };
            if mask != 0 {
                return Ok(offset + mask.trailing_zeros() as usize);
            }
            offset += 16;
        }
        Err(offset)
    }
}
