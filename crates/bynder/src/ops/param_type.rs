//! The type of each query/body parameter, and the check every value goes through before a
//! request is built.
//!
//! The types come from Bynder's published definitions (`param_types.rs`, generated) and a short
//! hand-written list for what they leave out or get wrong (`param_overrides.rs`). The check is
//! as lenient as Bynder is: an integer may come as a string of digits, a boolean as `1`/`0` or
//! `"true"`, a list as one comma-separated string, an object as JSON text, an id as a number.
//! Only what cannot be the declared type is refused (`limit: "ten"`, `is_public: "maybe"`).

use serde_json::Value;

use super::Encoding;

/// What a parameter holds, as far as a caller is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ParamType {
    /// Not typed: any value passes.
    Any,
    /// Text (names, ids, keywords). Numbers are accepted as their decimal text.
    String,
    /// A whole number; digits in a string are accepted.
    Integer,
    /// Any number; numeric text is accepted.
    Number,
    /// `true`/`false`; also `1`/`0` and text such as `"true"`, `"0"`, `"yes"`.
    Boolean,
    /// An ISO 8601 date or date-time as text (`2024-01-31`, `2024-01-31T12:00:00Z`). Only
    /// the type is checked: endpoints differ in the spellings they take (seconds optional, a
    /// date alone), and the portal's own answer names what it wants.
    DateTime,
    /// A list of strings or ids; one comma-separated string (or JSON text of a list) too.
    StringList,
    /// A JSON object; its JSON text too.
    Object,
    /// A list of JSON objects; its JSON text too.
    ObjectList,
}

/// What the check decided about one value.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    /// The value is fine as given.
    Keep,
    /// The value is fine; send this canonical form of it instead (`"10"` as `10` in a JSON body).
    Replace(Value),
    /// The value cannot be of the declared type.
    Reject,
}

impl ParamType {
    /// Every type, in declaration order.
    pub const ALL: &'static [ParamType] = &[
        ParamType::Any,
        ParamType::String,
        ParamType::Integer,
        ParamType::Number,
        ParamType::Boolean,
        ParamType::DateTime,
        ParamType::StringList,
        ParamType::Object,
        ParamType::ObjectList,
    ];

    /// The name the catalog uses (`string`, `integer`, `string_list`...).
    pub const fn as_str(self) -> &'static str {
        match self {
            ParamType::Any => "any",
            ParamType::String => "string",
            ParamType::Integer => "integer",
            ParamType::Number => "number",
            ParamType::Boolean => "boolean",
            ParamType::DateTime => "date_time",
            ParamType::StringList => "string_list",
            ParamType::Object => "object",
            ParamType::ObjectList => "object_list",
        }
    }

    /// The type called `name` by [`ParamType::as_str`].
    pub fn from_name(name: &str) -> Option<ParamType> {
        ParamType::ALL.iter().copied().find(|t| t.as_str() == name)
    }

    /// How an error message names the expected value.
    pub const fn expected(self) -> &'static str {
        match self {
            ParamType::Any => "any value",
            ParamType::String => "text",
            ParamType::Integer => "an integer",
            ParamType::Number => "a number",
            ParamType::Boolean => "a boolean (true/false, 1/0)",
            ParamType::DateTime => "an ISO 8601 date-time as text, such as 2024-01-31T12:00:00Z",
            ParamType::StringList => "a list of strings (or one comma-separated string)",
            ParamType::Object => "an object (or its JSON text)",
            ParamType::ObjectList => "a list of objects (or its JSON text)",
        }
    }

    /// Checks `value` for a parameter of this type sent with `encoding`. In a JSON body the
    /// value travels as it is, so a lenient spelling is replaced by the declared type (`"10"`
    /// becomes `10`, `"a,b"` becomes `["a","b"]`); in a query or form everything is text, and
    /// only booleans are rewritten (to `true`/`false`, which the encoder sends as `1`/`0`).
    /// `null` always passes: the encoder leaves it out of a query or form.
    pub fn check(self, value: &Value, encoding: Encoding) -> Verdict {
        let json = encoding == Encoding::Json;
        match (self, value) {
            (ParamType::Any, _) | (_, Value::Null) => Verdict::Keep,
            (ParamType::String, Value::String(_)) => Verdict::Keep,
            (ParamType::String, Value::Number(n)) => replace_if(json, || n.to_string().into()),
            (ParamType::Integer, _) => match integer(value) {
                None => Verdict::Reject,
                Some(_) if value.is_i64() || value.is_u64() => Verdict::Keep,
                // `10.0` would read as "10.0" on the wire: send it whole.
                Some(n) if value.is_f64() => Verdict::Replace(Value::Number(n)),
                // Digits in text: fine in a query or form, a number in a JSON body.
                Some(n) => replace_if(json, || Value::Number(n)),
            },
            (ParamType::Number, Value::Number(_)) => Verdict::Keep,
            (ParamType::Number, Value::String(text)) => match number(text) {
                Some(n) => replace_if(json, || Value::Number(n)),
                None => Verdict::Reject,
            },
            (ParamType::Boolean, Value::Bool(_)) => Verdict::Keep,
            (ParamType::Boolean, _) => match boolean(value) {
                Some(b) => Verdict::Replace(Value::Bool(b)),
                None => Verdict::Reject,
            },
            (ParamType::DateTime, Value::String(_)) => Verdict::Keep,
            (ParamType::StringList, Value::Array(items)) => string_items(items, json),
            (ParamType::StringList, Value::String(text)) => {
                replace_if(json, || Value::Array(split_list(text)))
            }
            (ParamType::StringList, Value::Number(n)) => {
                replace_if(json, || Value::Array(vec![n.to_string().into()]))
            }
            (ParamType::Object, Value::Object(_)) => Verdict::Keep,
            (ParamType::ObjectList, Value::Array(items)) if items.iter().all(Value::is_object) => {
                Verdict::Keep
            }
            (ParamType::Object | ParamType::ObjectList, Value::String(text)) => {
                match serde_json::from_str::<Value>(text) {
                    Ok(parsed) if self.check(&parsed, Encoding::Query) == Verdict::Keep => {
                        replace_if(json, || parsed)
                    }
                    _ => Verdict::Reject,
                }
            }
            _ => Verdict::Reject,
        }
    }
}

