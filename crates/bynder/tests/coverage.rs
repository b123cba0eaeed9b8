//! Generates `docs/coverage.md` (issue 7): every operation of Bynder's published OpenAPI
//! definitions, whether the operation table has it, the mock route and faces that serve it, and
//! the tests that exercise it. The report is generated, never edited by hand:
//! `coverage_report_is_fresh` fails when it is stale and rewrites it when
//! `BYNDER_WRITE_COVERAGE=1` is set.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

#[path = "common/names.rs"]
mod names;
#[path = "common/openapi.rs"]
mod openapi;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use bynder::ops::{OPERATIONS, Operation, Paging};
use names::camel_case;
use openapi::{Documented, NOT_IN_OPENAPI, documented, normalise};

/// Documented operations the table leaves out on purpose: (METHOD, path as documented, reason).
/// Test copies of a path under another host and trailing-slash twins are not separate
/// operations; `normalise` already merges them.
const EXCLUDED: &[(&str, &str, &str)] = &[
    (
        "GET",
        "/v6/authentication/oauth2/auth",
        "the consent page a browser opens, not an API call; the core builds its URL with state \
         and PKCE (`Client::authorization_request`, crates/bynder/src/auth/authorization.rs)",
    ),
    (
        "POST",
        "/v6/authentication/oauth2/token",
        "token requests carry the client secret and must stay single-flight, so only the auth \
         module sends them (all three grants: crates/bynder/src/auth/manager.rs)",
    ),
    (
        "POST",
        "/workflow-jobs/{id}/upload",
        "a mis-keyed path: the portal serves it at /api/workflow/jobs/{id}/upload (bynder-api.md \
         §5.8, LLMS slug post_api-workflow-jobs-id-upload), which the table has as `jobs.upload`",
    ),
    (
        "POST",
        "/bynder-public-us-east-1.s3.amazonaws.com/",
        "the S3 part upload of the old flow, to the URL `upload.s3_endpoint` hands out and never \
         with the Bynder token; the transfer module sends it (crates/bynder/src/transfer/s3.rs)",
    ),
];

const REPORT: &str = "docs/coverage.md";
const WRITE_ENV: &str = "BYNDER_WRITE_COVERAGE";

/// The faces every table operation reaches through generated or generic methods.
const GENERIC_FACES: &str = "py js c kt swift cli";

/// This report's own machinery checks the table; it exercises no operation.
const NOT_TESTS: &[&str] = &[
    "crates/bynder/tests/coverage.rs",
    "crates/bynder/tests/openapi_table.rs",
    "crates/bynder/tests/common/openapi.rs",
];

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

// ---- Reading sources ------------------------------------------------------------------------

