//! Forgiving serde helpers for the loose typing of Bynder responses.
//!
//! Bynder sends booleans as `true`, `1`, `"1"` or `"True"`, numbers as strings
//! (`"statuscode": "404"`), `null` dimensions, lists either as arrays or comma-separated strings,
//! and dates in several formats depending on the endpoint. The helpers here are used with
//! `#[serde(default, deserialize_with = "crate::lenient::opt_bool")]` and friends.
//!
//! They never fail on a scalar they do not understand: it decodes as `None` (or an empty list),
//! because one odd field must not make a whole page of assets unreadable.

use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, Utc};
use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Serialize, Serializer};

/// Any JSON scalar, as the helpers below receive it; arrays and objects become `Other`.
#[derive(Debug, Clone, PartialEq)]
enum Scalar {
    Null,
    Bool(bool),
    Unsigned(u64),
    Signed(i64),
    Float(f64),
    Text(String),
    Other,
}

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Scalar, D::Error> {
        deserializer.deserialize_any(ScalarVisitor)
    }
}

struct ScalarVisitor;

impl<'de> Visitor<'de> for ScalarVisitor {
    type Value = Scalar;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Scalar, E> {
        Ok(Scalar::Bool(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Scalar, E> {
        Ok(Scalar::Unsigned(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Scalar, E> {
        Ok(Scalar::Signed(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Scalar, E> {
        Ok(Scalar::Float(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar, E> {
        Ok(Scalar::Text(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Scalar, E> {
        Ok(Scalar::Text(v))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Scalar, E> {
        Ok(Scalar::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Scalar, E> {
        Ok(Scalar::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Scalar, D::Error> {
        deserializer.deserialize_any(ScalarVisitor)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Scalar, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Scalar::Other)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Scalar, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Scalar::Other)
    }
}

/// A boolean in any spelling Bynder and its clients use: `true`/`false` in any case, `1`/`0`,
/// `yes`/`no`, `y`/`n`, `on`/`off`. Anything else is `None`.
pub fn bool_from_text(text: &str) -> Option<bool> {
    match text.trim().to_ascii_lowercase().as_str() {
        "true" | "1" | "yes" | "y" | "on" => Some(true),
        "false" | "0" | "no" | "n" | "off" => Some(false),
        _ => None,
    }
}

impl Scalar {
    fn into_bool(self) -> Option<bool> {
        match self {
            Scalar::Bool(b) => Some(b),
            // ColdFusion truthiness: any non-zero number is true.
            Scalar::Unsigned(n) => Some(n != 0),
            Scalar::Signed(n) => Some(n != 0),
            Scalar::Float(f) if f.is_finite() => Some(f != 0.0),
            Scalar::Text(s) => bool_from_text(&s),
            _ => None,
        }
    }

    fn into_u64(self) -> Option<u64> {
        match self {
            Scalar::Unsigned(n) => Some(n),
            Scalar::Signed(n) => u64::try_from(n).ok(),
            Scalar::Float(f) => whole(f).and_then(|f| u64::try_from(f).ok()),
            Scalar::Text(s) => {
                let s = s.trim();
                s.parse::<u64>().ok().or_else(|| {
                    s.parse::<f64>()
                        .ok()
                        .and_then(whole)
                        .and_then(|f| u64::try_from(f).ok())
                })
            }
            _ => None,
        }
    }

    fn into_i64(self) -> Option<i64> {
        match self {
            Scalar::Unsigned(n) => i64::try_from(n).ok(),
            Scalar::Signed(n) => Some(n),
            Scalar::Float(f) => whole(f).and_then(|f| i64::try_from(f).ok()),
            Scalar::Text(s) => {
                let s = s.trim();
                s.parse::<i64>().ok().or_else(|| {
                    s.parse::<f64>()
                        .ok()
                        .and_then(whole)
                        .and_then(|f| i64::try_from(f).ok())
                })
            }
            _ => None,
        }
    }

    fn into_f64(self) -> Option<f64> {
        let f = match self {
            Scalar::Unsigned(n) => n as f64,
            Scalar::Signed(n) => n as f64,
            Scalar::Float(f) => f,
            Scalar::Text(s) => s.trim().parse::<f64>().ok()?,
            _ => return None,
        };
        f.is_finite().then_some(f)
    }

    fn into_string(self) -> Option<String> {
        match self {
            Scalar::Text(s) => Some(s),
            Scalar::Unsigned(n) => Some(n.to_string()),
            Scalar::Signed(n) => Some(n.to_string()),
            Scalar::Float(f) => Some(f.to_string()),
            Scalar::Bool(b) => Some(b.to_string()),
            Scalar::Null | Scalar::Other => None,
        }
    }
}

/// `f` as a whole number in `i128` (wide enough for both `u64` and `i64`), if it is one.
fn whole(f: f64) -> Option<i128> {
    // The range check keeps the cast exact: every f64 in it with no fraction is an integer i128.
    (f.is_finite() && f.fract() == 0.0 && f.abs() < 1.9e19).then_some(f as i128)
}

/// A boolean from `true`/`false`, a number (non-zero is true), or a string such as `"1"`,
/// `"0"`, `"true"`, `"True"`, `"yes"`. `null` and anything else decode as `None`.
pub fn opt_bool<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<bool>, D::Error> {
    Scalar::deserialize(deserializer).map(Scalar::into_bool)
}

/// A non-negative integer from a number or a numeric string (`"404"`, `"12.0"`). `null`,
/// negative, fractional or non-numeric values decode as `None`.
pub fn opt_u64<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<u64>, D::Error> {
    Scalar::deserialize(deserializer).map(Scalar::into_u64)
}

/// An integer from a number or a numeric string (`"-1"`). `null`, fractional or non-numeric
/// values decode as `None`.
pub fn opt_i64<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<i64>, D::Error> {
    Scalar::deserialize(deserializer).map(Scalar::into_i64)
}

/// A finite float from a number or a numeric string. `null` and anything else decode as `None`.
pub fn opt_f64<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<f64>, D::Error> {
    Scalar::deserialize(deserializer).map(Scalar::into_f64)
}

/// A string from a string, a number (`42` → `"42"`) or a boolean. `null`, arrays and objects
/// decode as `None`.
pub fn opt_string<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    Scalar::deserialize(deserializer).map(Scalar::into_string)
}

/// Like [`opt_string`], for fields that are always present in practice (ids): a missing or
/// unreadable value decodes as the empty string.
pub fn string<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    opt_string(deserializer).map(Option::unwrap_or_default)
}

/// A list of strings from an array (numbers become strings; `null` and nested values are
/// skipped), a comma-separated string (items trimmed, empty items dropped), a single number,
/// or `null` (empty list).
pub fn string_list<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    deserializer.deserialize_any(StringListVisitor)
}

struct StringListVisitor;

impl<'de> Visitor<'de> for StringListVisitor {
    type Value = Vec<String>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of strings or a comma-separated string")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<String>, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
        while let Some(item) = seq.next_element::<Scalar>()? {
            items.extend(item.into_string());
        }
        Ok(items)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Vec<String>, E> {
        Ok(v.split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect())
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Vec<String>, E> {
        Ok(vec![v.to_string()])
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Vec<String>, E> {
        Ok(vec![v.to_string()])
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Vec<String>, E> {
        Ok(vec![v.to_string()])
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Vec<String>, E> {
        Ok(Vec::new())
    }

    fn visit_unit<E: de::Error>(self) -> Result<Vec<String>, E> {
        Ok(Vec::new())
    }

    fn visit_none<E: de::Error>(self) -> Result<Vec<String>, E> {
        Ok(Vec::new())
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Vec<String>, D::Error> {
        deserializer.deserialize_any(StringListVisitor)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Vec<String>, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Vec::new())
    }
}

/// A date as Bynder sent it. The raw text is kept and serialized back unchanged, because each
/// endpoint has its own format; [`BynderDate::parsed`] interprets it.
///
/// Understood formats: RFC 3339 with `Z`, an offset and optional fractional seconds
/// (`2017-05-30T16:47:44Z`, `2021-11-15T10:07:57.781+00:00`), offsets without a colon
/// (`+0000`), no zone (`2024-06-28T10:42:02`, read as UTC), a bare date (`2017-03-03`, midnight
/// UTC), and the ColdFusion style of collections and metaproperty options
/// (`March, 01 2017 10:49:12 +0000`). Decoding never fails on an unknown format: the raw text
/// is kept and `parsed()` returns `None`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct BynderDate(String);

impl BynderDate {
    /// Wraps raw text as received.
    pub fn new(raw: impl Into<String>) -> BynderDate {
        BynderDate(raw.into())
    }

    /// The ISO 8601 form Bynder takes in requests, `2017-05-30T16:47:44Z`.
    pub fn iso8601(at: DateTime<Utc>) -> BynderDate {
        BynderDate(at.format("%Y-%m-%dT%H:%M:%SZ").to_string())
    }

    /// The ColdFusion form collections use, `March, 01 2017 10:49:12 +0000`.
    pub fn coldfusion(at: DateTime<Utc>) -> BynderDate {
        BynderDate(at.format("%B, %d %Y %H:%M:%S +0000").to_string())
    }

    /// The text exactly as received.
    pub fn raw(&self) -> &str {
        &self.0
    }

    /// The instant, keeping the offset that was sent (UTC when none was), if the format is known.
    pub fn parsed(&self) -> Option<DateTime<FixedOffset>> {
        let s = self.0.trim();
        let utc = |naive: NaiveDateTime| naive.and_utc().fixed_offset();
        DateTime::parse_from_rfc3339(s)
            .ok()
            .or_else(|| {
                [
                    "%Y-%m-%dT%H:%M:%S%.f%z",
                    "%Y-%m-%d %H:%M:%S%.f%z",
                    "%B, %d %Y %H:%M:%S %z",
                ]
                .iter()
                .find_map(|format| DateTime::parse_from_str(s, format).ok())
            })
            .or_else(|| {
                ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M:%S%.f"]
                    .iter()
                    .find_map(|format| NaiveDateTime::parse_from_str(s, format).ok().map(utc))
            })
            .or_else(|| {
                let date = NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()?;
                date.and_hms_opt(0, 0, 0).map(utc)
            })
    }

    /// [`BynderDate::parsed`] in UTC.
    pub fn to_utc(&self) -> Option<DateTime<Utc>> {
        self.parsed().map(|at| at.with_timezone(&Utc))
    }
}

impl fmt::Display for BynderDate {
    /// The raw text.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for BynderDate {
    fn from(raw: &str) -> BynderDate {
        BynderDate::new(raw)
    }
}

impl Serialize for BynderDate {
    /// Serializes the raw text.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for BynderDate {
    /// Accepts any string; a number or boolean is kept as its text. Arrays and objects are errors.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<BynderDate, D::Error> {
        match Scalar::deserialize(deserializer)? {
            Scalar::Null | Scalar::Other => Err(de::Error::custom("expected a date string")),
            other => Ok(BynderDate(other.into_string().unwrap_or_default())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Default, Deserialize)]
    #[serde(default)]
    struct Probe {
        #[serde(deserialize_with = "opt_bool")]
        b: Option<bool>,
        #[serde(deserialize_with = "opt_u64")]
        u: Option<u64>,
        #[serde(deserialize_with = "opt_i64")]
        i: Option<i64>,
        #[serde(deserialize_with = "opt_f64")]
        f: Option<f64>,
        #[serde(deserialize_with = "opt_string")]
        s: Option<String>,
        #[serde(deserialize_with = "string")]
        id: String,
        #[serde(deserialize_with = "string_list")]
        list: Vec<String>,
        #[serde(flatten)]
        rest: serde_json::Map<String, serde_json::Value>,
    }

    fn probe(field: &str, json: &str) -> Probe {
        let text = format!("{{\"{field}\": {json}, \"after\": 1}}");
        let probe: Probe = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{text}: {e}"));
        // The helpers consume exactly their value: the next key still arrives.
        assert_eq!(
            probe.rest.get("after"),
            Some(&serde_json::json!(1)),
            "{text}"
        );
        probe
    }

    #[test]
    fn booleans_in_every_spelling() {
        let cases = [
            ("true", Some(true)),
            ("false", Some(false)),
            ("1", Some(true)),
            ("0", Some(false)),
            ("2", Some(true)),
            ("-1", Some(true)),
            ("0.0", Some(false)),
            ("\"1\"", Some(true)),
            ("\"0\"", Some(false)),
            ("\"true\"", Some(true)),
            ("\"True\"", Some(true)),
            ("\"FALSE\"", Some(false)),
            ("\" yes \"", Some(true)),
            ("null", None),
            ("\"\"", None),
            ("\"maybe\"", None),
            ("[1]", None),
            ("{\"a\": true}", None),
        ];
        for (json, want) in cases {
            assert_eq!(probe("b", json).b, want, "{json}");
        }
        assert_eq!(serde_json::from_str::<Probe>("{}").expect("empty").b, None);
    }

    #[test]
    fn unsigned_numbers_from_numbers_and_strings() {
        let cases = [
            ("404", Some(404)),
            ("\"404\"", Some(404)),
            ("\" 7 \"", Some(7)),
            ("12.0", Some(12)),
            ("\"12.0\"", Some(12)),
            ("18446744073709551615", Some(u64::MAX)),
            ("-1", None),
            ("1.5", None),
            ("\"abc\"", None),
            ("\"\"", None),
            ("true", None),
            ("null", None),
            ("[404]", None),
            ("1e300", None),
        ];
        for (json, want) in cases {
            assert_eq!(probe("u", json).u, want, "{json}");
        }
    }

    #[test]
    fn signed_numbers_from_numbers_and_strings() {
        let cases = [
            ("-1", Some(-1)),
            ("\"-1\"", Some(-1)),
            ("500", Some(500)),
            ("\"-3.0\"", Some(-3)),
            ("18446744073709551615", None),
            ("0.5", None),
            ("\"x1\"", None),
            ("null", None),
            ("{}", None),
        ];
        for (json, want) in cases {
            assert_eq!(probe("i", json).i, want, "{json}");
        }
    }

    #[test]
    fn floats_from_numbers_and_strings() {
        let cases = [
            ("0.98", Some(0.98)),
            ("3", Some(3.0)),
            ("-2", Some(-2.0)),
            ("\"0.25\"", Some(0.25)),
            ("\"NaN\"", None),
            ("\"inf\"", None),
            ("\"half\"", None),
            ("null", None),
            ("false", None),
        ];
        for (json, want) in cases {
            assert_eq!(probe("f", json).f, want, "{json}");
        }
    }

    #[test]
    fn strings_from_strings_and_numbers() {
        let cases = [
            ("\"abc\"", Some("abc")),
            ("\"\"", Some("")),
            ("42", Some("42")),
            ("-7", Some("-7")),
            ("1.5", Some("1.5")),
            ("true", Some("true")),
            ("null", None),
            ("[\"a\"]", None),
            ("{\"a\": 1}", None),
        ];
        for (json, want) in cases {
            assert_eq!(probe("s", json).s.as_deref(), want, "{json}");
        }
        assert_eq!(probe("id", "1").id, "1");
        assert_eq!(probe("id", "\"A-1\"").id, "A-1");
        assert_eq!(probe("id", "null").id, "");
        assert_eq!(probe("id", "{}").id, "");
    }

    #[test]
    fn string_lists_from_arrays_and_csv() {
        let cases: [(&str, &[&str]); 11] = [
            ("[\"jpg\"]", &["jpg"]),
            ("[\"a\", \"b\"]", &["a", "b"]),
            ("[\"a\", 2, null, [\"x\"], {\"y\": 1}]", &["a", "2"]),
            ("\"a, b,,c \"", &["a", "b", "c"]),
            ("\"single\"", &["single"]),
            ("\"\"", &[]),
            ("null", &[]),
            ("[]", &[]),
            ("17", &["17"]),
            ("true", &[]),
            ("{\"a\": \"b\"}", &[]),
        ];
        for (json, want) in cases {
            assert_eq!(probe("list", json).list, want, "{json}");
        }
    }
    fn utc(s: &str) -> String {
        BynderDate::new(s)
            .to_utc()
            .map(|at| at.to_rfc3339())
            .unwrap_or_else(|| "none".into())
    }

    #[test]
    fn dates_in_every_known_format() {
        let cases = [
            ("2017-05-30T16:47:44Z", "2017-05-30T16:47:44+00:00"),
            (
                "2021-11-15T10:07:57.781+00:00",
                "2021-11-15T10:07:57.781+00:00",
            ),
            ("2017-01-10T07:43:12+00:00", "2017-01-10T07:43:12+00:00"),
            ("2017-02-15T14:54:58+02:00", "2017-02-15T12:54:58+00:00"),
            ("2017-02-15T14:54:58+0200", "2017-02-15T12:54:58+00:00"),
            ("2017-03-03T00:00:00", "2017-03-03T00:00:00+00:00"),
            ("2024-06-28T10:42:02", "2024-06-28T10:42:02+00:00"),
            ("2024-06-28 10:42:02.5", "2024-06-28T10:42:02.500+00:00"),
            ("2017-03-03", "2017-03-03T00:00:00+00:00"),
            ("March, 01 2017 10:49:12 +0000", "2017-03-01T10:49:12+00:00"),
            (
                "February, 15 2017 14:54:58 +0000",
                "2017-02-15T14:54:58+00:00",
            ),
            (
                "October, 30 2014 13:54:00 +0100",
                "2014-10-30T12:54:00+00:00",
            ),
            (" 2017-05-30T16:47:44Z ", "2017-05-30T16:47:44+00:00"),
        ];
        for (raw, want) in cases {
            assert_eq!(utc(raw), want, "{raw}");
        }
        let offset = BynderDate::new("2017-02-15T14:54:58+02:00")
            .parsed()
            .expect("parses");
        assert_eq!(
            offset.offset().local_minus_utc(),
            7200,
            "the sent offset is kept"
        );
    }

    #[test]
    fn unknown_date_formats_decode_but_do_not_parse() {
        for raw in [
            "",
            "yesterday",
            "30/05/2017",
            "2017-13-45T99:99:99Z",
            "Smarch, 01 2017 10:49:12 +0000",
        ] {
            let date: BynderDate = serde_json::from_value(serde_json::json!(raw)).expect(raw);
            assert_eq!(date.raw(), raw);
            assert_eq!(date.parsed(), None, "{raw}");
        }
        let number: BynderDate = serde_json::from_str("1496162864").expect("number kept as text");
        assert_eq!(number.raw(), "1496162864");
        assert!(serde_json::from_str::<BynderDate>("[1]").is_err());
        let absent: Option<BynderDate> = serde_json::from_str("null").expect("null");
        assert_eq!(absent, None);
    }

    #[test]
    fn dates_serialize_back_exactly() {
        for raw in [
            "March, 01 2017 10:49:12 +0000",
            "2021-11-15T10:07:57.781+00:00",
            "garbage",
        ] {
            let date: BynderDate = serde_json::from_value(serde_json::json!(raw)).expect(raw);
            assert_eq!(
                serde_json::to_value(&date).expect("encode"),
                serde_json::json!(raw)
            );
            assert_eq!(date.to_string(), raw);
        }
    }

    #[test]
    fn dates_are_made_in_bynder_formats() {
        let at = BynderDate::new("2017-03-01T10:49:12Z")
            .to_utc()
            .expect("parses");
        assert_eq!(BynderDate::iso8601(at).raw(), "2017-03-01T10:49:12Z");
        let cf = BynderDate::coldfusion(at);
        assert_eq!(cf.raw(), "March, 01 2017 10:49:12 +0000");
        assert_eq!(cf.to_utc(), Some(at));
    }
}