/// `Replace(make())` in a JSON body, `Keep` otherwise.
fn replace_if(replace: bool, make: impl FnOnce() -> Value) -> Verdict {
    if replace {
        Verdict::Replace(make())
    } else {
        Verdict::Keep
    }
}

/// The whole number `value` stands for: an integer, a float without a fraction (`10.0`, what a
/// JS caller may hold), or digits in a string (`"10"`, `" -3 "`).
fn integer(value: &Value) -> Option<serde_json::Number> {
    match value {
        Value::Number(n) if n.is_i64() || n.is_u64() => Some(n.clone()),
        Value::Number(n) => n
            .as_f64()
            .filter(|f| f.fract() == 0.0 && f.abs() < 9.0e15)
            // Exact: a float without a fraction below 2^53 is a whole i64.
            .map(|f| serde_json::Number::from(f as i64)),
        Value::String(text) => {
            let text = text.trim();
            text.parse::<i64>()
                .map(serde_json::Number::from)
                .or_else(|_| text.parse::<u64>().map(serde_json::Number::from))
                .ok()
        }
        _ => None,
    }
}

/// Numeric text as a JSON number (finite only: JSON has no NaN).
fn number(text: &str) -> Option<serde_json::Number> {
    let text = text.trim();
    if let Ok(i) = text.parse::<i64>() {
        return Some(i.into());
    }
    text.parse::<f64>()
        .ok()
        .and_then(serde_json::Number::from_f64)
}

/// A boolean in any spelling Bynder takes: `true`/`false`, `1`/`0`, and their text.
fn boolean(value: &Value) -> Option<bool> {
    match value {
        Value::Bool(b) => Some(*b),
        Value::Number(n) => match n.as_u64() {
            Some(1) => Some(true),
            Some(0) => Some(false),
            _ => None,
        },
        Value::String(text) => crate::lenient::bool_from_text(text),
        _ => None,
    }
}

/// A list of ids or names: strings and numbers (numbers become text in a JSON body).
fn string_items(items: &[Value], json: bool) -> Verdict {
    if !items.iter().all(|v| v.is_string() || v.is_number()) {
        return Verdict::Reject;
    }
    if json && items.iter().any(Value::is_number) {
        let text = items
            .iter()
            .map(|v| match v {
                Value::String(s) => Value::String(s.clone()),
                other => Value::String(other.to_string()),
            })
            .collect();
        return Verdict::Replace(Value::Array(text));
    }
    Verdict::Keep
}

