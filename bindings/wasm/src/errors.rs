//! Core errors as JS `Error` objects carrying `kind`, `code`, `status`, `requestId` and
//! `operation`; the npm package turns them into its `BynderError` class.

use wasm_bindgen::JsValue;

/// The JS error for a core error.
pub fn to_js(error: &bynder::Error) -> JsValue {
    let js = js_sys::Error::new(&error.to_string());
    js.set_name("BynderError");
    let set = |key: &str, value: JsValue| {
        let _ = js_sys::Reflect::set(&js, &JsValue::from_str(key), &value);
    };
    set("kind", JsValue::from_str(error.kind().name()));
    set("code", JsValue::from(error.kind().code()));
    set("message", JsValue::from_str(&error.to_string()));
    set("detail", JsValue::from_str(error.message()));
    set(
        "status",
        error.status().map_or(JsValue::NULL, JsValue::from),
    );
    set(
        "requestId",
        error.request_id().map_or(JsValue::NULL, JsValue::from_str),
    );
    set(
        "operation",
        error.operation().map_or(JsValue::NULL, JsValue::from_str),
    );
    js.into()
}

/// An `InvalidArgument` error about `what`.
pub fn invalid(what: impl Into<String>) -> JsValue {
    to_js(&bynder::Error::invalid_argument(what))
}

/// Parses JSON text handed over by the npm package (`""` means `null`).
pub fn parse_json(text: &str, what: &str) -> Result<serde_json::Value, JsValue> {
    if text.is_empty() {
        return Ok(serde_json::Value::Null);
    }
    serde_json::from_str(text).map_err(|e| invalid(format!("{what} is not valid JSON: {e}")))
}
