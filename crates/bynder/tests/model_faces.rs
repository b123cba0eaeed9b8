//! Generates the Python and TypeScript declarations of the response models from the Rust
//! models in `src/models/`, so the three never drift apart: `python/src/bynder/_models.py`
//! (`TypedDict`s, re-exported by `bynder.models`) and `bindings/wasm/npm/types/models.d.ts`.
//! Both files are generated, never edited by hand: `model_faces_are_fresh` fails when one is
//! stale and rewrites both when `BYNDER_WRITE_MODEL_FACES=1` is set.
//!
//! The faces hand out the portal's JSON as it came, so each declaration names the JSON keys
//! (serde's `rename`, `rename_all` and `alias`), every key is optional in Python (portals omit
//! fields freely) and in TypeScript unless the Rust field is not an `Option`, and a model that
//! keeps unknown fields (`#[serde(flatten)] extra`) is open in TypeScript. The few places where
//! the JSON differs from the Rust type are in `OVERRIDES` and `FIELD_OVERRIDES`, each with its
//! reason; a model with a hand-written `Deserialize` must have an override.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests fail loudly on purpose

#[path = "common/model_syntax.rs"]
mod model_syntax;
#[path = "common/names.rs"]
mod names;

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::PathBuf;

use model_syntax::{Decl, Field, Ty, read_models};

const PYTHON: &str = "python/src/bynder/_models.py";
const TYPESCRIPT: &str = "bindings/wasm/npm/types/models.d.ts";
const WRITE_ENV: &str = "BYNDER_WRITE_MODEL_FACES";

/// Models whose JSON is not their Rust shape (both hand-written `Deserialize`s): the Python
/// and the TypeScript declaration, as written here.
const OVERRIDES: &[(&str, &str, &str, &str)] = &[
    (
        "NoContent",
        "the answer has no body; the Rust type keeps whatever a portal sends anyway",
        "NoContent: TypeAlias = None",
        "export type NoContent = null;",
    ),
    (
        "MediaPage",
        "the Rust model normalises `total: {count}` and `count: {...}`; the faces keep the JSON",
        "class MediaPage(TypedDict, total=False):
    media: list[Media]
    total: dict[str, int]
    count: dict[str, Any]",
        "export interface MediaPage {
  media?: Media[];
  total?: Record<string, number>;
  count?: Record<string, unknown>;
  [key: string]: unknown;
}",
    ),
];

/// Fields whose JSON type is narrower or wider than the Rust type: model, JSON key, Python
/// type, TypeScript type, reason.
const FIELD_OVERRIDES: &[(&str, &str, &str, &str, &str)] = &[
    (
        "Metaproperty",
        "labels",
        "dict[str, str]",
        "Record<string, string>",
        "a name per language code",
    ),
    (
        "MetapropertyOption",
        "labels",
        "dict[str, str]",
        "Record<string, string>",
        "a name per language code",
    ),
    (
        "SmartFilter",
        "labels",
        "dict[str, str]",
        "Record<string, string>",
        "a name per language code",
    ),
    (
        "Media",
        "thumbnails",
        "dict[str, str]",
        "Record<string, string>",
        "thumbnail URLs by name; the Rust map keeps any value",
    ),
    (
        "Status",
        "statuscode",
        "int | str",
        "number | string",
        "some endpoints send the code as a string",
    ),
    (
        "QuarantinedAsset",
        "reviewStatus",
        "str | None",
        "string | null",
        "`null` until the asset is reviewed",
    ),
    (
        "QuarantinedAsset",
        "reviewedById",
        "str | None",
        "string | null",
        "`null` until the asset is reviewed",
    ),
    (
        "SaveResult",
        "mediaitems",
        "list[SavedItem] | None",
        "SavedItem[] | null",
        "`null` for new versions and additional files",
    ),
    (
        "StageResponsible",
        "type",
        "Literal[\"user\", \"group\"]",
        "\"user\" | \"group\"",
        "the only two kinds of responsible",
    ),
    (
        "Status",
        "status_code",
        "int | str",
        "number | string",
        "Brandstore's spelling of `statuscode`",
    ),
];

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn field_override(model: &str, key: &str) -> Option<(&'static str, &'static str)> {
    FIELD_OVERRIDES
        .iter()
        .find(|(m, k, ..)| *m == model && *k == key)
        .map(|(_, _, py, ts, _)| (*py, *ts))
}

