//! The core's operation table as Python data, so `bynder` builds its methods (and its stubs)
//! from it: an operation added to the core reaches Python without code here.

use bynder::ops::{Encoding, IdForm, Items, Method, OPERATIONS, Operation, Paging};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

/// Every operation: name, group, action, summary, method, path, path parameters (with their
/// id form), documented parameters, encoding, paging and where list items sit.
#[pyfunction]
pub fn operations(py: Python<'_>) -> PyResult<Bound<'_, PyList>> {
    let list = PyList::empty(py);
    for op in OPERATIONS {
        list.append(describe(py, op)?)?;
    }
    Ok(list)
}

fn describe<'py>(py: Python<'py>, op: &Operation) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    dict.set_item("name", op.name)?;
    dict.set_item("group", op.group())?;
    dict.set_item("action", op.action())?;
    dict.set_item("summary", op.summary)?;
    dict.set_item("method", method_name(op.method))?;
    dict.set_item("path", op.path)?;
    let path_params = PyList::empty(py);
    for param in op.path_params {
        let form = match param.form {
            IdForm::ColdFusion => "coldfusion",
            IdForm::Rfc4122 => "rfc4122",
            IdForm::Opaque => "opaque",
        };
        path_params.append((param.name, form))?;
    }
    dict.set_item("path_params", path_params)?;
    dict.set_item("params", op.params.to_vec())?;
    dict.set_item(
        "encoding",
        match op.encoding {
            Encoding::Query => "query",
            Encoding::Form => "form",
            Encoding::Json => "json",
            Encoding::Raw => "raw",
        },
    )?;
    let (paging, max_limit) = match op.paging {
        Paging::None => ("none", None),
        Paging::PageLimit { max_limit } => ("page_limit", Some(max_limit)),
        Paging::PaginationHeaders { max_limit } => ("pagination_headers", Some(max_limit)),
        Paging::CursorHeader { .. } => ("cursor_header", None),
    };
    dict.set_item("paging", paging)?;
    dict.set_item("max_limit", max_limit)?;
    let items = match op.items {
        Items::Body => "body".to_string(),
        Items::Key(key) => format!("key:{key}"),
        Items::ObjectValues => "object_values".to_string(),
    };
    dict.set_item("items", items)?;
    dict.set_item(
        "scopes",
        op.scopes.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
    )?;
    Ok(dict)
}

fn method_name(method: Method) -> &'static str {
    method.as_str()
}

/// Every OAuth2 scope the core knows, in Bynder's spelling.
#[pyfunction]
pub fn scopes() -> Vec<&'static str> {
    bynder::Scope::ALL.iter().map(|s| s.as_str()).collect()
}
