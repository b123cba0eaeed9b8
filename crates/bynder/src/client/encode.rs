//! Turns an operation and its parameters (a JSON object) into a path, query and body, the same
//! way for every operation and every language binding.
//!
//! Rules: path parameters are taken by name (or its snake_case spelling) and converted to the
//! identifier form the path needs; other keys may be given in snake_case and are matched to the
//! operation's documented camelCase names. In a query or form, booleans become `1`/`0` (accepted
//! by every Bynder endpoint), lists of scalars become comma-separated, and `data` or any object
//! becomes a JSON string (Bynder's "JSON in a form field" convention). A `metaproperties` object
//! `{id: [option ids]}` expands to one `metaproperty.<id>=<csv>` field per entry. JSON-encoded
//! operations get the remaining parameters as the JSON body, untouched. A list given for a
//! parameter the table marks `repeated` becomes one `key=value` pair per item instead.
//! Before any of this, every documented parameter's value is checked against its declared type
//! (`param_check.rs`): `limit: "ten"` fails here, before a request exists.

use serde_json::{Map, Value};

use crate::error::Error;
use crate::id;
use crate::ops::{Encoding, Operation};

/// The encoded parts of a request.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Encoded {
    /// Path with parameters substituted and percent-safe.
    pub path: String,
    /// Query pairs.
    pub query: Vec<(String, String)>,
    /// Body and its content type, if any (`Bytes`, so a retry resends a chunk without a copy).
    pub body: Option<(&'static str, bytes::Bytes)>,
    /// Extra headers (`Content-SHA256` of an upload chunk).
    pub headers: Vec<(http::HeaderName, http::HeaderValue)>,
}

/// Encodes `params` for `op`, checking each documented parameter's type.
pub(crate) fn encode(op: &Operation, params: &Value) -> Result<Encoded, Error> {
    encode_with(op, params, true)
}

/// Encodes `params` for `op`; `check` says whether parameter types are checked first.
pub(crate) fn encode_with(op: &Operation, params: &Value, check: bool) -> Result<Encoded, Error> {
    let mut rest = match params {
        Value::Null => Map::new(),
        Value::Object(map) => map.clone(),
        other => {
            return Err(Error::invalid_argument(format!(
                "{}: parameters must be an object, not {}",
                op.name,
                kind_of(other)
            )));
        }
    };
    let mut path = op.path.to_string();
    for param in op.path_params {
        // A path parameter that is also a documented body field (the S3 register call's `id`)
        // travels in both places.
        let value = if op.params.contains(&param.name) {
            rest.get(param.name).cloned()
        } else {
            take(&mut rest, param.name)
        };
        let value = value.ok_or_else(|| {
            Error::invalid_argument(format!(
                "{}: missing path parameter `{}`",
                op.name, param.name
            ))
        })?;
        let text = scalar_text(&value).ok_or_else(|| {
            Error::invalid_argument(format!(
                "{}: path parameter `{}` must be a string or number, not {}",
                op.name,
                param.name,
                kind_of(&value)
            ))
        })?;
        let wire = id::to_form(&text, param.form).map_err(|e| e.with_operation(op.name))?;
        path = path.replace(&format!("{{{}}}", param.name), &wire);
    }
    // Types before names: an error names the parameter as the caller spelled it.
    if check {
        super::param_check::check_params(op, &mut rest)?;
    }
    let rest = canonical_names(op, rest);
    let (query, body) = match op.encoding {
        Encoding::Query => (flatten(op, rest)?, None),
        Encoding::Form => {
            let pairs = flatten(op, rest)?;
            let body = serde_urlencoded::to_string(&pairs).map_err(|e| {
                Error::invalid_argument(format!("{}: cannot form-encode: {e}", op.name))
            })?;
            (
                Vec::new(),
                Some((
                    "application/x-www-form-urlencoded",
                    body.into_bytes().into(),
                )),
            )
        }
        Encoding::Json => {
            let body = serde_json::to_vec(&Value::Object(rest)).map_err(|e| {
                Error::invalid_argument(format!("{}: cannot JSON-encode: {e}", op.name))
            })?;
            (Vec::new(), Some(("application/json", body.into())))
        }
        Encoding::Raw => (Vec::new(), None),
    };
    Ok(Encoded {
        path,
        query,
        body,
        headers: Vec::new(),
    })
}

