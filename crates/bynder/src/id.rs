//! Bynder identifiers and the two UUID spellings Bynder uses.
//!
//! `/api/v4` paths take ColdFusion UUIDs (`8-4-4-16`, upper case, e.g.
//! `00B627BB-8054-44C0-A343FCF40BC790CD`); `/api/1` and `/v7` paths take RFC 4122 UUIDs
//! (`8-4-4-4-12`, lower case). Both spell the same 128 bits, so conversion is exact: the RFC form
//! has one more dash, after the fourth hex digit of the last ColdFusion group. Sending the wrong
//! form gets a 404 from the portal, so [`to_form`] converts caller-supplied ids before any request.
//!
//! Parsing is hand-written on purpose: the `uuid` crate does not know the ColdFusion shape and
//! accepts braces and `urn:uuid:` prefixes that no Bynder path does. `uuid` still stores the bits,
//! decodes the hex and prints both forms.

use std::fmt;
use std::str::FromStr;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use uuid::Uuid;

use crate::error::{Error, ErrorKind};
use crate::ops::IdForm;

/// The longest part of a rejected input quoted in an error message, in characters.
const QUOTE_LIMIT: usize = 64;

/// The accepted spellings, named in every parse error.
const ACCEPTED: &str = "expected 8-4-4-16 (ColdFusion), 8-4-4-4-12 (RFC 4122) or 32 hex digits";

/// A Bynder identifier: 128 bits, printable in either form.
///
/// [`Display`](fmt::Display) and serde print the ColdFusion form (the one most of the API uses);
/// parsing and deserializing accept any [`IdShape`], in either case.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BynderId(Uuid);

/// The spelling an identifier was written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IdShape {
    /// `8-4-4-16` (`/api/v4`).
    ColdFusion,
    /// `8-4-4-4-12` (`/api/1`, `/v7`).
    Rfc4122,
    /// 32 hex digits without dashes (some workflow ids).
    Compact,
}

impl IdShape {
    /// Byte offsets of the dashes, and the total length, of this shape.
    const fn layout(self) -> (&'static [usize], usize) {
        match self {
            IdShape::ColdFusion => (&[8, 13, 18], 35),
            IdShape::Rfc4122 => (&[8, 13, 18, 23], 36),
            IdShape::Compact => (&[], 32),
        }
    }
}

impl BynderId {
    /// Parses an identifier in any [`IdShape`], in upper, lower or mixed case. Surrounding ASCII
    /// whitespace is ignored.
    ///
    /// Fails with [`ErrorKind::InvalidId`] for anything else; the message quotes the input
    /// (truncated to 64 characters) and names the accepted forms.
    pub fn parse(input: &str) -> Result<BynderId, Error> {
        BynderId::parse_with_shape(input).map(|(id, _)| id)
    }

    /// Like [`BynderId::parse`], and also reports which spelling the input used (the mock portal
    /// uses it to answer 404 to a path in the wrong form, as Bynder does).
    pub fn parse_with_shape(input: &str) -> Result<(BynderId, IdShape), Error> {
        let trimmed = input.trim_matches(|c: char| c.is_ascii_whitespace());
        decode(trimmed).map_err(|reason| invalid_id(input, reason))
    }

    /// The ColdFusion form, `8-4-4-16`, upper case (`/api/v4`).
    pub fn to_coldfusion(&self) -> String {
        let mut buf = [0u8; 36];
        let rfc = self.0.hyphenated().encode_upper(&mut buf);
        let mut out = String::with_capacity(35);
        out.push_str(&rfc[..23]);
        out.push_str(&rfc[24..]);
        out
    }

    /// The RFC 4122 form, `8-4-4-4-12`, lower case (`/api/1`, `/v7`).
    pub fn to_rfc4122(&self) -> String {
        self.0.hyphenated().to_string()
    }

    /// 32 lower-case hex digits without dashes (the workflow style).
    pub fn to_compact(&self) -> String {
        self.0.simple().to_string()
    }

    /// The form a path of the given kind needs; [`IdForm::Opaque`] gives the ColdFusion form,
    /// the one Bynder returns ids in most often.
    pub fn to_form(&self, form: IdForm) -> String {
        match form {
            IdForm::Rfc4122 => self.to_rfc4122(),
            IdForm::ColdFusion | IdForm::Opaque => self.to_coldfusion(),
        }
    }

