//! `bynder api`: every operation of the core's table from the command line, with its path ids
//! as arguments and its parameters as `--name value` options, so nothing needs raw HTTP.

use std::io::Write;
use std::path::PathBuf;

use bynder::ops::{self, Operation, Paging, ParamType};
use bynder::{Error, ErrorKind};
use clap::Args;
use futures::StreamExt;
use serde_json::{Map, Value};

use crate::connect::ConnectArgs;
use crate::output;

/// `bynder api [OPERATION] [IDS...] [--name value]...`
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  bynder api                                  list every operation\n  \
                  bynder api campaigns                        the operations of one group\n  \
                  bynder api media.get 00B627BB-8054-44C0-A343FCF40BC790CD --versions true\n  \
                  bynder api jobs.list --status Active --all  every page\n  \
                  bynder api transformations.get ID NAME --io transform:fill,width:120,height:80 --out t.png"
)]
pub struct ApiArgs {
    /// `group.action` (or a group, to list its operations; nothing lists them all).
    operation: Option<String>,
    /// Path ids in the order of the operation's path, then `--name value` parameters (snake_case
    /// or Bynder's names; a value that reads as JSON is sent as JSON, a repeated name as a list).
    #[arg(allow_hyphen_values = true, trailing_var_arg = true)]
    rest: Vec<String>,
    /// For a paged operation: fetch every page and print all items.
    #[arg(long)]
    all: bool,
    /// Write the answer to this file (operations that answer bytes, such as images, need it
    /// unless stdout is redirected).
    #[arg(long)]
    out: Option<PathBuf>,
}

pub async fn run(conn: &ConnectArgs, args: ApiArgs, json: bool) -> Result<(), Error> {
    let Some(name) = args.operation.as_deref() else {
        return list(None, json);
    };
    let Some(op) = ops::find(name) else {
        if ops::OPERATIONS.iter().any(|op| op.group() == name) {
            return list(Some(name), json);
        }
        return Err(Error::invalid_argument(format!(
            "unknown operation {name:?}: `bynder api` lists them"
        )));
    };
    let (all, out, rest) = own_flags(&args.rest);
    let (all, out) = (all || args.all, out.or(args.out));
    let params = parse_params(op, &rest)?;
    let client = conn.client()?;
    if all {
        if op.paging == Paging::None {
            return Err(Error::invalid_argument(format!(
                "{} is not paged: drop --all",
                op.name
            )));
        }
        let items: Vec<Value> = bynder::paging::items(&client, op, params)
            .collect::<Vec<_>>()
            .await
            .into_iter()
            .collect::<Result<_, _>>()?;
        return emit(&Value::Array(items), out);
    }
    if op.binary {
        let bytes = client.call_bytes(op.name, params).await?;
        return write_bytes(&bytes, out);
    }
    let body = client.call(op.name, params).await?;
    emit(&body, out)
}

/// `--all` and `--out FILE` written after the operation's parameters are this command's own
/// (no Bynder operation has parameters of those names): takes them out of `rest`.
fn own_flags(rest: &[String]) -> (bool, Option<PathBuf>, Vec<String>) {
    let (mut all, mut out, mut kept) = (false, None, Vec::new());
    let mut words = rest.iter();
    while let Some(word) = words.next() {
        match word.as_str() {
            "--all" => all = true,
            "--out" => out = words.next().map(PathBuf::from),
            other => match other.strip_prefix("--out=") {
                Some(path) => out = Some(PathBuf::from(path)),
                None => kept.push(word.clone()),
            },
        }
    }
    (all, out, kept)
}

/// Path ids first (in template order), then `--name value` / `--name=value` pairs.
fn parse_params(op: &Operation, rest: &[String]) -> Result<Value, Error> {
    let mut params = Map::new();
    let mut words = rest.iter().peekable();
    for param in op.path_params {
        match words.next_if(|w| !w.starts_with("--")) {
            Some(id) => {
                params.insert(param.name.to_string(), Value::String(id.clone()));
            }
            None => {
                return Err(Error::invalid_argument(format!(
                    "{} needs {} path id(s): {}",
                    op.name,
                    op.path_params.len(),
                    op.path_params
                        .iter()
                        .map(|p| p.name)
                        .collect::<Vec<_>>()
                        .join(", ")
                )));
            }
        }
    }
    while let Some(word) = words.next() {
        let Some(option) = word.strip_prefix("--") else {
            return Err(Error::invalid_argument(format!(
                "unexpected {word:?}: parameters are `--name value` (path ids come first)"
            )));
        };
        let (key, text) = match option.split_once('=') {
            Some((key, value)) => (key.to_string(), value.to_string()),
            None => match words.next_if(|w| !w.starts_with("--")) {
                Some(value) => (option.to_string(), value.clone()),
                None => (option.to_string(), "true".to_string()),
            },
        };
        let key = key.replace('-', "_");
        let value = value_of(&text, op.param_type(&key));
        // A name given twice becomes a list (DAT's `io`, several tags...).
        match params.get_mut(&key) {
            Some(Value::Array(list)) if op.repeated.contains(&key.as_str()) || list.len() > 1 => {
                list.push(value);
            }
            Some(existing) => {
                let first = existing.take();
                *existing = Value::Array(vec![first, value]);
            }
            None => {
                params.insert(key, value);
            }
        }
    }
    Ok(Value::Object(params))
}

