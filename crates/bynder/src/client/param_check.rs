//! The type check every documented parameter goes through before a request is built: a value
//! that cannot be the parameter's declared type ([`crate::ops::ParamType`]) is refused with
//! [`crate::ErrorKind::InvalidArgument`], naming the operation, the parameter, the expected type
//! and what was given, so nothing reaches the portal. Lenient spellings pass (and in a JSON
//! body become the declared type); parameters the table does not list pass untouched.

use serde_json::{Map, Value};

use super::encode::{kind_of, snake_case};
use crate::error::Error;
use crate::ops::{Operation, ParamType, Verdict};

/// The longest preview of a refused value in an error message.
const PREVIEW_MAX: usize = 40;

/// Checks (and, where lenient, rewrites) every documented parameter in `params`, whose keys
/// are as the caller gave them (either spelling).
pub(crate) fn check_params(op: &Operation, params: &mut Map<String, Value>) -> Result<(), Error> {
    for (key, value) in params.iter_mut() {
        let Some(documented) = op.param_name(key) else {
            continue;
        };
        let ty = op.param_type(documented);
        match ty.check(value, op.encoding) {
            Verdict::Keep => {}
            Verdict::Replace(canonical) => *value = canonical,
            Verdict::Reject => {
                return Err(mismatch(op, key, documented, ty, value));
            }
        }
    }
    Ok(())
}

fn mismatch(op: &Operation, key: &str, documented: &str, ty: ParamType, given: &Value) -> Error {
    // Name it both ways: faces in snake_case languages send Bynder's spelling on the caller's
    // behalf, and the caller knows the other one.
    let snake = snake_case(documented);
    let also = if key != documented {
        format!(" (Bynder's `{documented}`)")
    } else if snake != documented {
        format!(" (`{snake}`)")
    } else {
        String::new()
    };
    Error::invalid_argument(format!(
        "parameter `{key}`{also} must be {}, not {}",
        ty.expected(),
        describe(key, given)
    ))
    .with_operation(op.name)
}

/// What was given: its kind, with a short preview unless the parameter may hold a secret.
fn describe(key: &str, value: &Value) -> String {
    let kind = kind_of(value);
    let lower = key.to_ascii_lowercase();
    if ["password", "secret", "token"]
        .iter()
        .any(|word| lower.contains(word))
    {
        return kind.to_string();
    }
    let text = value.to_string();
    let preview = if text.chars().count() > PREVIEW_MAX {
        let cut: String = text.chars().take(PREVIEW_MAX).collect();
        format!("{cut}…")
    } else {
        text
    };
    format!("{preview} ({kind})")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;
    use crate::ops::find;
    use serde_json::json;

    fn check(name: &str, params: Value) -> Result<Value, Error> {
        let Value::Object(mut map) = params else {
            panic!("an object")
        };
        check_params(find(name).unwrap(), &mut map)?;
        Ok(Value::Object(map))
    }

    #[test]
    fn a_wrong_type_names_operation_parameter_expectation_and_value() {
        let err = check("media.list", json!({"limit": "ten"})).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidArgument);
        assert_eq!(err.operation(), Some("media.list"));
        let text = err.to_string();
        assert!(
            text.starts_with("media.list: invalid_argument: parameter"),
            "{text}"
        );
        for part in ["`limit`", "an integer", "\"ten\"", "text"] {
            assert!(text.contains(part), "{part} missing from {text}");
        }
    }

    #[test]
    fn the_snake_case_spelling_is_named_with_bynders() {
        let err = check("media.list", json!({"is_public": "maybe"})).unwrap_err();
        let text = err.to_string();
        assert!(text.contains("`is_public` (Bynder's `isPublic`)"), "{text}");
        assert!(text.contains("a boolean"), "{text}");
        let err = check("media.list", json!({"isPublic": "maybe"})).unwrap_err();
        assert!(
            err.to_string().contains("`isPublic` (`is_public`)"),
            "{err}"
        );
    }

    #[test]
    fn secrets_are_never_quoted() {
        let err = check("users.create", json!({"password": ["hunter2-very-secret"]})).unwrap_err();
        let text = err.to_string();
        assert!(!text.contains("hunter2"), "{text}");
        assert!(text.contains("a list"), "{text}");
    }

    #[test]
    fn long_values_are_cut() {
        let long = "x".repeat(500);
        let err = check("media.list", json!({"limit": long})).unwrap_err();
        assert!(err.to_string().len() < 300, "{err}");
    }

    #[test]
    fn lenient_values_pass_and_json_bodies_get_the_declared_type() {
        let params = check(
            "media.list",
            json!({"limit": "10", "is_public": "true", "type": "image,video", "unknown": [1]}),
        )
        .unwrap();
        assert_eq!(
            params,
            json!({"limit": "10", "is_public": true, "type": "image,video", "unknown": [1]})
        );
        let params = check(
            "webhooks.patch",
            json!({"id": "x", "status": "1", "name": 7}),
        )
        .unwrap();
        assert_eq!(params, json!({"id": "x", "status": 1, "name": "7"}));
    }
}