/// `"a, b"` -> `["a", "b"]`; `'["a","b"]'` (JSON text of a list) -> `["a", "b"]`; `""` -> `[]`.
fn split_list(text: &str) -> Vec<Value> {
    if let Ok(Value::Array(items)) = serde_json::from_str::<Value>(text) {
        return items;
    }
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| Value::String(s.to_string()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn query(t: ParamType, v: Value) -> Verdict {
        t.check(&v, Encoding::Query)
    }

    fn body(t: ParamType, v: Value) -> Verdict {
        t.check(&v, Encoding::Json)
    }

    #[test]
    fn names_round_trip() {
        for t in ParamType::ALL {
            assert_eq!(ParamType::from_name(t.as_str()), Some(*t));
        }
        assert_eq!(ParamType::from_name("float"), None);
    }

    #[test]
    fn integers_take_digits_and_refuse_words() {
        use ParamType::Integer;
        assert_eq!(query(Integer, json!(10)), Verdict::Keep);
        assert_eq!(query(Integer, json!("10")), Verdict::Keep);
        assert_eq!(body(Integer, json!("10")), Verdict::Replace(json!(10)));
        assert_eq!(body(Integer, json!(" -3 ")), Verdict::Replace(json!(-3)));
        assert_eq!(query(Integer, json!(10.0)), Verdict::Replace(json!(10)));
        for bad in [
            json!("ten"),
            json!(""),
            json!(1.5),
            json!([1, 2]),
            json!({"a": 1}),
            json!(true),
        ] {
            assert_eq!(query(Integer, bad.clone()), Verdict::Reject, "{bad}");
            assert_eq!(body(Integer, bad.clone()), Verdict::Reject, "{bad}");
        }
    }

    #[test]
    fn numbers_take_numeric_text() {
        use ParamType::Number;
        assert_eq!(query(Number, json!(1.5)), Verdict::Keep);
        assert_eq!(body(Number, json!("1.5")), Verdict::Replace(json!(1.5)));
        assert_eq!(body(Number, json!("3")), Verdict::Replace(json!(3)));
        assert_eq!(query(Number, json!("NaN")), Verdict::Reject);
        assert_eq!(query(Number, json!("lots")), Verdict::Reject);
        assert_eq!(query(Number, json!(false)), Verdict::Reject);
    }

    #[test]
    fn booleans_take_every_spelling_bynder_does() {
        use ParamType::Boolean;
        assert_eq!(query(Boolean, json!(true)), Verdict::Keep);
        for (given, meant) in [
            (json!(1), true),
            (json!(0), false),
            (json!("true"), true),
            (json!("False"), false),
            (json!("1"), true),
            (json!("0"), false),
        ] {
            assert_eq!(
                query(Boolean, given.clone()),
                Verdict::Replace(json!(meant)),
                "{given}"
            );
        }
        for bad in [json!("maybe"), json!(2), json!(["1"]), json!({})] {
            assert_eq!(query(Boolean, bad.clone()), Verdict::Reject, "{bad}");
        }
    }

    #[test]
    fn strings_take_numbers_but_not_lists_objects_or_booleans() {
        use ParamType::String;
        assert_eq!(query(String, json!("logo")), Verdict::Keep);
        assert_eq!(query(String, json!(42)), Verdict::Keep);
        assert_eq!(body(String, json!(42)), Verdict::Replace(json!("42")));
        for bad in [json!(["a"]), json!({"a": 1}), json!(true)] {
            assert_eq!(query(String, bad.clone()), Verdict::Reject, "{bad}");
        }
    }

    #[test]
    fn dates_are_text_whose_spelling_the_portal_judges() {
        use ParamType::DateTime;
        for good in ["2024-01-31", "2024-01-31T12:00:00Z", "", "yesterday"] {
            assert_eq!(query(DateTime, json!(good)), Verdict::Keep, "{good}");
        }
        for bad in [json!(20240131), json!(true), json!(["2024"]), json!({})] {
            assert_eq!(query(DateTime, bad.clone()), Verdict::Reject, "{bad}");
        }
    }

    #[test]
    fn lists_take_one_comma_separated_string_and_numbers() {
        use ParamType::StringList;
        assert_eq!(query(StringList, json!(["a", "b"])), Verdict::Keep);
        assert_eq!(query(StringList, json!("a,b")), Verdict::Keep);
        assert_eq!(query(StringList, json!(7)), Verdict::Keep);
        assert_eq!(
            body(StringList, json!("a, b,")),
            Verdict::Replace(json!(["a", "b"]))
        );
        assert_eq!(
            body(StringList, json!("[\"a\",\"b\"]")),
            Verdict::Replace(json!(["a", "b"]))
        );
        assert_eq!(
            body(StringList, json!([1, "b"])),
            Verdict::Replace(json!(["1", "b"]))
        );
        for bad in [
            json!({"a": 1}),
            json!([{"a": 1}]),
            json!([["a"]]),
            json!(true),
        ] {
            assert_eq!(query(StringList, bad.clone()), Verdict::Reject, "{bad}");
        }
    }

    #[test]
    fn objects_take_their_json_text() {
        use ParamType::{Object, ObjectList};
        assert_eq!(query(Object, json!({"a": 1})), Verdict::Keep);
        assert_eq!(query(Object, json!("{\"a\":1}")), Verdict::Keep);
        assert_eq!(
            body(Object, json!("{\"a\":1}")),
            Verdict::Replace(json!({"a": 1}))
        );
        assert_eq!(query(Object, json!("{oops")), Verdict::Reject);
        assert_eq!(query(Object, json!(3)), Verdict::Reject);
        assert_eq!(query(Object, json!([{"a": 1}])), Verdict::Reject);
        assert_eq!(query(ObjectList, json!([{"a": 1}])), Verdict::Keep);
        assert_eq!(
            body(ObjectList, json!("[{\"a\":1}]")),
            Verdict::Replace(json!([{"a": 1}]))
        );
        assert_eq!(query(ObjectList, json!({"a": 1})), Verdict::Reject);
        assert_eq!(query(ObjectList, json!(["a"])), Verdict::Reject);
    }

    #[test]
    fn null_and_any_always_pass() {
        for t in ParamType::ALL {
            assert_eq!(query(*t, Value::Null), Verdict::Keep, "{t:?}");
        }
        assert_eq!(query(ParamType::Any, json!({"x": [1]})), Verdict::Keep);
    }
}