/// Removes and returns the value of `name`, also trying its snake_case spelling.
fn take(map: &mut Map<String, Value>, name: &str) -> Option<Value> {
    map.remove(name).or_else(|| map.remove(&snake_case(name)))
}

/// Renames snake_case keys to the operation's documented camelCase names.
fn canonical_names(op: &Operation, map: Map<String, Value>) -> Map<String, Value> {
    map.into_iter()
        .map(|(key, value)| {
            let known = op
                .params
                .iter()
                .find(|p| **p != key && snake_case(p) == key);
            (known.map_or(key, |p| (*p).to_string()), value)
        })
        .collect()
}

fn flatten(op: &Operation, map: Map<String, Value>) -> Result<Vec<(String, String)>, Error> {
    let mut pairs = Vec::with_capacity(map.len());
    for (key, value) in map {
        match value {
            Value::Null => {}
            Value::Object(entries) if key == "metaproperties" => {
                for (mp, options) in entries {
                    pairs.push((format!("metaproperty.{mp}"), csv_or_json(&options)?));
                }
            }
            // Already JSON text (what the official SDKs send after `json.dumps`): as is.
            Value::String(text) if key == "data" => pairs.push((key, text)),
            other if key == "data" => pairs.push((key, json_text(&other)?)),
            // A repeatable key (DAT's `io`): one pair per item, in the order given.
            Value::Array(items)
                if op.repeated.contains(&key.as_str())
                    && items.iter().all(|v| scalar_text(v).is_some()) =>
            {
                for item in &items {
                    pairs.push((key.clone(), scalar_text(item).unwrap_or_default()));
                }
            }
            other => {
                let text = csv_or_json(&other).map_err(|e| {
                    Error::invalid_argument(format!("{}: `{key}`: {}", op.name, e.message()))
                })?;
                pairs.push((key, text));
            }
        }
    }
    Ok(pairs)
}

fn csv_or_json(value: &Value) -> Result<String, Error> {
    match value {
        Value::Array(items) if items.iter().all(|v| scalar_text(v).is_some()) => Ok(items
            .iter()
            .filter_map(scalar_text)
            .collect::<Vec<_>>()
            .join(",")),
        Value::Array(_) | Value::Object(_) => json_text(value),
        scalar => Ok(scalar_text(scalar).unwrap_or_default()),
    }
}

fn json_text(value: &Value) -> Result<String, Error> {
    serde_json::to_string(value)
        .map_err(|e| Error::invalid_argument(format!("cannot encode JSON: {e}")))
}

fn scalar_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(true) => Some("1".into()),
        Value::Bool(false) => Some("0".into()),
        _ => None,
    }
}