    /// The identifier with these 16 bytes (big-endian, as printed).
    pub const fn from_bytes(bytes: [u8; 16]) -> BynderId {
        BynderId(Uuid::from_bytes(bytes))
    }

    /// The 16 bytes, in printing order.
    pub const fn as_bytes(&self) -> &[u8; 16] {
        self.0.as_bytes()
    }

    /// A fresh random identifier (UUID version 4).
    pub fn new_random() -> BynderId {
        BynderId(Uuid::new_v4())
    }
}

/// Checks `text` against the three shapes and decodes it; on failure, says why in a few words.
fn decode(text: &str) -> Result<(BynderId, IdShape), String> {
    let shape = match text.len() {
        35 => IdShape::ColdFusion,
        36 => IdShape::Rfc4122,
        32 => IdShape::Compact,
        0 => return Err("empty".to_owned()),
        _ => return Err(format!("length {}", text.chars().count())),
    };
    let (dashes, _) = shape.layout();
    let mut digits = [0u8; 32];
    let mut count = 0;
    for (pos, ch) in text.char_indices() {
        if dashes.contains(&pos) {
            if ch != '-' {
                return Err(format!("'-' expected at position {}", pos + 1));
            }
        } else if ch.is_ascii_hexdigit() && count < digits.len() {
            digits[count] = ch as u8;
            count += 1;
        } else if ch == '-' {
            return Err(format!("misplaced '-' at position {}", pos + 1));
        } else {
            return Err(format!("{:?} is not a hex digit", ch));
        }
    }
    // Every byte was a dash in its place or an ASCII hex digit, and the length matched the shape,
    // so `digits` holds exactly 32 hex digits; `uuid` decodes them.
    match Uuid::try_parse_ascii(&digits) {
        Ok(uuid) if count == 32 => Ok((BynderId(uuid), shape)),
        _ => Err("not 32 hex digits".to_owned()),
    }
}

/// The `InvalidId` error for an input that is no identifier.
fn invalid_id(input: &str, reason: impl fmt::Display) -> Error {
    let quoted = quote(input);
    Error::new(
        ErrorKind::InvalidId,
        format!("invalid id \"{quoted}\": {reason}; {ACCEPTED}"),
    )
}

/// At most [`QUOTE_LIMIT`] characters of `input`, control characters replaced, so that error
/// messages stay short (under 200 characters) and printable.
fn quote(input: &str) -> String {
    let mut quoted: String = input
        .chars()
        .take(QUOTE_LIMIT)
        .map(|c| if c.is_control() { '\u{FFFD}' } else { c })
        .collect();
    if input.chars().nth(QUOTE_LIMIT).is_some() {
        quoted.push('…');
    }
    quoted
}

/// Converts a caller-supplied path parameter to the form a path needs, before any request is sent.
///
/// - [`IdForm::ColdFusion`] / [`IdForm::Rfc4122`]: parsed leniently ([`BynderId::parse`]) and
///   printed in that form.
/// - [`IdForm::Opaque`] (usernames, upload ids, workflow ids, integers): passed through unchanged,
///   but rejected when empty, when it holds whitespace or control characters, or characters that
///   would change the URL instead of naming a resource: `/ \ ? # %`, or the dot segments `.`/`..`.
///
/// Errors are [`ErrorKind::InvalidId`].
pub fn to_form(input: &str, form: IdForm) -> Result<String, Error> {
    match form {
        IdForm::ColdFusion => BynderId::parse(input).map(|id| id.to_coldfusion()),
        IdForm::Rfc4122 => BynderId::parse(input).map(|id| id.to_rfc4122()),
        IdForm::Opaque => check_opaque(input).map(|()| input.to_owned()),
    }
}

