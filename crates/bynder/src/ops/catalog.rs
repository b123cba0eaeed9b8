//! The operation table as JSON, for the language faces that build their methods, types and docs
//! from it at build or load time (Python, JS, C, Kotlin/Swift): one description, every face.

use serde_json::{Value, json};

use crate::client::encode::snake_case;

use super::{Encoding, IdForm, Items, Model, OPERATIONS, Operation, Paging};

/// Every operation as a JSON object: `name`, `group`, `action`, `summary`, `method`, `path`,
/// `host` (`portal`, or `automation` for the automation workflow service),
/// `path_params` (`[name, "coldfusion"|"rfc4122"|"opaque"]` pairs), `params`, `encoding`
/// (`query`/`form`/`json`/`raw`), `paging` (`none`/`page_limit`/`pagination_headers`/
/// `cursor_header`), `max_limit`, `items` (`body`/`key:NAME`/`object_values`), `scopes`,
/// `result` (`{"shape": "one"|"list"|"by_name", "model": NAME}` or null) and `item` (the model of
/// a paged operation's items, or null), `binary` (true when the answer is bytes, e.g. an image)
/// and `repeated` (parameters whose list value is sent as the key repeated once per item),
/// and `param_types` (each of `params` -> `any`, `string`, `integer`, `number`, `boolean`,
/// `date_time`, `string_list`, `object` or `object_list`; see [`super::ParamType`]),
/// and `snake_names` (path and documented parameters -> their snake_case spelling, which the
/// core also accepts, where it differs: `brandId` -> `brand_id`).
pub fn catalog() -> Value {
    Value::Array(OPERATIONS.iter().map(describe).collect())
}

/// One operation as described by [`catalog`].
pub fn describe(op: &Operation) -> Value {
    let path_params: Vec<Value> = op
        .path_params
        .iter()
        .map(|param| json!([param.name, id_form_name(param.form)]))
        .collect();
    let (paging, max_limit) = match op.paging {
        Paging::None => ("none", None),
        Paging::PageLimit { max_limit } => ("page_limit", Some(max_limit)),
        Paging::PaginationHeaders { max_limit } => ("pagination_headers", Some(max_limit)),
        Paging::CursorHeader { .. } => ("cursor_header", None),
    };
    let items = match op.items {
        Items::Body => "body".to_string(),
        Items::Key(key) => format!("key:{key}"),
        Items::ObjectValues => "object_values".to_string(),
    };
    json!({
        "name": op.name,
        "group": op.group(),
        "action": op.action(),
        "summary": op.summary,
        "method": op.method.as_str(),
        "path": op.path,
        "host": op.host.as_str(),
        "path_params": path_params,
        "params": op.params,
        "encoding": encoding_name(op.encoding),
        "paging": paging,
        "max_limit": max_limit,
        "items": items,
        "scopes": op.scopes.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
        "result": op.result.map(|model| match model {
            Model::One(name) => json!({"shape": "one", "model": name}),
            Model::List(name) => json!({"shape": "list", "model": name}),
            Model::ByName(name) => json!({"shape": "by_name", "model": name}),
        }),
        "item": op.item,
        "binary": op.binary,
        "repeated": op.repeated,
        "param_types": op
            .params
            .iter()
            .map(|p| (p.to_string(), Value::from(op.param_type(p).as_str())))
            .collect::<serde_json::Map<String, Value>>(),
        "snake_names": op
            .path_params
            .iter()
            .map(|p| p.name)
            .chain(op.params.iter().copied())
            .filter_map(|p| {
                let snake = snake_case(p);
                (snake != p).then(|| (p.to_string(), Value::from(snake)))
            })
            .collect::<serde_json::Map<String, Value>>(),
    })
}

fn id_form_name(form: IdForm) -> &'static str {
    match form {
        IdForm::ColdFusion => "coldfusion",
        IdForm::Rfc4122 => "rfc4122",
        IdForm::Opaque => "opaque",
    }
}

fn encoding_name(encoding: Encoding) -> &'static str {
    match encoding {
        Encoding::Query => "query",
        Encoding::Form => "form",
        Encoding::Json => "json",
        Encoding::Raw => "raw",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalog_describes_every_operation() {
        let catalog = catalog();
        let entries = catalog.as_array().map(Vec::len).unwrap_or(0);
        assert_eq!(entries, OPERATIONS.len());
        let get = catalog
            .as_array()
            .and_then(|ops| ops.iter().find(|op| op["name"] == "media.get"))
            .cloned()
            .unwrap_or_default();
        assert_eq!(get["group"], "media");
        assert_eq!(get["method"], "GET");
        assert_eq!(get["path_params"][0][1], "coldfusion");
        assert_eq!(get["host"], "portal");
        assert_eq!(get["result"], json!({"shape": "one", "model": "Media"}));
        assert_eq!(get["binary"], false);
        let dat = crate::ops::find("transformations.get")
            .map(describe)
            .unwrap_or_default();
        assert_eq!(dat["binary"], true);
        assert_eq!(dat["repeated"], json!(["io"]));
        let list = crate::ops::find("media.list")
            .map(describe)
            .unwrap_or_default();
        assert_eq!(list["param_types"]["limit"], "integer");
        assert_eq!(list["param_types"]["isPublic"], "boolean");
        assert_eq!(list["param_types"]["type"], "string_list");
        assert_eq!(
            list["param_types"].as_object().map(|m| m.len()),
            list["params"].as_array().map(Vec::len)
        );
        assert_eq!(list["snake_names"]["isPublic"], "is_public");
        assert_eq!(
            list["snake_names"].get("limit"),
            None,
            "only names that differ"
        );
        let save = crate::ops::find("upload.save")
            .map(describe)
            .unwrap_or_default();
        assert_eq!(
            save["snake_names"]["importId"], "import_id",
            "path parameters too"
        );
    }
}