/// What kind of JSON value this is, for error messages.
pub(crate) fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// `brandId` -> `brand_id`, `dateCreatedTo` -> `date_created_to`, `campaignID` -> `campaign_id`,
/// `ISOPublicationDate` -> `iso_publication_date`: the rule the Python face names keywords by.
pub(crate) fn snake_case(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            let before = chars[i - 1];
            let after = chars.get(i + 1).copied().unwrap_or(' ');
            // A plural acronym: `IDs` at the end or before the next word.
            let plural = after == 's' && !chars.get(i + 2).is_some_and(char::is_ascii_lowercase);
            // A word starts after a lower-case letter or a digit, or at the last capital of an
            // acronym followed by lower case (`ISOPublication`); `ID` and `IDs` stay one word.
            if before.is_ascii_lowercase()
                || before.is_ascii_digit()
                || (before.is_ascii_uppercase() && after.is_ascii_lowercase() && !plural)
            {
                out.push('_');
            }
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;
    use crate::ops::find;
    use serde_json::json;

    fn op(name: &str) -> &'static Operation {
        find(name).unwrap()
    }

    #[test]
    fn path_ids_are_converted_to_the_form_the_path_needs() {
        let e = encode(
            op("media.get"),
            &json!({"id": "00b627bb-8054-44c0-a343-fcf40bc790cd", "versions": true}),
        )
        .unwrap();
        assert_eq!(e.path, "/api/v4/media/00B627BB-8054-44C0-A343FCF40BC790CD/");
        assert_eq!(e.query, vec![("versions".to_string(), "1".to_string())]);
        assert!(e.body.is_none());
    }

    #[test]
    fn garbage_ids_and_missing_params_fail_before_sending() {
        let err = encode(op("media.get"), &json!({"id": "not-an-id"})).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidId);
        assert_eq!(err.operation(), Some("media.get"));
        let err = encode(op("media.get"), &json!({})).unwrap_err();
        assert!(
            err.to_string().contains("missing path parameter `id`"),
            "{err}"
        );
        let err = encode(op("media.get"), &json!([1])).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidArgument);
    }

    #[test]
    fn snake_case_names_become_documented_names_and_lists_become_csv() {
        let e = encode(op("media.list"), &json!({"brand_id": "B", "type": ["image", "video"], "limit": 5, "total": true, "cursor": null})).unwrap();
        assert_eq!(
            e.query,
            vec![
                ("brandId".into(), "B".into()),
                ("type".into(), "image,video".into()),
                ("limit".into(), "5".into()),
                ("total".into(), "1".into()),
            ]
        );
    }

    #[test]
    fn snake_case_keeps_acronyms_whole() {
        for (wire, snake) in [
            ("brandId", "brand_id"),
            ("dateCreatedTo", "date_created_to"),
            ("campaignID", "campaign_id"),
            ("accountableIDs", "accountable_ids"),
            ("accountableIDsFilter", "accountable_ids_filter"),
            ("ISOPublicationDate", "iso_publication_date"),
            ("property_Region", "property_region"),
            ("limit", "limit"),
        ] {
            assert_eq!(snake_case(wire), snake, "{wire}");
        }
    }

    #[test]
    fn repeated_keys_keep_one_pair_per_item_in_order() {
        let e = encode(
            op("transformations.get"),
            &json!({"id": "x", "name": "y", "io": ["transform:scale,width:40", "transform:rotate,angle:90"], "format": "png"}),
        )
        .unwrap();
        let io: Vec<&str> = e
            .query
            .iter()
            .filter(|(k, _)| k == "io")
            .map(|(_, v)| v.as_str())
            .collect();
        assert_eq!(
            io,
            ["transform:scale,width:40", "transform:rotate,angle:90"]
        );
        assert!(e.query.contains(&("format".into(), "png".into())));
        // Other operations still join a list with commas.
        let e = encode(op("media.list"), &json!({"type": ["image", "video"]})).unwrap();
        assert_eq!(
            e.query,
            vec![("type".to_string(), "image,video".to_string())]
        );
    }

    #[test]
    fn form_bodies_carry_data_as_json_and_metaproperties_expanded() {
        let e = encode(
            op("collections.media_add"),
            &json!({"id": "00B627BB-8054-44C0-A343FCF40BC790CD", "data": ["A", "B"]}),
        )
        .unwrap();
        let (ctype, body) = e.body.unwrap();
        assert_eq!(ctype, "application/x-www-form-urlencoded");
        assert_eq!(
            String::from_utf8(body.to_vec()).unwrap(),
            "data=%5B%22A%22%2C%22B%22%5D"
        );
        // `data` given as JSON text already is sent as is, not encoded a second time.
        let e = encode(
            op("collections.media_add"),
            &json!({"id": "00B627BB-8054-44C0-A343FCF40BC790CD", "data": "[\"A\",\"B\"]"}),
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(e.body.unwrap().1.to_vec()).unwrap(),
            "data=%5B%22A%22%2C%22B%22%5D"
        );
        let e = encode(op("media.modify"), &json!({"id": "00B627BB-8054-44C0-A343FCF40BC790CD", "name": "x y", "metaproperties": {"MP1": ["O1", "O2"]}})).unwrap();
        let body = String::from_utf8(e.body.unwrap().1.to_vec()).unwrap();
        let mut fields: Vec<&str> = body.split('&').collect();
        fields.sort_unstable();
        assert_eq!(fields, ["metaproperty.MP1=O1%2CO2", "name=x+y"]);
    }
}
