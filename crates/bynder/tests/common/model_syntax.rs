//! The Rust response models (`src/models/*.rs`) read as declarations, with `syn`: each public
//! struct with its JSON keys (after serde's `rename`, `rename_all` and `alias`), field types and
//! docs; each public type alias; each untagged enum of one-value variants. What
//! `model_faces.rs` writes the Python and TypeScript declarations from.

use std::path::Path;

use crate::names::camel_case;

use syn::{Attribute, Expr, Fields, GenericArgument, Item, Lit, Meta, PathArguments, Type};

/// A JSON value's type as the faces declare it.
#[derive(Debug, Clone, PartialEq)]
pub enum Ty {
    Str,
    Int,
    Float,
    Bool,
    /// A boolean Bynder may send as `1`/`0` (the lenient decoders).
    Flag,
    /// Any JSON value.
    Any,
    List(Box<Ty>),
    /// An object keyed by strings.
    Map(Box<Ty>),
    /// Another model.
    Named(String),
}

#[derive(Debug)]
pub struct Field {
    /// The JSON key.
    pub key: String,
    /// Other keys the same value is read from (`#[serde(alias)]`).
    pub aliases: Vec<String>,
    pub ty: Ty,
    /// Always in the JSON: not an `Option` in Rust, and either a string (the ids) or written
    /// back even when empty (no `skip_serializing_if`).
    pub required: bool,
    pub doc: String,
}

impl Field {
    /// The key and its aliases.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.key.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

#[derive(Debug)]
pub enum Decl {
    Struct {
        name: String,
        doc: String,
        fields: Vec<Field>,
        /// Keeps unknown fields (`#[serde(flatten)]`).
        open: bool,
        custom_deserialize: bool,
    },
    Alias {
        name: String,
        doc: String,
        ty: Ty,
    },
    /// An untagged enum: any one of the variants' values.
    Union {
        name: String,
        doc: String,
        variants: Vec<Ty>,
    },
}

impl Decl {
    pub fn name(&self) -> &str {
        match self {
            Decl::Struct { name, .. } | Decl::Alias { name, .. } | Decl::Union { name, .. } => name,
        }
    }

    pub fn doc(&self) -> &str {
        match self {
            Decl::Struct { doc, .. } | Decl::Alias { doc, .. } | Decl::Union { doc, .. } => doc,
        }
    }

    pub fn custom_deserialize(&self) -> bool {
        matches!(
            self,
            Decl::Struct {
                custom_deserialize: true,
                ..
            }
        )
    }

    /// Calls `visit` with every type this declaration names, nested ones included.
    pub fn visit_types(&self, visit: &mut impl FnMut(&Ty)) {
        fn walk(ty: &Ty, visit: &mut impl FnMut(&Ty)) {
            visit(ty);
            if let Ty::List(inner) | Ty::Map(inner) = ty {
                walk(inner, visit);
            }
        }
        match self {
            Decl::Struct { fields, .. } => fields.iter().for_each(|f| walk(&f.ty, visit)),
            Decl::Alias { ty, .. } => walk(ty, visit),
            Decl::Union { variants, .. } => variants.iter().for_each(|v| walk(v, visit)),
        }
    }
}

/// Every model declared in the `.rs` files of `dir` (not its subfolders), file by file in name
/// order, each in source order.
pub fn read_models(dir: &Path) -> Vec<Decl> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| {
            path.extension().is_some_and(|e| e == "rs")
                && !path.ends_with("mod.rs")
                && !path.ends_with("tests.rs")
        })
        .collect();
    files.sort();
    let mut decls = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let file = syn::parse_file(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let custom: Vec<String> = file
            .items
            .iter()
            .filter_map(|item| match item {
                Item::Impl(imp) => {
                    let (_, trait_path, _) = imp.trait_.as_ref()?;
                    let is_de = trait_path.segments.last()?.ident == "Deserialize";
                    is_de.then(|| type_name(&imp.self_ty)).flatten()
                }
                _ => None,
            })
            .collect();
        for item in &file.items {
            if let Some(decl) = read_item(item, &custom) {
                decls.push(decl);
            }
        }
    }
    decls
}