fn model_override(name: &str) -> Option<(&'static str, &'static str)> {
    OVERRIDES
        .iter()
        .find(|(n, ..)| *n == name)
        .map(|(_, _, py, ts)| (*py, *ts))
}

// ---- Python ---------------------------------------------------------------------------------

fn py_type(ty: &Ty) -> String {
    match ty {
        Ty::Str => "str".into(),
        Ty::Int => "int".into(),
        Ty::Float => "float".into(),
        Ty::Bool => "bool".into(),
        Ty::Flag => "Flag".into(),
        Ty::Any => "Any".into(),
        Ty::List(inner) => format!("list[{}]", py_type(inner)),
        Ty::Map(inner) => format!("dict[str, {}]", py_type(inner)),
        Ty::Named(name) => name.clone(),
    }
}

/// Rust doc text as reStructuredText: ``code``.
fn py_doc(doc: &str) -> String {
    doc.replace('`', "``")
        .replace('\\', "\\\\")
        .replace("\"\"\"", "\\\"\\\"\\\"")
}

/// A docstring at `indent`, wrapped to 100 columns.
fn docstring(doc: &str, indent: &str) -> String {
    let mut lines = vec![String::new()];
    for word in py_doc(doc).split_whitespace() {
        // The first line also holds the opening quotes.
        let room = 100 - indent.len() - if lines.len() == 1 { 3 } else { 0 };
        let line = lines.last_mut().unwrap();
        if !line.is_empty() && line.len() + 1 + word.len() > room {
            lines.push(word.to_string());
        } else {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
    }
    format!(
        "{indent}\"\"\"{}\"\"\"\n",
        lines.join(&format!("\n{indent}"))
    )
}

/// A key usable bare: a JavaScript property name, and a Python one unless it is a keyword.
fn plain_name(key: &str) -> bool {
    key.chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn is_identifier(key: &str) -> bool {
    const KEYWORDS: &[&str] = &[
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
        "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
        "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return",
        "try", "while", "with", "yield",
    ];
    plain_name(key) && !KEYWORDS.contains(&key)
}

fn python_field_type(model: &str, field: &Field, key: &str) -> String {
    field_override(model, key).map_or_else(|| py_type(&field.ty), |(py, _)| py.to_string())
}

fn python_decl(decl: &Decl) -> String {
    let mut out = String::new();
    if let Some((py, _)) = model_override(decl.name()) {
        writeln!(out, "{py}").unwrap();
        if !decl.doc().is_empty() {
            out.push_str(&docstring(decl.doc(), ""));
        }
        return out;
    }
    match decl {
        Decl::Alias { name, doc, ty } => {
            writeln!(out, "{name}: TypeAlias = {}", py_type(ty)).unwrap();
            out.push_str(&docstring(doc, ""));
        }
        Decl::Union {
            name,
            doc,
            variants,
        } => {
            let variants: Vec<String> = variants.iter().map(py_type).collect();
            writeln!(out, "{name}: TypeAlias = Union[{}]", variants.join(", ")).unwrap();
            out.push_str(&docstring(doc, ""));
        }
        Decl::Struct {
            name, doc, fields, ..
        } => {
            let keys: Vec<(&Field, &str)> = fields
                .iter()
                .flat_map(|f| f.keys().map(move |k| (f, k)))
                .collect();
            if keys.iter().all(|(_, key)| is_identifier(key)) {
                writeln!(out, "class {name}(TypedDict, total=False):").unwrap();
                out.push_str(&docstring(doc, "    "));
                for (field, key) in &keys {
                    out.push('\n');
                    writeln!(out, "    {key}: {}", python_field_type(name, field, key)).unwrap();
                    if !field.doc.is_empty() {
                        out.push_str(&docstring(&field.doc, "    "));
                    }
                }
                if keys.is_empty() {
                    out.push_str("\n    pass\n");
                }
            } else {
                // Keys that are not identifiers need the call form, whose types are evaluated
                // at import: quoted, so models declared later can be named.
                writeln!(out, "{name} = TypedDict(\n    \"{name}\",\n    {{").unwrap();
                for (field, key) in &keys {
                    let ty = python_field_type(name, field, key);
                    writeln!(out, "        \"{key}\": \"{ty}\",").unwrap();
                }
                writeln!(out, "    }},\n    total=False,\n)").unwrap();
                out.push_str(&docstring(doc, ""));
            }
        }
    }
    out
}

fn python(decls: &[Decl]) -> String {
    let mut out = String::from(
        "\"\"\"The response models as ``TypedDict``\\\\ s: generated from the Rust models in\n\
         ``crates/bynder/src/models/`` by ``crates/bynder/tests/model_faces.rs``; do not edit.\n\
         Import them from ``bynder.models``.\"\"\"\n\n\
         from __future__ import annotations\n\n\
         from typing import Any, Literal, TypeAlias, TypedDict, Union\n\n__all__ = [\n    \"Json\",\n    \"Flag\",\n",
    );
    for decl in decls {
        writeln!(out, "    \"{}\",", decl.name()).unwrap();
    }
    out.push_str(
        "]\n\nJson: TypeAlias = Any\n\
         \"\"\"Any JSON value as Python objects (answers whose shape varies).\"\"\"\n\n\
         Flag: TypeAlias = Union[bool, int]\n\
         \"\"\"Bynder booleans: ``true``/``false`` or ``1``/``0`` depending on the endpoint.\"\"\"\n",
    );
    for decl in decls {
        out.push_str("\n\n");
        out.push_str(&python_decl(decl));
    }
    out
}

// ---- TypeScript -----------------------------------------------------------------------------

fn ts_type(ty: &Ty) -> String {
    match ty {
        Ty::Str => "string".into(),
        Ty::Int | Ty::Float => "number".into(),
        Ty::Bool => "boolean".into(),
        Ty::Flag => "Flag".into(),
        Ty::Any => "unknown".into(),
        Ty::List(inner) => format!("{}[]", ts_type(inner)),
        Ty::Map(inner) => format!("Record<string, {}>", ts_type(inner)),
        Ty::Named(name) => name.clone(),
    }
}

fn jsdoc(doc: &str, indent: &str) -> String {
    if doc.is_empty() {
        return String::new();
    }
    let text = doc.replace("*/", "*\\/");
    let text: Vec<&str> = text.split_whitespace().collect();
    format!("{indent}/** {} */\n", text.join(" "))
}

fn ts_key(key: &str) -> String {
    if plain_name(key) {
        key.to_string()
    } else {
        format!("\"{key}\"")
    }
}

fn typescript_decl(decl: &Decl) -> String {
    let mut out = jsdoc(decl.doc(), "");
    if let Some((_, ts)) = model_override(decl.name()) {
        writeln!(out, "{ts}").unwrap();
        return out;
    }
    match decl {
        Decl::Alias { name, ty, .. } => writeln!(out, "export type {name} = {};", ts_type(ty)),
        Decl::Union { name, variants, .. } => {
            let variants: Vec<String> = variants.iter().map(ts_type).collect();
            writeln!(out, "export type {name} = {};", variants.join(" | "))
        }
        Decl::Struct {
            name, fields, open, ..
        } => {
            writeln!(out, "export interface {name} {{").unwrap();
            for field in fields {
                for key in field.keys() {
                    out.push_str(&jsdoc(&field.doc, "  "));
                    let ty = field_override(name, key)
                        .map_or_else(|| ts_type(&field.ty), |(_, ts)| ts.to_string());
                    let optional = if field.required && key == field.key {
                        ""
                    } else {
                        "?"
                    };
                    writeln!(out, "  {}{optional}: {ty};", ts_key(key)).unwrap();
                }
            }
            if *open {
                writeln!(out, "  [key: string]: unknown;").unwrap();
            }
            writeln!(out, "}}")
        }
    }
    .unwrap();
    out
}

fn typescript(decls: &[Decl]) -> String {
    let mut out = String::from(
        "// The response models: generated from the Rust models in crates/bynder/src/models/ by\n\
         // crates/bynder/tests/model_faces.rs; do not edit. Bynder's JSON as the portal sends it\n\
         // (keys in Bynder's spelling); models that keep unknown fields are open, since portals add\n\
         // custom `property_*` fields.\n\n\
         /** Bynder sends booleans as `true`, `1` or `\"1\"`. */\n\
         export type Flag = boolean | 0 | 1 | \"0\" | \"1\";\n\
         /** Any JSON value (answers whose shape varies). */\n\
         export type Json = unknown;\n",
    );
    for decl in decls {
        out.push('\n');
        out.push_str(&typescript_decl(decl));
    }
    out
}

// ---- The tests ------------------------------------------------------------------------------

fn decls() -> Vec<Decl> {
    read_models(&repo().join("crates/bynder/src/models"))
}

#[test]
fn model_faces_are_fresh() {
    let decls = decls();
    let files = [(PYTHON, python(&decls)), (TYPESCRIPT, typescript(&decls))];
    let write = std::env::var_os(WRITE_ENV).is_some();
    let mut stale = Vec::new();
    for (path, text) in files {
        let full = repo().join(path);
        if std::fs::read_to_string(&full).ok().as_deref() != Some(text.as_str()) {
            if write {
                std::fs::write(&full, text).unwrap();
            } else {
                stale.push(path);
            }
        }
    }
    assert!(
        stale.is_empty(),
        "{stale:?} are stale: rerun with {WRITE_ENV}=1 cargo test -p bynder --test model_faces"
    );
}

#[test]
fn every_named_type_is_declared_and_every_custom_decoder_overridden() {
    let decls = decls();
    let declared: BTreeSet<&str> = decls.iter().map(Decl::name).collect();
    let mut missing = BTreeSet::new();
    for decl in &decls {
        decl.visit_types(&mut |ty| {
            if let Ty::Named(name) = ty
                && !declared.contains(name.as_str())
            {
                missing.insert(format!("{} names {name}", decl.name()));
            }
        });
        if decl.custom_deserialize() && model_override(decl.name()).is_none() {
            missing.insert(format!(
                "{} has a hand-written Deserialize: add it to OVERRIDES",
                decl.name()
            ));
        }
    }
    for (name, ..) in OVERRIDES {
        if !declared.contains(name) {
            missing.insert(format!("OVERRIDES names {name}, which is not a model"));
        }
    }
    for (model, key, ..) in FIELD_OVERRIDES {
        let found = decls.iter().any(|d| match d {
            Decl::Struct { name, fields, .. } => {
                name == model && fields.iter().any(|f| f.keys().any(|k| k == *key))
            }
            _ => false,
        });
        if !found {
            missing.insert(format!(
                "FIELD_OVERRIDES names {model}.{key}, which no model has"
            ));
        }
    }
    assert!(missing.is_empty(), "{missing:#?}");
    assert!(decls.len() > 90, "only {} models read", decls.len());
}

#[test]
fn the_generated_declarations_follow_the_rust_models() {
    // One model spelled out: keys renamed by serde, aliases, flags, lists and openness.
    let decls = decls();
    let media = decls.iter().find(|d| d.name() == "Media").unwrap();
    let py = python_decl(media);
    assert!(
        py.starts_with("class Media(TypedDict, total=False):"),
        "{py}"
    );
    for line in [
        "    id: str\n",
        "    idHash: str\n",
        "    type: str\n",
        "    isPublic: Flag\n",
        "    tags: list[str]\n",
        "    thumbnails: dict[str, str]\n",
        "    mediaItems: list[MediaItem]\n",
    ] {
        assert!(py.contains(line), "{line:?} not in\n{py}");
    }
    let ts = typescript_decl(media);
    for line in [
        "  id: string;\n",
        "  idHash?: string;\n",
        "  isPublic?: Flag;\n",
        "  mediaItems?: MediaItem[];\n",
        "  [key: string]: unknown;\n",
    ] {
        assert!(ts.contains(line), "{line:?} not in\n{ts}");
    }
    let status = decls.iter().find(|d| d.name() == "Status").unwrap();
    assert!(python_decl(status).contains("    status_code: int | str\n"));
    assert!(typescript_decl(status).contains("  status_code?: number | string;\n"));
}
