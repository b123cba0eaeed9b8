//! What both JSON-to-Python builders share: Python objects made the cheap way for pages.
//!
//! A page is a list of objects that mostly share their keys, and objects nested at the same
//! place (every asset's `thumbnails`) share theirs too. So [`Shapes`] remembers, per place in
//! the tree, the key sequences it has met as a trie of Python key strings, and for each whole
//! sequence a template: the first such object. A new object with a known sequence is a
//! `PyDict_Copy` of its template (one copy of a table that is already sized and hashed) whose
//! values are then replaced where they differ; a key is found by comparing its text with the
//! one or two candidates at its trie node. Every string value remembers the last value at its
//! place, so a repeated one (`image`, `landscape`, a copyright line) is shared, not made again;
//! strings up to 48 bytes are also shared through one cache ([`StringCache`]) where they repeat
//! (tags, extensions, option and brand ids). The cyclic garbage collector is paused while a
//! tree is built ([`GcPause`]): new objects cannot form cycles, so its passes over them
//! mid-build are wasted; the one young-generation pass they need comes after the call
//! (docs/benchmarks.md counts it).
//!
//! `unsafe` is allowed in this file and its two builders alone: the template copy, the
//! presized list, the GC pause and strings made from unchecked bytes are CPython calls pyo3
//! does not wrap. Everything stays within the stable ABI (abi3).
#![allow(unsafe_code)]

use std::borrow::Cow;

use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};
use rustc_hash::FxHashMap;

use crate::string_cache::{self, StringCache};

/// Pauses CPython's cyclic GC for its lifetime, when it was running.
pub struct GcPause {
    resume: bool,
}

impl GcPause {
    pub fn new(_py: Python<'_>) -> Self {
        // SAFETY: the GIL is held (the token says so).
        GcPause {
            resume: unsafe { ffi::PyGC_Disable() } == 1,
        }
    }
}

impl Drop for GcPause {
    fn drop(&mut self) {
        if self.resume {
            // SAFETY: a pause lives inside one builder call, which holds the GIL throughout.
            unsafe { ffi::PyGC_Enable() };
        }
    }
}

/// A key at one depth of a place's trie.
struct Node<'py, 'v> {
    /// The key's text: borrowed from the first object that had it here, or decoded.
    text: Cow<'v, [u8]>,
    /// The key's Python string (shared by every node with this text; empty at a root).
    name: Bound<'py, PyString>,
    /// The nodes of the keys met after this one.
    children: Vec<u32>,
    /// The child taken last: the key most likely to come next.
    next: Option<u32>,
    /// The template of the objects whose keys end here.
    template: Option<Template<'py>>,
    /// Where this key's values sit (nested objects, repeated strings).
    place: u32,
}

/// The first object met with one key sequence: copied for every later one, whose values then
/// replace its own where they differ (a shared string, a small int or `None` often does not).
struct Template<'py> {
    dict: Bound<'py, PyAny>,
    /// Its values in key order, compared by identity only (`dict` keeps them alive); empty
    /// when a key repeats, where the last value must win.
    values: Vec<*mut ffi::PyObject>,
}