/// A source file without its comment lines and without the unit tests at the end of a Rust
/// file, so only code is searched.
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let text = text.split("#[cfg(test)]").next().unwrap_or_default();
    let python = path.extension().is_some_and(|e| e == "py");
    text.lines()
        .filter(|line| {
            let line = line.trim_start();
            !(line.starts_with("//") || (python && line.starts_with('#')))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Text without whitespace: a call that a formatter split over lines still matches.
fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Files under `dir` (relative to the repository) ending in `.ext`, sorted; `deep` descends.
fn files(dir: &str, ext: &str, deep: bool) -> Vec<String> {
    fn walk(dir: &Path, ext: &str, deep: bool, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.is_dir() {
                if deep {
                    walk(&path, ext, deep, out);
                }
            } else if path.extension().is_some_and(|e| e == ext) {
                out.push(path);
            }
        }
    }
    let root = repo();
    let mut found = Vec::new();
    walk(&root.join(dir), ext, deep, &mut found);
    let mut out: Vec<String> = found
        .iter()
        .map(|p| {
            p.strip_prefix(&root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    out.sort();
    out
}

/// Names of the functions in `source` whose text contains one of `needles` (compared squeezed).
/// A function's text runs to the next `fn`: enough for the flat impl blocks searched here.
fn functions_naming(source: &str, needles: &[String]) -> Vec<String> {
    let starts: Vec<usize> = source
        .match_indices("fn ")
        .map(|(i, _)| i)
        .filter(|&i| {
            !source[..i]
                .chars()
                .last()
                .is_some_and(|c| c.is_alphanumeric() || c == '_')
        })
        .collect();
    let mut names = Vec::new();
    for (k, &start) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(source.len());
        let chunk = &source[start..end];
        let name: String = chunk[3..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let body = squeeze(chunk);
        if needles.iter().any(|n| body.contains(n.as_str())) && !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

/// The test languages, in the order their files are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Face {
    Rust,
    Python,
    Js,
    C,
    Kotlin,
}

const FACES: &[(Face, &str, &str, &str, bool)] = &[
    (Face::Rust, "Rust", "crates", "rs", true),
    (Face::Python, "Python", "python/tests", "py", false),
    (Face::Js, "JS", "bindings/wasm/tests", "mjs", true),
    (Face::C, "C", "bindings/c/tests", "c", false),
    (
        Face::Kotlin,
        "Kotlin",
        "bindings/uniffi/kotlin/src/test",
        "kt",
        true,
    ),
];

struct TestFile {
    face: Face,
    path: String,
    text: String,
}

/// Everything the report searches, read once.
struct Sources {
    /// `crates/bynder/src/api/*.rs`: the typed Rust methods.
    rust_api: Vec<String>,
    /// `bindings/uniffi/src/typed.rs`: the typed Kotlin/Swift methods.
    uniffi_typed: String,
    /// The CLI's code, squeezed, without `bynder demo` (it runs against its own mock).
    cli: String,
    /// The core's upload flows and download, squeezed (what `bynder upload`/`download` drive).
    upload_flow: String,
    download_flow: String,
    tests: Vec<TestFile>,
}

impl Sources {
    fn read() -> Sources {
        let root = repo();
        let read_all = |paths: &[String]| -> String {
            paths
                .iter()
                .map(|p| squeeze(&code(&root.join(p))))
                .collect()
        };
        let transfer = |names: &[&str]| -> String {
            let paths: Vec<String> = names
                .iter()
                .map(|n| format!("crates/bynder/src/transfer/{n}.rs"))
                .collect();
            read_all(&paths)
        };
        let cli: Vec<String> = files("crates/bynder-cli/src", "rs", false)
            .into_iter()
            .filter(|p| !p.contains("/demo"))
            .collect();
        let mut tests = Vec::new();
        for &(face, _, dir, ext, deep) in FACES {
            for path in files(dir, ext, deep) {
                // crates/<crate>/tests/** only: the crates' sources are not test sources.
                let in_tests = face != Face::Rust || path.split('/').nth(2) == Some("tests");
                if in_tests && !NOT_TESTS.contains(&path.as_str()) {
                    let text = squeeze(&code(&root.join(&path)));
                    tests.push(TestFile { face, path, text });
                }
            }
        }
        Sources {
            rust_api: files("crates/bynder/src/api", "rs", false)
                .iter()
                .map(|p| code(&root.join(p)))
                .collect(),
            uniffi_typed: code(&root.join("bindings/uniffi/src/typed.rs")),
            cli: read_all(&cli),
            upload_flow: transfer(&["upload", "files_service", "s3", "save"]),
            download_flow: transfer(&["download", "download_fetch", "download_sink"]),
            tests,
        }
    }
}

// ---- Spellings of one operation --------------------------------------------------------------

/// How each face's code can name or call one table operation (all compared squeezed).
struct Spellings {
    quoted: Vec<String>,
    rust: Vec<String>,
    python: Vec<String>,
    js: Vec<String>,
    kotlin: Vec<String>,
}

impl Spellings {
    fn of(op: &Operation, sources: &Sources) -> Spellings {
        let quoted = vec![format!("\"{}\"", op.name), format!("'{}'", op.name)];
        let (group, action) = (op.group(), op.action());
        // Rust: each typed method of crates/bynder/src/api whose body names the operation.
        let rust: Vec<String> = sources
            .rust_api
            .iter()
            .flat_map(|file| functions_naming(file, &quoted[..1]))
            .map(|method| format!(".{group}().{method}("))
            .collect();
        // Kotlin/Swift: each typed uniffi method whose body makes one of those Rust calls.
        let kotlin = functions_naming(&sources.uniffi_typed, &rust)
            .iter()
            .map(|f| format!(".{}(", camel_case(f)))
            .collect();
        let mut actions = vec![action.to_string()];
        if op.paging != Paging::None {
            actions.push(if action == "list" {
                "iter".to_string()
            } else {
                format!("iter_{action}")
            });
        }
        let mut python = Vec::new();
        let mut js = Vec::new();
        for a in &actions {
            for g in [group.to_string(), format!("{group}_api")] {
                python.push(format!(".{g}.{a}("));
                js.push(format!(".{}.{}(", camel_case(&g), camel_case(a)));
            }
        }
        Spellings {
            quoted,
            rust,
            python,
            js,
            kotlin,
        }
    }

    fn found_in(&self, file: &TestFile) -> bool {
        let face = match file.face {
            Face::Rust => &self.rust,
            Face::Python => &self.python,
            Face::Js => &self.js,
            Face::C => &Vec::new(),
            Face::Kotlin => &self.kotlin,
        };
        self.quoted
            .iter()
            .chain(face)
            .any(|s| file.text.contains(s))
    }

    /// Whether a `bynder` command calls the operation on the user's portal.
    fn in_cli(&self, sources: &Sources) -> bool {
        let cli = &sources.cli;
        let named = |text: &str| self.quoted.iter().any(|q| text.contains(q.as_str()));
        named(cli)
            || self.rust.iter().any(|call| cli.contains(call.as_str()))
            || (cli.contains(".upload(") && named(&sources.upload_flow))
            || (cli.contains(".download(") && named(&sources.download_flow))
    }
}

// ---- The report -------------------------------------------------------------------------------

/// What the report says about one table operation.
struct Reach {
    cli: bool,
    tests: Vec<(Face, String)>,
}

fn reach(op: &Operation, sources: &Sources) -> Reach {
    let spellings = Spellings::of(op, sources);
    Reach {
        cli: spellings.in_cli(sources),
        tests: sources
            .tests
            .iter()
            .filter(|file| spellings.found_in(file))
            .map(|file| (file.face, file.path.clone()))
            .collect(),
    }
}

struct Row<'a> {
    method: String,
    doc: &'a Documented,
    ops: Vec<&'static Operation>,
    excluded: Option<&'static str>,
}

struct Coverage<'a> {
    files: usize,
    rows: Vec<Row<'a>>,
    /// Table operations the definitions lack.
    extra: Vec<&'static Operation>,
}

impl Coverage<'_> {
    fn covered(&self) -> usize {
        self.rows.iter().filter(|r| !r.ops.is_empty()).count()
    }

    fn missing(&self) -> Vec<String> {
        self.rows
            .iter()
            .filter(|r| r.ops.is_empty() && r.excluded.is_none())
            .map(|r| format!("{} {}", r.method, r.doc.template))
            .collect()
    }
}

fn coverage(documented: &BTreeMap<(String, String), Documented>) -> Coverage<'_> {
    let mut rows: Vec<Row> = documented
        .iter()
        .map(|((method, path), doc)| Row {
            method: method.clone(),
            doc,
            ops: OPERATIONS
                .iter()
                .filter(|op| op.method.as_str() == method && normalise(op.path) == *path)
                .collect(),
            excluded: EXCLUDED
                .iter()
                .find(|(m, p, _)| m == method && normalise(p) == *path)
                .map(|(_, _, reason)| *reason),
        })
        .collect();
    rows.sort_by(|a, b| {
        let key = |r: &Row| (normalise(&r.doc.template), r.method.clone());
        key(a).cmp(&key(b))
    });
    let extra = OPERATIONS
        .iter()
        .filter(|op| {
            !documented.contains_key(&(op.method.as_str().to_string(), normalise(op.path)))
        })
        .collect();
    Coverage {
        files: openapi::files().len(),
        rows,
        extra,
    }
}

/// At most three files, one per face (Rust, Python, JS, C, Kotlin) before a second from any.
fn pick_tests(tests: &[(Face, String)]) -> String {
    if tests.is_empty() {
        return "—".to_string();
    }
    let mut by_face: BTreeMap<Face, Vec<&str>> = BTreeMap::new();
    for (face, path) in tests {
        let list = by_face.entry(*face).or_default();
        if !list.contains(&path.as_str()) {
            list.push(path);
        }
    }
    let total: usize = by_face.values().map(Vec::len).sum();
    let mut shown = Vec::new();
    for round in 0.. {
        let before = shown.len();
        for list in by_face.values() {
            if let Some(path) = list.get(round)
                && shown.len() < 3
            {
                shown.push(format!("`{path}`"));
            }
        }
        if shown.len() == before || shown.len() == 3 {
            break;
        }
    }
    let mut out = shown.join(", ");
    if total > shown.len() {
        let _ = write!(out, " +{}", total - shown.len());
    }
    out
}

fn faces(reach: &[Reach]) -> String {
    if reach.iter().any(|r| r.cli) {
        format!("{GENERIC_FACES} (+ a bynder command)")
    } else {
        GENERIC_FACES.to_string()
    }
}

fn percent(part: usize, whole: usize) -> String {
    format!("{:.1}%", 100.0 * part as f64 / whole.max(1) as f64)
}

fn render(coverage: &Coverage, sources: &Sources) -> String {
    let documented = coverage.rows.len();
    let covered = coverage.covered();
    let excluded = coverage
        .rows
        .iter()
        .filter(|r| r.excluded.is_some())
        .count();
    let missing = coverage.missing().len();
    let mut tested = 0;
    let mut body = String::new();
    for row in &coverage.rows {
        let names: Vec<String> = row.ops.iter().map(|op| format!("`{}`", op.name)).collect();
        let (name, route, faces, tests) = if row.ops.is_empty() {
            let why = row
                .excluded
                .map_or("—".to_string(), |r| format!("excluded: {r}"));
            (why, "—".to_string(), "—".to_string(), "—".to_string())
        } else {
            let reach: Vec<Reach> = row.ops.iter().map(|op| reach(op, sources)).collect();
            let found: Vec<(Face, String)> =
                reach.iter().flat_map(|r| r.tests.iter().cloned()).collect();
            tested += usize::from(!found.is_empty());
            let names = names.join(", ");
            (
                names.clone(),
                names,
                self::faces(&reach),
                pick_tests(&found),
            )
        };
        let files: Vec<String> = row.doc.files.iter().map(|f| format!("`{f}`")).collect();
        let _ = writeln!(
            body,
            "| {} | `{}` | {} | {name} | {route} | {faces} | {tests} |",
            row.method,
            row.doc.template,
            files.join(", ")
        );
    }

    let mut out = String::new();
    let _ = write!(
        out,
        "# Coverage of Bynder's API

Generated by `crates/bynder/tests/coverage.rs` from Bynder's OpenAPI definitions
(`../shared/reference/openapi/`, {files} files) and the core's operation table
(`bynder::ops::OPERATIONS`, {table} operations). Do not edit it: regenerate it with

```sh
{WRITE_ENV}=1 cargo test -p bynder --test coverage coverage_report_is_fresh
```

| | operations | share |
|---|---:|---:|
| documented (distinct METHOD + path) | {documented} | 100% |
| covered by the table | {covered} | {covered_pc} |
| deliberately excluded | {excluded} | {excluded_pc} |
| missing | {missing} | {missing_pc} |
| covered and found in a test | {tested} | {tested_pc} |

Table operations the definitions lack: {extra} (second table).

## How the columns are found

- **Operations**: every METHOD + path of every file, with paths normalised as
  `crates/bynder/tests/openapi_table.rs` does (trailing slash dropped, parameter names ignored),
  so test copies of a file and `/x/{{id}}` next to `/x/{{id}}/` count once. The path shown is
  the one the first file (by name) writes, relative to that file's server (the automation
  workflow service has its own host). A table operation covers a row when its method and
  normalised path are equal. Rows are sorted by normalised path, then method.
- **Mock route**: the mock portal builds its router from the table and serves every table
  operation by name, so the route is the operation's name.
- **Faces**: every table operation reaches Python, JS/WASM, C and Kotlin/Swift through the
  methods they generate from `bynder::ops::catalog()` and their generic `call`, and the CLI
  through `bynder api <operation>`. `(+ a bynder command)` marks the operations a dedicated
  command (`bynder media`, `upload`, `download`...) calls on the user's portal, read from
  `crates/bynder-cli/src` (without `bynder demo`, which runs against its own mock) with the
  spellings below, plus the operations the core's upload and download name
  (`crates/bynder/src/transfer`) when the CLI calls `.upload(` or `.download(`.
- **Tests**: the test sources `crates/*/tests/**/*.rs`, `python/tests/*.py`,
  `bindings/wasm/tests/**/*.mjs`, `bindings/c/tests/*.c` and
  `bindings/uniffi/kotlin/src/test/**/*.kt` are searched with comment lines and all whitespace
  removed (a call split over lines still matches). A file counts for an operation when it holds:
  - in any language, the name in quotes, `\"media.get\"` or `'media.get'` (generic calls, fault
    rules, request counters); C calls operations only this way;
  - Rust: a typed call `.media().get(`, for each method of `crates/bynder/src/api` whose body
    names the operation (so `.tags().add_to_media(` counts for `tags.add_media`);
  - Python: `.media.get(`, and for paged operations the iterator `.media.iter(` or
    `.metaproperties.iter_options(` (`.<group>_api.` too, the spelling when a group's name is
    taken);
  - JS: the same in camelCase, `.media.downloadLocation(`, `.metaproperties.iterOptions(`
    (`.<group>Api.` too);
  - Kotlin: each typed method of `bindings/uniffi/src/typed.rs` whose body makes one of those
    Rust calls, in camelCase (`.mediaGet(`).

  At most three files are listed, one per language (Rust, Python, JS, C, Kotlin) before a
  second from any; `+N` counts the rest. Not seen: operations that a test reaches only through
  a face's `upload` or `download` call, or by sending raw HTTP to the mock (its own tests do),
  unless the test also names them (e.g. `portal.served(\"upload.s3_init\")`). The report
  changes when a test file does: regenerate it with the command above.
- The report's own tests (`coverage.rs`, `openapi_table.rs`, `common/openapi.rs`) are not
  counted as tests of any operation.

## Documented operations

| Method | Path | OpenAPI file(s) | Core operation | Mock route | Faces | Tests |
|---|---|---|---|---|---|---|
",
        files = coverage.files,
        table = OPERATIONS.len(),
        covered_pc = percent(covered, documented),
        excluded_pc = percent(excluded, documented),
        missing_pc = percent(missing, documented),
        tested_pc = percent(tested, documented),
        extra = coverage.extra.len(),
    );
    out.push_str(&body);

    let _ = write!(
        out,
        "
## Table operations the definitions lack

Operations the official SDKs call that no OpenAPI file describes
(`NOT_IN_OPENAPI` in `crates/bynder/tests/common/openapi.rs`).

| Core operation | Method | Path | Source | Faces | Tests |
|---|---|---|---|---|---|
"
    );
    for op in &coverage.extra {
        let source = NOT_IN_OPENAPI
            .iter()
            .find(|(name, _)| *name == op.name)
            .map_or("not listed", |(_, source)| source);
        let reach = reach(op, sources);
        let _ = writeln!(
            out,
            "| `{}` | {} | `{}` | {source} | {} | {} |",
            op.name,
            op.method.as_str(),
            op.path,
            faces(std::slice::from_ref(&reach)),
            pick_tests(&reach.tests)
        );
    }
    out
}

