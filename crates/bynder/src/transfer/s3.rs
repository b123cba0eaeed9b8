//! The older S3 flow's calls (`reference/bynder-api.md` §6.1): endpoint and init, each part
//! posted to S3 as `multipart/form-data` (policy fields first, `file` last, never the Bynder
//! token), registered with the portal, then finalised.

use bytes::{BufMut, Bytes, BytesMut};
use http::{HeaderValue, header};
use serde_json::{Map, Value, json};

use super::source::{Chunk, ReadSummary};
use super::state::Session;
use crate::client::Client;
use crate::client::portal::transport_error;
use crate::client::response::status_error;
use crate::error::{Error, ErrorKind};
use crate::ops::Method;
use crate::retry::{self, Outcome};

/// Asks for the S3 endpoint and opens an upload for `file_name`.
pub(crate) async fn start(client: &Client, file_name: &str) -> Result<Session, Error> {
    let endpoint = client.call("upload.s3_endpoint", Value::Null).await?;
    let endpoint = endpoint
        .as_str()
        .map(str::trim)
        .filter(|url| url.starts_with("https://") || url.starts_with("http://"))
        .ok_or_else(|| decode_error("upload.s3_endpoint", &endpoint))?
        .to_string();
    let init = client
        .call("upload.s3_init", json!({"filename": file_name}))
        .await?;
    let text = |pointer: &str| {
        init.pointer(pointer)
            .and_then(Value::as_str)
            .map(str::to_string)
            .ok_or_else(|| decode_error("upload.s3_init", &init))
    };
    let multipart_params = init["multipart_params"]
        .as_object()
        .cloned()
        .ok_or_else(|| decode_error("upload.s3_init", &init))?;
    if !multipart_params.contains_key("key") {
        return Err(decode_error("upload.s3_init", &init));
    }
    Ok(Session::S3 {
        endpoint,
        upload_id: text("/s3file/uploadid")?,
        target_id: text("/s3file/targetid")?,
        s3_filename: text("/s3_filename")?,
        multipart_params,
    })
}

/// Posts part `chunk.index + 1` of `total` to S3 and registers it with the portal.
pub(crate) async fn send_chunk(
    client: &Client,
    session: &Session,
    chunk: &Chunk,
    total: u32,
) -> Result<(), Error> {
    let Session::S3 {
        endpoint,
        upload_id,
        target_id,
        s3_filename,
        multipart_params,
    } = session
    else {
        return Err(Error::new(ErrorKind::Internal, "not an S3 session"));
    };
    let part = chunk.index + 1;
    let (content_type, body) = part_form(multipart_params, part, total, &chunk.data)?;
    post_part(client, endpoint, content_type, body).await?;
    client
        .call(
            "upload.s3_register",
            json!({
                "id": upload_id,
                "targetid": target_id,
                "filename": format!("{s3_filename}/p{part}"),
                "chunkNumber": part,
            }),
        )
        .await?;
    Ok(())
}

/// Finalises the upload; answers the `importId` to poll and save.
pub(crate) async fn finalise(
    client: &Client,
    session: &Session,
    file_name: &str,
    summary: &ReadSummary,
) -> Result<String, Error> {
    let (upload_id, target_id, s3_filename) = ids(session)?;
    let body = client
        .call(
            "upload.s3_register",
            json!({
                "id": upload_id,
                "targetid": target_id,
                "s3_filename": format!("{s3_filename}/p{}", summary.chunks),
                "chunks": summary.chunks,
                "original_filename": file_name,
            }),
        )
        .await?;
    body["importId"]
        .as_str()
        .map(str::to_string)
        .ok_or_else(|| decode_error("upload.s3_register", &body))
}

/// Finalises the upload as an additional file of `media_id` (no poll or save follows).
pub(crate) async fn finalise_additional(
    client: &Client,
    session: &Session,
    media_id: &str,
    summary: &ReadSummary,
) -> Result<Value, Error> {
    let (upload_id, target_id, s3_filename) = ids(session)?;
    client
        .call(
            "upload.save_additional",
            json!({
                "id": media_id,
                "uploadId": upload_id,
                "targetid": target_id,
                "s3_filename": format!("{s3_filename}/p{}", summary.chunks),
                "chunks": summary.chunks,
            }),
        )
        .await
}

fn ids(session: &Session) -> Result<(&str, &str, &str), Error> {
    match session {
        Session::S3 {
            upload_id,
            target_id,
            s3_filename,
            ..
        } => Ok((upload_id, target_id, s3_filename)),
        Session::FilesService { .. } => Err(Error::new(ErrorKind::Internal, "not an S3 session")),
    }
}

fn decode_error(operation: &str, body: &Value) -> Error {
    Error::new(
        ErrorKind::Decode,
        format!("{operation} answered an unexpected shape: {body}"),
    )
}

