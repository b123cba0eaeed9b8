//! Request parameters as the official SDKs send them (`reference/bynder-api.md` §3.1,
//! `reference/official-sdks.md` §4.3): query string, form body, or JSON body. Repeated keys
//! are kept in order; values are interpreted by the handlers.

use axum::body::Bytes;
use serde_json::Value;

/// Bodies up to this size are tried as a form when they come without a content type.
const SNIFF_LIMIT: usize = 64 * 1024;

/// The parameters of one request.
#[derive(Debug, Clone, Default)]
pub struct Params {
    /// Query string pairs.
    pub query: Vec<(String, String)>,
    /// Form body pairs.
    pub form: Vec<(String, String)>,
    /// JSON body.
    pub json: Option<Value>,
}

impl Params {
    /// Every pair: form first, then query, then top-level JSON scalars (for endpoints that
    /// take their fields from wherever the client put them, like the token endpoint).
    pub fn all_pairs(&self) -> Vec<(String, String)> {
        let mut pairs = self.form.clone();
        pairs.extend(self.query.iter().cloned());
        if let Some(Value::Object(object)) = &self.json {
            for (key, value) in object {
                let text = match value {
                    Value::String(s) => s.clone(),
                    Value::Number(n) => n.to_string(),
                    Value::Bool(b) => b.to_string(),
                    _ => continue,
                };
                pairs.push((key.clone(), text));
            }
        }
        pairs
    }
}

/// Parses the query and, by content type, the body. A body declared as JSON that is not
/// JSON is an error (Bynder answers 400).
pub fn parse(
    query: Option<&str>,
    content_type: Option<&str>,
    body: &Bytes,
) -> Result<Params, String> {
    let mut params = Params {
        query: pairs(query.unwrap_or_default().as_bytes()),
        ..Params::default()
    };
    if body.is_empty() {
        return Ok(params);
    }
    let content_type = content_type.unwrap_or_default().to_ascii_lowercase();
    if content_type.contains("application/x-www-form-urlencoded") {
        params.form = pairs(body);
    } else if content_type.contains("json") {
        let value =
            serde_json::from_slice(body).map_err(|err| format!("invalid JSON body: {err}"))?;
        params.json = Some(value);
    } else if content_type.is_empty() && body.len() <= SNIFF_LIMIT {
        match serde_json::from_slice::<Value>(body) {
            Ok(value) => params.json = Some(value),
            Err(_) if std::str::from_utf8(body).is_ok() => params.form = pairs(body),
            Err(_) => {}
        }
    }
    Ok(params)
}

fn pairs(bytes: &[u8]) -> Vec<(String, String)> {
    url::form_urlencoded::parse(bytes).into_owned().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_query_keys_are_kept_in_order() {
        let params = parse(Some("a=1&b=x%20y&a=2"), None, &Bytes::new()).unwrap();
        let expected: Vec<(String, String)> = vec![
            ("a".into(), "1".into()),
            ("b".into(), "x y".into()),
            ("a".into(), "2".into()),
        ];
        assert_eq!(params.query, expected);
    }

    #[test]
    fn bodies_follow_their_content_type() {
        let form = parse(
            None,
            Some("application/x-www-form-urlencoded; charset=UTF-8"),
            &Bytes::from("id=A&tags=a,b"),
        )
        .unwrap();
        assert_eq!(form.form[1], ("tags".to_string(), "a,b".to_string()));
        let json = parse(
            None,
            Some("application/json"),
            &Bytes::from(r#"{"name":"x"}"#),
        )
        .unwrap();
        assert_eq!(json.json.unwrap()["name"], "x");
        assert!(parse(None, Some("application/json"), &Bytes::from("{")).is_err());
        let raw = parse(None, Some("application/octet-stream"), &Bytes::from("a=b")).unwrap();
        assert!(raw.form.is_empty() && raw.json.is_none());
    }

    #[test]
    fn bodies_without_content_type_are_sniffed() {
        assert_eq!(
            parse(None, None, &Bytes::from("a=b")).unwrap().form.len(),
            1
        );
        assert!(
            parse(None, None, &Bytes::from("[1]"))
                .unwrap()
                .json
                .is_some()
        );
        let all = parse(
            Some("q=1"),
            Some("application/json"),
            &Bytes::from(r#"{"n":2,"o":{}}"#),
        )
        .unwrap();
        assert_eq!(
            all.all_pairs(),
            vec![
                ("q".to_string(), "1".to_string()),
                ("n".to_string(), "2".to_string())
            ]
        );
    }
}
