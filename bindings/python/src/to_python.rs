//! The core's JSON values (`serde_json::Value`) to Python objects: dicts and lists, made the
//! way [`crate::shapes`] explains. Results that arrive as bytes skip the `Value` altogether
//! ([`crate::from_json`]); this serves what the core hands over decoded (raw calls,
//! progress events, the catalog).

use pyo3::prelude::*;
use pyo3::types::{PyBool, PyFloat, PyList};
use serde_json::{Number, Value};

use crate::shapes::{GcPause, Shapes};

/// Converts a JSON value to Python: objects become dicts, arrays lists.
pub fn to_py<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    let _paused = GcPause::new(py);
    let mut shapes = Shapes::new(py, 0);
    let place = shapes.place();
    build(&mut shapes, value, place)
}

/// Converts a list of JSON values (a page's items) to a Python list; the items share what the
/// builder learns about their keys.
pub fn list_to_py<'py>(py: Python<'py>, values: &[Value]) -> PyResult<Bound<'py, PyList>> {
    let _paused = GcPause::new(py);
    // About a kilobyte of JSON per item sizes the string cache.
    let mut shapes = Shapes::new(py, values.len() * 1024);
    let place = shapes.place();
    Ok(list(&mut shapes, values, place)?.cast_into::<PyList>()?)
}

fn build<'py, 'v>(
    shapes: &mut Shapes<'py, 'v>,
    value: &'v Value,
    place: u32,
) -> PyResult<Bound<'py, PyAny>> {
    let py = shapes.py();
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => number(py, n)?,
        Value::String(s) => shapes.text(s.as_bytes(), place)?,
        Value::Array(items) => list(shapes, items, place)?,
        Value::Object(map) => {
            let mark = shapes.mark();
            let mut node = shapes.root(place);
            for (key, value) in map {
                node = shapes.key(node, key.as_bytes())?;
                let value = build(shapes, value, shapes.place_of(node))?;
                shapes.push(node, value);
            }
            shapes.object(mark, node)?
        }
    })
}

/// A list; its items share `place`.
fn list<'py, 'v>(
    shapes: &mut Shapes<'py, 'v>,
    items: &'v [Value],
    place: u32,
) -> PyResult<Bound<'py, PyAny>> {
    let mark = shapes.list_mark();
    for item in items {
        let item = build(shapes, item, place)?;
        shapes.push_item(item);
    }
    shapes.list(mark)
}

fn number<'py>(py: Python<'py>, n: &Number) -> PyResult<Bound<'py, PyAny>> {
    if let Some(i) = n.as_i64() {
        return Ok(i.into_pyobject(py)?.into_any());
    }
    if let Some(u) = n.as_u64() {
        return Ok(u.into_pyobject(py)?.into_any());
    }
    Ok(PyFloat::new(py, n.as_f64().unwrap_or(f64::NAN)).into_any())
}