/// The S3 POST form of one part: the policy fields in the portal's order (`key` pointing at
/// the part), then `name`, `chunk`, `chunks`, `Filename`, and the bytes last, as S3 requires.
fn part_form(
    params: &Map<String, Value>,
    part: u32,
    total: u32,
    data: &Bytes,
) -> Result<(HeaderValue, Bytes), Error> {
    let key = params
        .get("key")
        .and_then(Value::as_str)
        .ok_or_else(|| Error::new(ErrorKind::Decode, "the S3 policy has no key"))?;
    let part_key = format!("{key}/p{part}");
    let name = key.rsplit('/').next().unwrap_or(key);
    let boundary = format!("bynder-{}", uuid::Uuid::new_v4().simple());
    let mut fields: Vec<(String, String)> = params
        .iter()
        .map(|(field, value)| {
            let text = match value {
                Value::String(text) => text.clone(),
                other => other.to_string(),
            };
            (field.clone(), text)
        })
        .collect();
    for (field, value) in &mut fields {
        if field == "key" {
            value.clone_from(&part_key);
        }
    }
    fields.push(("name".into(), name.to_string()));
    fields.push(("chunk".into(), part.to_string()));
    fields.push(("chunks".into(), total.to_string()));
    fields.push(("Filename".into(), part_key.clone()));
    let mut body = BytesMut::with_capacity(data.len() + 4096);
    for (field, value) in &fields {
        body.put_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{}\"\r\n\r\n{value}\r\n",
                quote(field)
            )
            .as_bytes(),
        );
    }
    body.put_slice(
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{}\"\r\n\
             Content-Type: application/octet-stream\r\n\r\n",
            quote(name)
        )
        .as_bytes(),
    );
    body.put_slice(data);
    body.put_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let content_type = HeaderValue::from_str(&format!("multipart/form-data; boundary={boundary}"))
        .map_err(|_| Error::new(ErrorKind::Internal, "invalid multipart boundary"))?;
    Ok((content_type, body.freeze()))
}

/// Escapes a form-data name or file name (quotes and line breaks cannot appear raw).
fn quote(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('"', "%22")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Posts one part to S3: no Bynder token, no rate limiter (S3 is not the portal), retried on
/// network failures, 5xx and 429 like API calls.
async fn post_part(
    client: &Client,
    endpoint: &str,
    content_type: HeaderValue,
    body: Bytes,
) -> Result<(), Error> {
    let url = url::Url::parse(endpoint).map_err(|e| {
        Error::new(
            ErrorKind::Decode,
            format!("invalid S3 endpoint {endpoint:?}: {e}"),
        )
    })?;
    let portal = &client.inner.portal;
    let policy = &client.inner.retry;
    let mut attempt = 0;
    loop {
        attempt += 1;
        let mut request = portal.request(Method::Post, url.clone());
        request
            .headers
            .insert(header::CONTENT_TYPE, content_type.clone());
        request.headers.remove(header::ACCEPT);
        request.body = body.clone();
        let outcome = match portal.transport.send(request).await {
            Ok(response) if (200..300).contains(&response.status) => return Ok(()),
            Ok(response) => {
                let outcome = Outcome::Status(response.status);
                if !retry::should_retry(policy, attempt, &outcome, true) {
                    return Err(status_error(&response).context("S3 refused the part"));
                }
                outcome
            }
            Err(error) => {
                let outcome = Outcome::from(&error);
                if !retry::should_retry(policy, attempt, &outcome, true) {
                    return Err(transport_error(error).context("sending a part to S3"));
                }
                outcome
            }
        };
        tracing::debug!(attempt, ?outcome, "retrying an S3 part");
        crate::time::system()
            .sleep(policy.backoff(attempt - 1))
            .await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_part_form_keeps_the_policy_order_and_puts_the_file_last() {
        let params: Map<String, Value> = serde_json::from_str(
            r#"{"acl":"private","key":"pluploads/api/u1/photo.jpg","Policy":"P","X-Amz-Signature":"S"}"#,
        )
        .unwrap();
        let (content_type, body) = part_form(&params, 2, 3, &Bytes::from_static(b"DATA")).unwrap();
        let text = String::from_utf8(body.to_vec()).unwrap();
        let boundary = content_type
            .to_str()
            .unwrap()
            .split("boundary=")
            .nth(1)
            .unwrap()
            .to_string();
        let names: Vec<&str> = text
            .split("form-data; name=\"")
            .skip(1)
            .map(|rest| rest.split('"').next().unwrap())
            .collect();
        assert_eq!(
            names,
            [
                "acl",
                "key",
                "Policy",
                "X-Amz-Signature",
                "name",
                "chunk",
                "chunks",
                "Filename",
                "file"
            ]
        );
        assert!(text.contains("pluploads/api/u1/photo.jpg/p2\r\n"));
        assert!(text.contains("name=\"chunk\"\r\n\r\n2\r\n"));
        assert!(text.contains("name=\"chunks\"\r\n\r\n3\r\n"));
        assert!(text.ends_with(&format!("DATA\r\n--{boundary}--\r\n")));
    }
}