/// Rejects opaque path values that would alter the URL they are put into.
fn check_opaque(input: &str) -> Result<(), Error> {
    if input.is_empty() {
        return Err(Error::new(ErrorKind::InvalidId, "path parameter is empty"));
    }
    if input == "." || input == ".." {
        return Err(invalid_opaque(input, "is a dot segment"));
    }
    if let Some(c) = input.chars().find(|c| c.is_whitespace() || c.is_control()) {
        return Err(invalid_opaque(
            input,
            format!("contains whitespace or control character {c:?}"),
        ));
    }
    if let Some(c) = input
        .chars()
        .find(|c| matches!(c, '/' | '\\' | '?' | '#' | '%'))
    {
        return Err(invalid_opaque(
            input,
            format!("contains {c:?}, which would change the URL"),
        ));
    }
    Ok(())
}

fn invalid_opaque(input: &str, problem: impl fmt::Display) -> Error {
    let quoted = quote(input);
    Error::new(
        ErrorKind::InvalidId,
        format!("path parameter \"{quoted}\" {problem}"),
    )
}

impl FromStr for BynderId {
    type Err = Error;

    fn from_str(s: &str) -> Result<BynderId, Error> {
        BynderId::parse(s)
    }
}

impl fmt::Display for BynderId {
    /// The ColdFusion form.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_coldfusion())
    }
}

impl fmt::Debug for BynderId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "BynderId({})", self.to_coldfusion())
    }
}

impl From<Uuid> for BynderId {
    fn from(uuid: Uuid) -> BynderId {
        BynderId(uuid)
    }
}

impl From<BynderId> for Uuid {
    fn from(id: BynderId) -> Uuid {
        id.0
    }
}

impl Serialize for BynderId {
    /// Serializes as the ColdFusion form.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_coldfusion())
    }
}

impl<'de> Deserialize<'de> for BynderId {
    /// Deserializes from a string in any accepted form.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<BynderId, D::Error> {
        struct IdVisitor;