fn read_item(item: &Item, custom: &[String]) -> Option<Decl> {
    match item {
        Item::Struct(s) if is_pub(&s.vis) => {
            let Fields::Named(named) = &s.fields else {
                return None;
            };
            let rename_all = serde_values(&s.attrs, "rename_all").into_iter().next();
            let mut fields = Vec::new();
            let mut open = false;
            for field in &named.named {
                if serde_flag(&field.attrs, "flatten") {
                    open = true;
                    continue;
                }
                if serde_flag(&field.attrs, "skip")
                    || serde_flag(&field.attrs, "skip_deserializing")
                {
                    continue;
                }
                let ident = field.ident.as_ref()?.to_string();
                let ident = ident.strip_prefix("r#").unwrap_or(&ident).to_string();
                let key = serde_values(&field.attrs, "rename")
                    .into_iter()
                    .next()
                    .unwrap_or_else(|| match rename_all.as_deref() {
                        Some("camelCase") => camel_case(&ident),
                        Some(other) => panic!("{}: rename_all = {other:?} not handled", s.ident),
                        None => ident.clone(),
                    });
                let lenient_bool = serde_values(&field.attrs, "deserialize_with")
                    .iter()
                    .any(|f| f.ends_with("opt_bool"));
                let (ty, not_option) = match option_inner(&field.ty) {
                    Some(inner) => (rust_type(inner), false),
                    None => (rust_type(&field.ty), true),
                };
                let always_written = serde_values(&field.attrs, "skip_serializing_if").is_empty();
                let required = not_option && (ty == Ty::Str || always_written);
                let ty = if lenient_bool && ty == Ty::Bool {
                    Ty::Flag
                } else {
                    ty
                };
                fields.push(Field {
                    key,
                    aliases: serde_values(&field.attrs, "alias"),
                    ty,
                    required,
                    doc: doc_text(&field.attrs),
                });
            }
            let name = s.ident.to_string();
            Some(Decl::Struct {
                custom_deserialize: custom.contains(&name),
                name,
                doc: doc_text(&s.attrs),
                fields,
                open,
            })
        }
        Item::Type(t) if is_pub(&t.vis) => Some(Decl::Alias {
            name: t.ident.to_string(),
            doc: doc_text(&t.attrs),
            ty: rust_type(&t.ty),
        }),
        Item::Enum(e) if is_pub(&e.vis) && serde_flag(&e.attrs, "untagged") => {
            let variants = e
                .variants
                .iter()
                .map(|v| match &v.fields {
                    Fields::Unnamed(one) if one.unnamed.len() == 1 => rust_type(&one.unnamed[0].ty),
                    _ => panic!(
                        "{}::{}: only one-value variants are handled",
                        e.ident, v.ident
                    ),
                })
                .collect();
            Some(Decl::Union {
                name: e.ident.to_string(),
                doc: doc_text(&e.attrs),
                variants,
            })
        }
        _ => None,
    }
}

fn is_pub(vis: &syn::Visibility) -> bool {
    matches!(vis, syn::Visibility::Public(_))
}