impl<'py> Template<'py> {
    fn new(
        py: Python<'py>,
        nodes: &[Node<'py, '_>],
        entries: &[(u32, Bound<'py, PyAny>)],
    ) -> PyResult<Self> {
        let dict = PyDict::new(py);
        for (node, value) in entries {
            dict.set_item(&nodes[*node as usize].name, value)?;
        }
        let values = if dict.len() == entries.len() {
            entries.iter().map(|(_, value)| value.as_ptr()).collect()
        } else {
            Vec::new()
        };
        Ok(Template {
            dict: dict.into_any(),
            values,
        })
    }
}

/// One place in the tree: the values under one key (or in one list).
struct Place<'py, 'v> {
    /// The trie root of the objects met here.
    root: Option<u32>,
    /// The last string value met here.
    last: Option<(&'v [u8], Bound<'py, PyString>)>,
    /// How often a string here was compared with the last one, and how often it was equal:
    /// a place of unique values (ids, URLs) stops comparing.
    compared: u32,
    repeated: u32,
    /// Short strings looked up in the shared cache here, and how many were found: a place
    /// whose short strings are unique (hashes, codes) stops paying for the lookups.
    lookups: u32,
    found: u32,
}

/// Tries at a place before its hit rate decides whether it keeps trying.
const TRIALS: u32 = 32;

/// The builders' memory of keys, templates and strings during one conversion.
pub struct Shapes<'py, 'v> {
    py: Python<'py>,
    /// Every distinct key's Python string.
    keys: FxHashMap<&'v [u8], Bound<'py, PyString>>,
    /// Short values worth sharing across places.
    values: StringCache<'py, 'v>,
    nodes: Vec<Node<'py, 'v>>,
    places: Vec<Place<'py, 'v>>,
    /// The values of the objects being built, innermost last (see [`Shapes::object`]).
    entries: Vec<(u32, Bound<'py, PyAny>)>,
    /// The items of the lists being built, innermost last (see [`Shapes::list`]).
    items: Vec<Bound<'py, PyAny>>,
    empty: Bound<'py, PyString>,
}

impl<'py, 'v> Shapes<'py, 'v> {
    /// Shapes for a conversion of about `input_len` bytes of JSON.
    pub fn new(py: Python<'py>, input_len: usize) -> Self {
        Shapes {
            py,
            keys: FxHashMap::with_capacity_and_hasher(64, Default::default()),
            values: StringCache::new(input_len),
            nodes: Vec::new(),
            places: Vec::new(),
            entries: Vec::new(),
            items: Vec::new(),
            empty: PyString::new(py, ""),
        }
    }

    pub fn py(&self) -> Python<'py> {
        self.py
    }

    /// A new place (the root of a tree).
    pub fn place(&mut self) -> u32 {
        self.places.push(Place {
            root: None,
            last: None,
            compared: 0,
            repeated: 0,
            lookups: 0,
            found: 0,
        });
        index(self.places.len() - 1)
    }

    /// Where the values of the key at `node` sit.
    pub fn place_of(&self, node: u32) -> u32 {
        self.nodes[node as usize].place
    }

    /// The trie root of the objects at `place`: the node before their first key.
    pub fn root(&mut self, place: u32) -> u32 {
        if let Some(root) = self.places[place as usize].root {
            return root;
        }
        let root = self.node(Cow::Borrowed(&[]), self.empty.clone());
        self.places[place as usize].root = Some(root);
        root
    }

    fn node(&mut self, text: Cow<'v, [u8]>, name: Bound<'py, PyString>) -> u32 {
        let place = self.place();
        self.nodes.push(Node {
            text,
            name,
            children: Vec::new(),
            next: None,
            template: None,
            place,
        });
        index(self.nodes.len() - 1)
    }

    /// The node of key `key` after `node`, made when this key has not followed it before.
    /// `key` is UTF-8 (checked by the caller).
    pub fn key(&mut self, node: u32, key: &'v [u8]) -> PyResult<u32> {
        if let Some(found) = self.find_child(node, key) {
            self.nodes[node as usize].next = Some(found);
            return Ok(found);
        }
        let name = match self.keys.get(key) {
            Some(name) => name.clone(),
            None => {
                let name = self.new_string(key)?;
                self.keys.insert(key, name.clone());
                name
            }
        };
        Ok(self.add_child(node, Cow::Borrowed(key), name))
    }

    /// [`Shapes::key`] for a key whose text was decoded (it had escapes).
    pub fn decoded_key(&mut self, node: u32, key: &[u8]) -> PyResult<u32> {
        if let Some(found) = self.find_child(node, key) {
            self.nodes[node as usize].next = Some(found);
            return Ok(found);
        }
        let name = self.new_string(key)?;
        Ok(self.add_child(node, Cow::Owned(key.to_vec()), name))
    }

    fn find_child(&self, node: u32, key: &[u8]) -> Option<u32> {
        let nodes = &self.nodes;
        if let Some(next) = nodes[node as usize].next
            && same_bytes(&nodes[next as usize].text, key)
        {
            return Some(next);
        }
        nodes[node as usize]
            .children
            .iter()
            .copied()
            .find(|&child| same_bytes(&nodes[child as usize].text, key))
    }

    fn add_child(&mut self, node: u32, text: Cow<'v, [u8]>, name: Bound<'py, PyString>) -> u32 {
        let child = self.node(text, name);
        let parent = &mut self.nodes[node as usize];
        parent.children.push(child);
        parent.next = Some(child);
        child
    }

    /// The key taken last after `node`, as it appears in the input (none when it had escapes):
    /// a parser that finds exactly these bytes next has found that key without reading it.
    pub fn expected(&self, node: u32) -> Option<(u32, &[u8])> {
        let next = self.nodes[node as usize].next?;
        match &self.nodes[next as usize].text {
            Cow::Borrowed(text) => Some((next, text)),
            Cow::Owned(_) => None,
        }
    }

    /// Where the values of the object being built start in the entry stack.
    pub fn mark(&self) -> usize {
        self.entries.len()
    }

    /// Adds one value of the object being built, under the key at `node`.
    pub fn push(&mut self, node: u32, value: Bound<'py, PyAny>) {
        self.entries.push((node, value));
    }

    /// The dict of the entries pushed since `mark`, whose last key is at `node` (the root
    /// for `{}`), in order; they leave the stack.
    pub fn object(&mut self, mark: usize, node: u32) -> PyResult<Bound<'py, PyAny>> {
        let py = self.py;
        if self.nodes[node as usize].template.is_none() {
            let template = Template::new(py, &self.nodes, &self.entries[mark..])?;
            self.nodes[node as usize].template = Some(template);
        }
        let Some(template) = &self.nodes[node as usize].template else {
            unreachable!("made above")
        };
        // SAFETY: the GIL is held and `template.dict` is a dict; a null answer becomes the
        // pending exception.
        let dict = unsafe { owned(py, ffi::PyDict_Copy(template.dict.as_ptr()))? };
        let same = |i: usize, value: &Bound<'py, PyAny>| {
            template
                .values
                .get(i)
                .is_some_and(|&held| held == value.as_ptr())
        };
        for (i, (node, value)) in self.entries.drain(mark..).enumerate() {
            if same(i, &value) {
                continue;
            }
            let name = &self.nodes[node as usize].name;
            // SAFETY: `dict` is a dict and `name` a str, so no Python code runs; the GIL is held.
            if unsafe { ffi::PyDict_SetItem(dict.as_ptr(), name.as_ptr(), value.as_ptr()) } != 0 {
                return Err(PyErr::fetch(py));
            }
        }
        Ok(dict)
    }

