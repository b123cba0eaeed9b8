//! Python values to JSON: the arguments of calls (results go the other way in
//! [`crate::to_python`] and [`crate::from_json`]).

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{
    PyBool, PyByteArray, PyBytes, PyDict, PyFloat, PyInt, PyList, PyMapping, PySequence, PyString,
    PyTuple,
};
use serde_json::{Map, Number, Value};

/// Converts a Python value to JSON: `None`, `bool`, `int`, `float`, `str`, lists and tuples,
/// mappings with string keys, and anything with `isoformat()` (dates) or `hex` and `int`
/// (`uuid.UUID`) as its text. `what` names the value in errors.
pub fn from_py(value: &Bound<'_, PyAny>, what: &str) -> PyResult<Value> {
    if value.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = value.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if let Ok(s) = value.cast::<PyString>() {
        return Ok(Value::String(s.to_str()?.to_owned()));
    }
    if value.is_instance_of::<PyInt>() {
        if let Ok(i) = value.extract::<i64>() {
            return Ok(Value::from(i));
        }
        if let Ok(u) = value.extract::<u64>() {
            return Ok(Value::from(u));
        }
        return Err(PyTypeError::new_err(format!(
            "{what}: the integer {value} does not fit in 64 bits"
        )));
    }
    if let Ok(f) = value.cast::<PyFloat>() {
        let f = f.value();
        return Number::from_f64(f)
            .map(Value::Number)
            .ok_or_else(|| PyTypeError::new_err(format!("{what}: {f} is not a finite number")));
    }
    if let Ok(dict) = value.cast::<PyDict>() {
        let mut map = Map::with_capacity(dict.len());
        for (key, item) in dict.iter() {
            let key = dict_key(&key, what)?;
            let item = from_py(&item, &format!("{what}[{key:?}]"))?;
            map.insert(key, item);
        }
        return Ok(Value::Object(map));
    }
    if value.is_instance_of::<PyList>() || value.is_instance_of::<PyTuple>() {
        let sequence = value.cast::<PySequence>()?;
        let mut items = Vec::with_capacity(sequence.len().unwrap_or(0));
        for (index, item) in sequence.try_iter()?.enumerate() {
            items.push(from_py(&item?, &format!("{what}[{index}]"))?);
        }
        return Ok(Value::Array(items));
    }
    if value.is_instance_of::<PyBytes>() || value.is_instance_of::<PyByteArray>() {
        return Err(PyTypeError::new_err(format!(
            "{what}: bytes are not a JSON value; decode them to str first"
        )));
    }
    if let Ok(mapping) = value.cast::<PyMapping>() {
        let dict = PyDict::new(value.py());
        dict.update(mapping)?;
        return from_py(dict.as_any(), what);
    }
    if value.hasattr("isoformat")? {
        return Ok(Value::String(
            value.call_method0("isoformat")?.extract::<String>()?,
        ));
    }
    if value.hasattr("hex")? && value.hasattr("urn")? {
        // uuid.UUID: its canonical text; the core converts it to the form each path needs.
        return Ok(Value::String(value.str()?.to_str()?.to_owned()));
    }
    if let Ok(set) = value.try_iter()
        && (value.hasattr("__len__")? && !value.hasattr("keys")?)
    {
        let mut items = Vec::new();
        for (index, item) in set.enumerate() {
            items.push(from_py(&item?, &format!("{what}[{index}]"))?);
        }
        return Ok(Value::Array(items));
    }
    Err(PyTypeError::new_err(format!(
        "{what}: cannot send a {} (use str, int, float, bool, None, list, tuple or dict)",
        value.get_type().name()?
    )))
}

fn dict_key(key: &Bound<'_, PyAny>, what: &str) -> PyResult<String> {
    match key.cast::<PyString>() {
        Ok(s) => Ok(s.to_str()?.to_owned()),
        Err(_) => Err(PyTypeError::new_err(format!(
            "{what}: dict keys must be str, not {}",
            key.get_type().name()?
        ))),
    }
}

/// A Python dict of keyword arguments as a JSON object.
pub fn params_from_py(params: Option<&Bound<'_, PyDict>>) -> PyResult<Value> {
    let Some(params) = params else {
        return Ok(Value::Object(Map::new()));
    };
    let mut map = Map::with_capacity(params.len());
    for (key, value) in params.iter() {
        let key = dict_key(&key, "parameters")?;
        if value.is_none() {
            // An argument left at None is an argument not given.
            continue;
        }
        let value = from_py(&value, &key)?;
        map.insert(key, value);
    }
    Ok(Value::Object(map))
}