/// The first line where `a` and `b` differ (1-based), with both versions of it.
fn first_difference(a: &str, b: &str) -> (usize, String, String) {
    let (mut a, mut b) = (a.lines(), b.lines());
    for n in 1.. {
        match (a.next(), b.next()) {
            (None, None) => break,
            (x, y) if x != y => {
                let show = |l: Option<&str>| l.unwrap_or("(end of file)").to_string();
                return (n, show(x), show(y));
            }
            _ => {}
        }
    }
    (0, String::new(), String::new())
}

// ---- Tests ------------------------------------------------------------------------------------

#[test]
fn coverage_report_is_fresh() {
    let documented = documented();
    let sources = Sources::read();
    let fresh = render(&coverage(&documented), &sources);
    let path = repo().join(REPORT);
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if committed == fresh {
        return;
    }
    if std::env::var(WRITE_ENV).as_deref() == Ok("1") {
        std::fs::write(&path, &fresh).unwrap_or_else(|e| panic!("cannot write {REPORT}: {e}"));
        return;
    }
    let (line, was, now) = first_difference(&committed, &fresh);
    panic!(
        "{REPORT} is stale or missing: the OpenAPI files, the operation table, the CLI or the \
         tests changed since it was generated. Regenerate it with\n\n    \
         {WRITE_ENV}=1 cargo test -p bynder --test coverage coverage_report_is_fresh\n\n\
         and commit it. First difference, line {line}:\n  committed: {was}\n  generated: {now}"
    );
}