    /// A string value at `place` from its UTF-8 bytes (as they sit in the input): the last
    /// one there when equal, else a shared short one, else a new one. Invalid UTF-8 answers
    /// Python's `UnicodeDecodeError`.
    pub fn text(&mut self, text: &'v [u8], place: u32) -> PyResult<Bound<'py, PyAny>> {
        let py = self.py;
        let here = &mut self.places[place as usize];
        let compare = here.compared < TRIALS || here.repeated * 8 >= here.compared;
        if compare && let Some((last, string)) = &here.last {
            here.compared += 1;
            if same_bytes(last, text) {
                here.repeated += 1;
                return Ok(string.clone().into_any());
            }
        }
        // Long strings cost more to compare: shared where most repeat (option and brand ids),
        // not where a quarter do.
        let needed = if text.len() <= 16 { 4 } else { 2 };
        let shared = text.len() <= string_cache::MAX_LEN
            && (here.lookups < TRIALS || here.found * needed >= here.lookups);
        let string = if shared {
            here.lookups += 1;
            let (string, found) = self.values.get_or_make(text, |text| new_string(py, text))?;
            self.places[place as usize].found += u32::from(found);
            string
        } else {
            new_string(py, text)?
        };
        if compare {
            self.places[place as usize].last = Some((text, string.clone()));
        }
        Ok(string.into_any())
    }

    /// A new Python string from UTF-8 bytes (checked by CPython).
    pub fn new_string(&self, text: &[u8]) -> PyResult<Bound<'py, PyString>> {
        new_string(self.py, text)
    }