/// `5` -> 5, `true` -> true, `[1,2]` -> a list, `{"a":1}` -> an object; anything else a string
/// (ids, names and dates stay text even when they would parse). The parameter's type decides
/// first: a text or date parameter stays text (`--name 2026`), a list takes JSON list text.
fn value_of(text: &str, ty: ParamType) -> Value {
    match ty {
        ParamType::String | ParamType::DateTime => return Value::String(text.to_string()),
        ParamType::StringList => {
            return match serde_json::from_str(text) {
                Ok(list @ Value::Array(_)) if text.starts_with('[') => list,
                _ => Value::String(text.to_string()),
            };
        }
        _ => {}
    }
    let looks_structured = text.starts_with('[') || text.starts_with('{');
    let looks_scalar = text == "true" || text == "false" || text.parse::<i64>().is_ok();
    if looks_structured || looks_scalar {
        if let Ok(value) = serde_json::from_str(text) {
            return value;
        }
    }
    Value::String(text.to_string())
}

fn emit(body: &Value, out: Option<PathBuf>) -> Result<(), Error> {
    match out {
        Some(path) => {
            let text = serde_json::to_vec_pretty(body)
                .map_err(|e| Error::new(ErrorKind::Internal, format!("cannot print JSON: {e}")))?;
            write_file(&path, &text)
        }
        // CSV and other text answers arrive as a JSON string: print them as they are.
        None => match body {
            Value::String(text) => {
                print!("{text}");
                Ok(())
            }
            other => output::json(other),
        },
    }
}

fn write_bytes(bytes: &[u8], out: Option<PathBuf>) -> Result<(), Error> {
    if let Some(path) = out {
        return write_file(&path, bytes);
    }
    if std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        return Err(Error::invalid_argument(
            "this operation answers bytes: give --out FILE or redirect stdout",
        ));
    }
    std::io::stdout()
        .write_all(bytes)
        .map_err(|e| Error::new(ErrorKind::Io, format!("cannot write to stdout: {e}")))
}

fn write_file(path: &std::path::Path, bytes: &[u8]) -> Result<(), Error> {
    std::fs::write(path, bytes).map_err(|e| {
        Error::new(
            ErrorKind::Io,
            format!("cannot write {}: {e}", path.display()),
        )
    })
}

/// The table, or one group of it: name, method and path, and what it does.
fn list(group: Option<&str>, json: bool) -> Result<(), Error> {
    let chosen: Vec<&Operation> = ops::OPERATIONS
        .iter()
        .filter(|op| group.is_none_or(|g| op.group() == g))
        .collect();
    if json {
        let described: Vec<Value> = chosen.iter().map(|op| ops::describe(op)).collect();
        return output::json(&described);
    }
    let rows: Vec<Vec<String>> = chosen
        .iter()
        .map(|op| {
            let ids: String = op
                .path_params
                .iter()
                .map(|p| format!(" {}", p.name.to_uppercase()))
                .collect();
            vec![
                format!("{}{ids}", op.name),
                format!("{} {}", op.method.as_str(), op.path),
                op.summary.to_string(),
            ]
        })
        .collect();
    output::table(&["operation", "request", "what it does"], &rows);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        text.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn path_ids_come_first_then_named_parameters() {
        let op = ops::find("media.get").unwrap();
        let params = parse_params(op, &words("ABC --versions true --extra x")).unwrap();
        assert_eq!(
            params,
            serde_json::json!({"id": "ABC", "versions": true, "extra": "x"})
        );
    }

    #[test]
    fn repeated_names_become_lists_and_json_values_stay_json() {
        let op = ops::find("transformations.get").unwrap();
        let params = parse_params(
            op,
            &words("ID NAME --io a --io b --io c --quality=80 --focuspoint [0.5,0.5]"),
        )
        .unwrap();
        assert_eq!(params["io"], serde_json::json!(["a", "b", "c"]));
        assert_eq!(params["quality"], 80);
        assert_eq!(params["focuspoint"], serde_json::json!([0.5, 0.5]));
    }

    #[test]
    fn ids_and_dates_stay_text() {
        let any = ParamType::Any;
        assert_eq!(
            value_of("2026-01-01", any),
            Value::String("2026-01-01".into())
        );
        assert_eq!(value_of("00B627BB", any), Value::String("00B627BB".into()));
        assert_eq!(value_of("[oops", any), Value::String("[oops".into()));
    }

    #[test]
    fn the_parameter_type_decides_how_a_value_reads() {
        let op = ops::find("webhooks.create").unwrap();
        let params = parse_params(
            op,
            &words("ID --name 2026 --pre-archived-notification-days 7 --events a,b"),
        )
        .unwrap();
        // A name of digits stays text, the integer reads as one, the list stays as written
        // (the core splits it for the JSON body).
        assert_eq!(
            params,
            serde_json::json!({"id": "ID", "name": "2026",
                               "pre_archived_notification_days": 7, "events": "a,b"})
        );
        let op = ops::find("media.list").unwrap();
        let params =
            parse_params(op, &words("--limit 10 --type [\"image\"] --keyword 42")).unwrap();
        assert_eq!(
            params,
            serde_json::json!({"limit": 10, "type": ["image"], "keyword": "42"})
        );
    }

    #[test]
    fn own_flags_are_taken_out_wherever_they_stand() {
        let (all, out, rest) = own_flags(&words("ID --all --limit 3 --out=a.json"));
        assert!(all);
        assert_eq!(out, Some(PathBuf::from("a.json")));
        assert_eq!(rest, words("ID --limit 3"));
        let (all, out, _) = own_flags(&words("--out b.png"));
        assert!(!all);
        assert_eq!(out, Some(PathBuf::from("b.png")));
    }

    #[test]
    fn a_missing_path_id_is_named() {
        let op = ops::find("campaigns.get").unwrap();
        let err = parse_params(op, &words("--name x")).unwrap_err();
        assert!(
            err.to_string().contains("campaigns.get needs 1 path id"),
            "{err}"
        );
    }
}