#[test]
fn no_documented_operation_is_missing() {
    let documented = documented();
    let missing = coverage(&documented).missing();
    assert!(
        missing.is_empty(),
        "{} documented operations are neither in the operation table nor in EXCLUDED \
         (crates/bynder/tests/coverage.rs) with a reason; see {REPORT}:\n  {}",
        missing.len(),
        missing.join("\n  ")
    );
}

#[test]
fn exclusions_name_documented_operations_outside_the_table() {
    let documented = documented();
    for (method, path, reason) in EXCLUDED {
        let key = (method.to_string(), normalise(path));
        assert!(
            documented.contains_key(&key),
            "EXCLUDED names {method} {path}, which no OpenAPI file documents"
        );
        assert!(
            !OPERATIONS
                .iter()
                .any(|op| op.method.as_str() == *method && normalise(op.path) == key.1),
            "EXCLUDED names {method} {path}, which the table has"
        );
        assert!(
            !reason.trim().is_empty(),
            "{method} {path}: give the reason"
        );
    }
}

/// A moved test directory or a renamed face method would silently empty a column: every
/// language must have test files, and the search must find table operations in each.
#[test]
fn the_search_sees_every_language() {
    let sources = Sources::read();
    for &(face, label, dir, _, _) in FACES {
        let files = sources.tests.iter().filter(|f| f.face == face).count();
        assert!(files > 0, "no {label} test files under {dir}");
        let found = OPERATIONS
            .iter()
            .filter(|op| reach(op, &sources).tests.iter().any(|(f, _)| *f == face))
            .count();
        assert!(
            found > 0,
            "the search finds no operation in the {label} tests"
        );
    }
}