    /// Where the items of the list being built start in the item stack.
    pub fn list_mark(&self) -> usize {
        self.items.len()
    }

    /// Adds one item of the list being built.
    pub fn push_item(&mut self, item: Bound<'py, PyAny>) {
        self.items.push(item);
    }

    /// The list of the items pushed since `mark`, in one allocation; they leave the stack.
    pub fn list(&mut self, mark: usize) -> PyResult<Bound<'py, PyAny>> {
        let py = self.py;
        let len = ffi::Py_ssize_t::try_from(self.items.len() - mark)
            .map_err(|_| pyo3::exceptions::PyOverflowError::new_err("list too long"))?;
        // SAFETY: GIL held; a null answer becomes the pending exception.
        let list = unsafe { owned(py, ffi::PyList_New(len))? };
        for (i, item) in self.items.drain(mark..).enumerate() {
            // SAFETY: `list` is a new list of `len` empty slots and `i < len`;
            // `PyList_SetItem` steals the item's reference, also when it fails.
            if unsafe { ffi::PyList_SetItem(list.as_ptr(), i as ffi::Py_ssize_t, item.into_ptr()) }
                != 0
            {
                return Err(PyErr::fetch(py));
            }
        }
        Ok(list)
    }
}

/// A new Python string from UTF-8 bytes (checked by CPython).
fn new_string<'py>(py: Python<'py>, text: &[u8]) -> PyResult<Bound<'py, PyString>> {
    let len = ffi::Py_ssize_t::try_from(text.len())
        .map_err(|_| pyo3::exceptions::PyOverflowError::new_err("string too long"))?;
    // SAFETY: `text` is valid for `len` bytes; the GIL is held; null becomes the exception.
    let string = unsafe {
        owned(
            py,
            ffi::PyUnicode_FromStringAndSize(text.as_ptr().cast(), len),
        )?
    };
    // SAFETY: `PyUnicode_FromStringAndSize` answers a str.
    Ok(unsafe { string.cast_into_unchecked() })
}

/// Byte equality, without a library call for the short texts keys, flags and ids are: two or
/// three overlapping word compares instead of a `memcmp`.
#[inline]
pub fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    let len = a.len();
    if len != b.len() {
        return false;
    }
    match len {
        0 => true,
        1..4 => a.iter().zip(b).all(|(x, y)| x == y),
        4..8 => {
            word::<4>(a, 0) == word::<4>(b, 0) && word::<4>(a, len - 4) == word::<4>(b, len - 4)
        }
        8..=16 => {
            word::<8>(a, 0) == word::<8>(b, 0) && word::<8>(a, len - 8) == word::<8>(b, len - 8)
        }
        17..=32 => {
            word::<16>(a, 0) == word::<16>(b, 0)
                && word::<16>(a, len - 16) == word::<16>(b, len - 16)
        }
        33..=48 => {
            word::<16>(a, 0) == word::<16>(b, 0)
                && word::<16>(a, 16) == word::<16>(b, 16)
                && word::<16>(a, len - 16) == word::<16>(b, len - 16)
        }
        _ => a == b,
    }
}

/// `N` bytes of `bytes` from `at` (in bounds: the callers check lengths).
#[inline]
fn word<const N: usize>(bytes: &[u8], at: usize) -> [u8; N] {
    let mut word = [0; N];
    word.copy_from_slice(&bytes[at..at + N]);
    word
}

/// A `u32` index into the arenas (a conversion has far fewer keys and places).
fn index(len: usize) -> u32 {
    u32::try_from(len).unwrap_or(u32::MAX)
}

/// Takes ownership of a new reference, or answers the pending Python exception.
///
/// # Safety
/// `ptr` is a new reference or null, and the GIL is held.
pub unsafe fn owned<'py>(py: Python<'py>, ptr: *mut ffi::PyObject) -> PyResult<Bound<'py, PyAny>> {
    // SAFETY: as the caller promises.
    unsafe { Bound::from_owned_ptr_or_err(py, ptr) }
}