/// The last path segment's name and its type arguments.
fn segment(ty: &Type) -> Option<(String, Vec<&Type>)> {
    let Type::Path(path) = ty else { return None };
    let last = path.path.segments.last()?;
    let args = match &last.arguments {
        PathArguments::AngleBracketed(args) => args
            .args
            .iter()
            .filter_map(|a| match a {
                GenericArgument::Type(t) => Some(t),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    Some((last.ident.to_string(), args))
}

fn type_name(ty: &Type) -> Option<String> {
    segment(ty).map(|(name, _)| name)
}

fn option_inner(ty: &Type) -> Option<&Type> {
    match segment(ty)? {
        (name, args) if name == "Option" && args.len() == 1 => Some(args[0]),
        _ => None,
    }
}

fn rust_type(ty: &Type) -> Ty {
    let (name, args) =
        segment(ty).expect("a model field of a path type (no tuples, no references)");
    match (name.as_str(), args.as_slice()) {
        ("String" | "BynderDate", []) => Ty::Str,
        ("u8" | "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64" | "isize", []) => {
            Ty::Int
        }
        ("f32" | "f64", []) => Ty::Float,
        ("bool", []) => Ty::Bool,
        ("Value", []) => Ty::Any,
        ("Map", _) => Ty::Map(Box::new(Ty::Any)),
        ("Vec", [inner]) => Ty::List(Box::new(rust_type(inner))),
        ("Option", [inner]) => rust_type(inner),
        ("BTreeMap" | "HashMap", [_, value]) => Ty::Map(Box::new(rust_type(value))),
        (other, []) => Ty::Named(other.to_string()),
        (other, _) => panic!("unhandled type {other}<..>"),
    }
}

/// The first paragraph of the `///` lines, its lines joined by spaces (later paragraphs are
/// about the Rust type: its methods, `extra`), with intra-doc links as their code text.
fn doc_text(attrs: &[Attribute]) -> String {
    let lines: Vec<String> = attrs
        .iter()
        .filter_map(|attr| match &attr.meta {
            Meta::NameValue(nv) if nv.path.is_ident("doc") => match &nv.value {
                Expr::Lit(lit) => match &lit.lit {
                    Lit::Str(s) => Some(s.value().trim().to_string()),
                    _ => None,
                },
                _ => None,
            },
            _ => None,
        })
        .collect();
    let paragraph: Vec<&str> = lines
        .iter()
        .map(String::as_str)
        .skip_while(|line| line.is_empty())
        .take_while(|line| !line.is_empty())
        .collect();
    paragraph.join(" ").replace("[`", "`").replace("`]", "`")
}

/// The entries of the `#[serde(...)]` attributes: `name` with its string value (`rename =
/// "x"`), or none for a bare word (`flatten`) or a non-string value; nested lists
/// (`rename(serialize = ...)`) are skipped.
fn serde_entries(attrs: &[Attribute]) -> Vec<(String, Option<String>)> {
    let mut entries = Vec::new();
    for attr in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        attr.parse_nested_meta(|meta| {
            let name = meta
                .path
                .get_ident()
                .map(ToString::to_string)
                .unwrap_or_default();
            if meta.input.peek(syn::Token![=]) {
                let value = match meta.value()?.parse::<Expr>()? {
                    Expr::Lit(syn::ExprLit {
                        lit: Lit::Str(text),
                        ..
                    }) => Some(text.value()),
                    _ => None,
                };
                entries.push((name, value));
            } else if meta.input.peek(syn::token::Paren) {
                meta.parse_nested_meta(|inner| {
                    if inner.input.peek(syn::Token![=]) {
                        inner.value()?.parse::<Expr>()?;
                    }
                    Ok(())
                })?;
            } else {
                entries.push((name, None));
            }
            Ok(())
        })
        .unwrap_or_else(|e| panic!("#[serde] attribute: {e}"));
    }
    entries
}

/// The string values of `key = "..."` in the `#[serde(...)]` attributes.
fn serde_values(attrs: &[Attribute], key: &str) -> Vec<String> {
    serde_entries(attrs)
        .into_iter()
        .filter(|(name, _)| name == key)
        .filter_map(|(_, value)| value)
        .collect()
}

/// Whether `#[serde(flag)]` (a bare word) is present.
fn serde_flag(attrs: &[Attribute], flag: &str) -> bool {
    serde_entries(attrs)
        .iter()
        .any(|(name, value)| name == flag && value.is_none())
}