        impl Visitor<'_> for IdVisitor {
            type Value = BynderId;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a Bynder id string")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<BynderId, E> {
                BynderId::parse(v).map_err(|err| E::custom(err.message()))
            }
        }

        deserializer.deserialize_str(IdVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::Value;

    /// The vectors shared with the other language bindings.
    const VECTORS: &str = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/vectors/ids.json"
    ));

    fn vectors() -> Value {
        serde_json::from_str(VECTORS).expect("ids.json is valid JSON")
    }

    #[test]
    fn shared_valid_vectors_parse_and_print_both_forms() {
        let doc = vectors();
        let valid = doc["valid"].as_array().expect("valid array");
        assert!(valid.len() >= 10);
        for case in valid {
            let input = case["input"].as_str().expect("input");
            let id = BynderId::parse(input).unwrap_or_else(|e| panic!("{input:?}: {e}"));
            assert_eq!(
                id.to_coldfusion(),
                case["coldfusion"].as_str().expect("cf"),
                "{input:?}"
            );
            assert_eq!(
                id.to_rfc4122(),
                case["rfc4122"].as_str().expect("rfc"),
                "{input:?}"
            );
            assert_eq!(
                id.to_compact(),
                case["compact"].as_str().expect("compact"),
                "{input:?}"
            );
            assert_eq!(
                to_form(input, IdForm::ColdFusion).expect("cf"),
                id.to_coldfusion()
            );
            assert_eq!(
                to_form(input, IdForm::Rfc4122).expect("rfc"),
                id.to_rfc4122()
            );
        }
    }

    #[test]
    fn shared_invalid_vectors_are_rejected_with_short_messages() {
        let doc = vectors();
        let invalid = doc["invalid"].as_array().expect("invalid array");
        assert!(invalid.len() >= 15);
        for case in invalid {
            let input = case.as_str().expect("string");
            let err = BynderId::parse(input).expect_err(input);
            assert_eq!(err.kind(), ErrorKind::InvalidId, "{input:?}");
            assert!(err.message().contains("8-4-4-16"), "{}", err.message());
            assert!(err.message().chars().count() <= 200, "{}", err.message());
            assert!(to_form(input, IdForm::ColdFusion).is_err(), "{input:?}");
            assert!(to_form(input, IdForm::Rfc4122).is_err(), "{input:?}");
        }
    }

    #[test]
    fn shapes_are_reported() {
        let shape = |s: &str| BynderId::parse_with_shape(s).expect(s).1;
        assert_eq!(
            shape("00B627BB-8054-44C0-A343FCF40BC790CD"),
            IdShape::ColdFusion
        );
        assert_eq!(
            shape("00b627bb-8054-44c0-a343-fcf40bc790cd"),
            IdShape::Rfc4122
        );
        assert_eq!(
            shape(" 00b627bb805444c0a343fcf40bc790cd "),
            IdShape::Compact
        );
    }

    #[test]
    fn error_quotes_input_and_names_forms() {
        let err = BynderId::parse("abc").expect_err("invalid");
        assert_eq!(
            err.message(),
            "invalid id \"abc\": length 3; expected 8-4-4-16 (ColdFusion), 8-4-4-4-12 (RFC 4122) \
             or 32 hex digits"
        );
        let long = "x".repeat(10_000);
        let msg = BynderId::parse(&long)
            .expect_err("long")
            .message()
            .to_owned();
        assert!(msg.contains(&format!("\"{}…\"", "x".repeat(64))), "{msg}");
        assert!(msg.chars().count() <= 200, "{} chars", msg.chars().count());
        let bad = BynderId::parse("00B627BB-8054-44C0-A343FCF40BC790C\u{7}").expect_err("bell");
        assert!(!bad.message().contains('\u{7}'), "{}", bad.message());
        let dash = BynderId::parse("00B627BB8-054-44C0-A343FCF40BC790CD").expect_err("dash");
        assert!(dash.message().contains("position 9"), "{}", dash.message());
    }

    #[test]
    fn display_debug_and_bytes() {
        let id = BynderId::parse("00b627bb-8054-44c0-a343-fcf40bc790cd").expect("valid");
        assert_eq!(id.to_string(), "00B627BB-8054-44C0-A343FCF40BC790CD");
        assert_eq!(
            format!("{id:?}"),
            "BynderId(00B627BB-8054-44C0-A343FCF40BC790CD)"
        );
        assert_eq!(id.as_bytes()[0..4], [0x00, 0xB6, 0x27, 0xBB]);
        assert_eq!(BynderId::from_bytes(*id.as_bytes()), id);
        assert_eq!(
            "00B627BB805444C0A343FCF40BC790CD"
                .parse::<BynderId>()
                .expect("valid"),
            id
        );
        assert_eq!(
            id.to_form(IdForm::Rfc4122),
            "00b627bb-8054-44c0-a343-fcf40bc790cd"
        );
        assert_eq!(
            id.to_form(IdForm::ColdFusion),
            "00B627BB-8054-44C0-A343FCF40BC790CD"
        );
    }

    #[test]
    fn random_ids_are_version_4_and_distinct() {
        let a = BynderId::new_random();
        let b = BynderId::new_random();
        assert_ne!(a, b);
        assert_eq!(a.as_bytes()[6] >> 4, 4, "version nibble");
        assert_eq!(a.as_bytes()[8] >> 6, 0b10, "RFC 4122 variant");
    }

    #[test]
    fn serde_prints_coldfusion_and_reads_any_form() {
        let id: BynderId =
            serde_json::from_str("\"00b627bb-8054-44c0-a343-fcf40bc790cd\"").expect("decode");
        assert_eq!(
            serde_json::to_string(&id).expect("encode"),
            "\"00B627BB-8054-44C0-A343FCF40BC790CD\""
        );
        let err = serde_json::from_str::<BynderId>("\"nope\"").expect_err("invalid");
        assert!(err.to_string().contains("invalid id \"nope\""), "{err}");
        assert!(serde_json::from_str::<BynderId>("42").is_err());
    }

    #[test]
    fn opaque_values_pass_through_unless_they_change_the_url() {
        for ok in [
            "jdoe",
            "j.doe@example.com",
            "T3.fS5.5HPhtYFtm2b_.e7wVe910tL5XQ",
            "42",
            "ü-ß",
        ] {
            assert_eq!(to_form(ok, IdForm::Opaque).expect(ok), ok);
        }
        // Opaque values are not reformatted, even when they look like an id.
        let cf = "00B627BB-8054-44C0-A343FCF40BC790CD";
        assert_eq!(to_form(cf, IdForm::Opaque).expect("cf"), cf);
        let cases = [
            ("", "empty"),
            (" jdoe", "whitespace"),
            ("a\tb", "whitespace"),
            ("a\u{0}b", "control"),
            ("a/b", "'/'"),
            ("a\\b", "'\\\\'"),
            ("a?b=1", "'?'"),
            ("a#b", "'#'"),
            ("100%", "'%'"),
            ("..", "dot segment"),
            (".", "dot segment"),
        ];
        for (input, problem) in cases {
            let err = to_form(input, IdForm::Opaque).expect_err(input);
            assert_eq!(err.kind(), ErrorKind::InvalidId);
            assert!(
                err.message().contains(problem),
                "{input:?}: {}",
                err.message()
            );
        }
    }

    /// An oracle written independently of `decode`: group lengths after splitting on dashes.
    fn is_valid_form(s: &str) -> bool {
        let t = s.trim_matches(|c: char| c.is_ascii_whitespace());
        let groups: Vec<usize> = t.split('-').map(str::len).collect();
        let hex = t.chars().all(|c| c == '-' || c.is_ascii_hexdigit());
        hex && (groups == [8, 4, 4, 16] || groups == [8, 4, 4, 4, 12] || groups == [32])
    }

    fn with_case(s: &str, upper: &[bool]) -> String {
        s.chars()
            .zip(upper.iter().cycle())
            .map(|(c, &u)| {
                if u {
                    c.to_ascii_uppercase()
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect()
    }

    proptest! {
        #[test]
        fn cf_to_rfc_to_cf_is_identity(bytes in any::<[u8; 16]>()) {
            let cf = BynderId::from_bytes(bytes).to_coldfusion();
            let rfc = BynderId::parse(&cf).expect("cf").to_rfc4122();
            prop_assert_eq!(BynderId::parse(&rfc).expect("rfc").to_coldfusion(), cf.clone());
            // The textual rule: one extra dash after the 4th hex digit of the last CF group.
            let by_rule = format!("{}-{}", &cf[..23], &cf[23..]).to_ascii_lowercase();
            prop_assert_eq!(rfc, by_rule);
            prop_assert_eq!(cf.len(), 35);
            prop_assert!(cf.chars().all(|c| c == '-' || c.is_ascii_digit() || c.is_ascii_uppercase()));
        }

        #[test]
        fn rfc_to_cf_to_rfc_is_identity(bytes in any::<[u8; 16]>()) {
            let rfc = BynderId::from_bytes(bytes).to_rfc4122();
            let cf = BynderId::parse(&rfc).expect("rfc").to_coldfusion();
            prop_assert_eq!(BynderId::parse(&cf).expect("cf").to_rfc4122(), rfc.clone());
            prop_assert_eq!(rfc.len(), 36);
            prop_assert!(rfc.chars().all(|c| c == '-' || c.is_ascii_digit() || c.is_ascii_lowercase()));
            prop_assert_eq!(*BynderId::parse(&rfc).expect("rfc").as_bytes(), bytes);
        }

        #[test]
        fn parse_ignores_case(bytes in any::<[u8; 16]>(), upper in proptest::collection::vec(any::<bool>(), 1..36)) {
            let id = BynderId::from_bytes(bytes);
            for text in [id.to_coldfusion(), id.to_rfc4122(), id.to_compact()] {
                let mixed = with_case(&text, &upper);
                prop_assert_eq!(BynderId::parse(&mixed).expect("mixed case"), id);
            }
        }

        #[test]
        fn strings_in_no_valid_form_are_rejected(s in "\\PC{0,80}|[0-9a-fA-F -]{30,40}") {
            prop_assume!(!is_valid_form(&s));
            let err = BynderId::parse(&s).expect_err("invalid form");
            prop_assert_eq!(err.kind(), ErrorKind::InvalidId);
            prop_assert!(err.message().chars().count() <= 200, "{}", err.message());
        }

        #[test]
        fn strings_in_a_valid_form_are_accepted(s in "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-([0-9a-fA-F]{16}|[0-9a-fA-F]{4}-[0-9a-fA-F]{12})") {
            prop_assert!(is_valid_form(&s));
            prop_assert!(BynderId::parse(&s).is_ok());
        }
    }
}
