//! The S3 POST policy of the old upload flow (`reference/bynder-api.md` §6.1 step 2): the
//! portal hands out a policy and its signature in `multipart_params`, and the mock's S3
//! endpoint checks them the way S3 does (signature, expiry, every condition, no field the
//! policy does not mention). The signature is a keyed SHA-256 rather than AWS SigV4: only
//! this process ever checks it.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use chrono::{DateTime, Utc};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

/// The bucket the mock pretends to be.
pub const BUCKET: &str = "bynder-mock-uploads";
/// `x-amz-algorithm`.
pub const ALGORITHM: &str = "AWS4-HMAC-SHA256";
/// `acl`.
pub const ACL: &str = "private";
/// `success_action_status`.
pub const SUCCESS_STATUS: &str = "201";
/// The largest part the policy allows (S3's limit for one object POST).
pub const MAX_PART: u64 = 5 * 1024 * 1024 * 1024;
/// How long a policy stays valid.
const LIFETIME_HOURS: i64 = 24;

/// The signed fields of `multipart_params`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signed {
    /// `Policy`: the base64 policy document.
    pub policy: String,
    /// `X-Amz-Signature`.
    pub signature: String,
    /// `x-amz-credential`.
    pub credential: String,
    /// `x-amz-date`.
    pub date: String,
}

/// Signs a policy for the parts `<key>/p<N>` with content type `content_type`.
pub fn sign(secret: &str, key: &str, content_type: &str, now: DateTime<Utc>) -> Signed {
    let date = now.format("%Y%m%dT%H%M%SZ").to_string();
    let credential = format!(
        "MOCKACCESSKEYID/{}/eu-central-1/s3/aws4_request",
        now.format("%Y%m%d")
    );
    let expiration = (now + chrono::TimeDelta::hours(LIFETIME_HOURS))
        .format("%Y-%m-%dT%H:%M:%S.000Z")
        .to_string();
    let part_prefix = format!("{key}/p");
    let document = json!({
        "expiration": expiration,
        "conditions": [
            {"bucket": BUCKET},
            {"acl": ACL},
            {"success_action_status": SUCCESS_STATUS},
            ["starts-with", "$key", part_prefix],
            {"Content-Type": content_type},
            {"x-amz-credential": credential},
            {"x-amz-algorithm": ALGORITHM},
            {"x-amz-date": date},
            ["starts-with", "$Filename", part_prefix],
            ["starts-with", "$name", ""],
            ["starts-with", "$chunk", ""],
            ["starts-with", "$chunks", ""],
            ["content-length-range", 0, MAX_PART],
        ],
    });
    let policy = STANDARD.encode(document.to_string());
    let signature = signature_of(secret, &policy);
    Signed {
        policy,
        signature,
        credential,
        date,
    }
}

fn signature_of(secret: &str, policy: &str) -> String {
    let digest = Sha256::new()
        .chain_update(secret.as_bytes())
        .chain_update(b"\n")
        .chain_update(policy.as_bytes())
        .finalize();
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Why S3 refuses a POST (all 403 on S3).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PolicyError {
    /// `X-Amz-Signature` does not match the policy.
    Signature,
    /// The policy cannot be read.
    Malformed(String),
    /// The policy's expiration has passed.
    Expired,
    /// A condition does not hold (the condition, as S3 quotes it).
    Condition(String),
    /// A form field the policy does not mention.
    ExtraField(String),
}

impl PolicyError {
    /// S3's error code.
    pub fn code(&self) -> &'static str {
        match self {
            PolicyError::Signature => "SignatureDoesNotMatch",
            PolicyError::Malformed(_) => "InvalidPolicyDocument",
            _ => "AccessDenied",
        }
    }

    /// S3's message.
    pub fn message(&self) -> String {
        match self {
            PolicyError::Signature => "The request signature we calculated does not match the \
                signature you provided. Check your key and signing method."
                .to_string(),
            PolicyError::Malformed(why) => format!("Invalid Policy: {why}"),
            PolicyError::Expired => "Invalid according to Policy: Policy expired.".to_string(),
            PolicyError::Condition(condition) => {
                format!("Invalid according to Policy: Policy Condition failed: {condition}")
            }
            PolicyError::ExtraField(name) => {
                format!("Invalid according to Policy: Extra input fields: {name}")
            }
        }
    }
}

/// What a valid policy allows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Allowed {
    /// The prefix every part key must start with (`<key>/p`).
    pub key_prefix: String,
    /// The largest file part accepted.
    pub max_size: u64,
}

/// Fields that are not policy-checked form fields.
fn exempt(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    matches!(lower.as_str(), "policy" | "x-amz-signature" | "file")
        || lower.starts_with("x-ignore-")
}

fn field<'a>(fields: &'a [(String, String)], name: &str) -> Option<&'a str> {
    fields
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// Checks the signature, the expiry and every condition of the policy in `fields` (the form
/// fields before `file`), as S3 does.
pub fn verify(
    secret: &str,
    fields: &[(String, String)],
    now: DateTime<Utc>,
) -> Result<Allowed, PolicyError> {
    let policy = field(fields, "Policy").unwrap_or_default();
    let signature = field(fields, "X-Amz-Signature").unwrap_or_default();
    if !signature.eq_ignore_ascii_case(&signature_of(secret, policy)) {
        return Err(PolicyError::Signature);
    }
    let document: Value = STANDARD
        .decode(policy)
        .ok()
        .and_then(|raw| serde_json::from_slice(&raw).ok())
        .ok_or_else(|| PolicyError::Malformed("not base64-encoded JSON".to_string()))?;
    let expiration = document["expiration"]
        .as_str()
        .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
        .ok_or_else(|| PolicyError::Malformed("no expiration".to_string()))?;
    if expiration.to_utc() <= now {
        return Err(PolicyError::Expired);
    }
    let conditions = document["conditions"]
        .as_array()
        .ok_or_else(|| PolicyError::Malformed("no conditions".to_string()))?;
    let mut allowed = Allowed {
        key_prefix: String::new(),
        max_size: u64::MAX,
    };
    let mut covered: Vec<String> = Vec::new();
    for condition in conditions {
        check(condition, fields, &mut covered, &mut allowed)?;
    }
    if let Some((name, _)) = fields
        .iter()
        .find(|(name, _)| !exempt(name) && !covered.contains(&name.to_ascii_lowercase()))
    {
        return Err(PolicyError::ExtraField(name.clone()));
    }
    Ok(allowed)
}

fn check(
    condition: &Value,
    fields: &[(String, String)],
    covered: &mut Vec<String>,
    allowed: &mut Allowed,
) -> Result<(), PolicyError> {
    let failed = || PolicyError::Condition(condition.to_string());
    let malformed = || PolicyError::Malformed(format!("bad condition {condition}"));
    if let Some(object) = condition.as_object() {
        for (name, expected) in object {
            if name == "bucket" {
                continue;
            }
            covered.push(name.to_ascii_lowercase());
            if field(fields, name) != expected.as_str() {
                return Err(failed());
            }
        }
        return Ok(());
    }
    let parts = condition.as_array().ok_or_else(malformed)?;
    let op = parts
        .first()
        .and_then(Value::as_str)
        .ok_or_else(malformed)?;
    if op == "content-length-range" {
        allowed.max_size = parts.get(2).and_then(Value::as_u64).ok_or_else(malformed)?;
        return Ok(());
    }
    let name = parts
        .get(1)
        .and_then(Value::as_str)
        .and_then(|n| n.strip_prefix('$'))
        .ok_or_else(malformed)?;
    let wanted = parts.get(2).and_then(Value::as_str).ok_or_else(malformed)?;
    covered.push(name.to_ascii_lowercase());
    let value = field(fields, name).ok_or_else(failed)?;
    let holds = match op {
        "eq" => value == wanted,
        "starts-with" => value.starts_with(wanted),
        _ => return Err(malformed()),
    };
    if !holds {
        return Err(failed());
    }
    if name == "key" {
        allowed.key_prefix = wanted.to_string();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(signed: &Signed, key: &str) -> Vec<(String, String)> {
        [
            ("acl", ACL),
            ("success_action_status", SUCCESS_STATUS),
            ("Content-Type", "image/*"),
            ("key", key),
            ("Policy", &signed.policy),
            ("X-Amz-Signature", &signed.signature),
            ("x-amz-credential", &signed.credential),
            ("x-amz-algorithm", ALGORITHM),
            ("x-amz-date", &signed.date),
            ("chunks", "2"),
            ("name", "a.jpg"),
            ("chunk", "1"),
            ("Filename", key),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
    }

    #[test]
    fn a_signed_policy_verifies_and_names_the_key_prefix() {
        let now = Utc::now();
        let signed = sign("secret", "pluploads/api/u/a.jpg", "image/*", now);
        let allowed = verify("secret", &fields(&signed, "pluploads/api/u/a.jpg/p1"), now).unwrap();
        assert_eq!(allowed.key_prefix, "pluploads/api/u/a.jpg/p");
        assert_eq!(allowed.max_size, MAX_PART);
    }

    #[test]
    fn forged_expired_violated_and_extra_fields_are_refused() {
        let now = Utc::now();
        let signed = sign("secret", "k/a.jpg", "image/*", now);
        let good = fields(&signed, "k/a.jpg/p1");
        assert_eq!(
            verify("other", &good, now).unwrap_err(),
            PolicyError::Signature
        );
        let later = now + chrono::TimeDelta::hours(25);
        assert_eq!(
            verify("secret", &good, later).unwrap_err(),
            PolicyError::Expired
        );
        let mut wrong_key = good.clone();
        wrong_key[3].1 = "k/b.jpg/p1".to_string();
        let err = verify("secret", &wrong_key, now).unwrap_err();
        assert!(
            err.message()
                .contains(r#"["starts-with","$key","k/a.jpg/p"]"#),
            "{err:?}"
        );
        let mut wrong_acl = good.clone();
        wrong_acl[0].1 = "public-read".to_string();
        assert!(matches!(
            verify("secret", &wrong_acl, now),
            Err(PolicyError::Condition(_))
        ));
        let mut extra = good.clone();
        extra.push(("x-amz-meta-owner".to_string(), "me".to_string()));
        assert_eq!(
            verify("secret", &extra, now).unwrap_err(),
            PolicyError::ExtraField("x-amz-meta-owner".to_string())
        );
        extra.pop();
        extra.push(("x-ignore-me".to_string(), "fine".to_string()));
        assert!(verify("secret", &extra, now).is_ok());
    }
}
