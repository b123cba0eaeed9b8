//! The end of an upload: waiting for the portal to process the file (S3 poll, or a save
//! answered 303 "please poll") and saving it as an asset, a version or an additional file.

use serde_json::{Map, Value, json};

use super::events::{OnProgress, UploadEvent, emit};
use super::{PollPolicy, UploadTarget};
use crate::client::Client;
use crate::error::{Error, ErrorKind};
use crate::time;

pub(crate) struct Saver<'a> {
    pub client: &'a Client,
    pub poll: PollPolicy,
    pub progress: &'a Option<OnProgress<UploadEvent>>,
}

impl Saver<'_> {
    /// Saves `import_id` as `target`; a 303 means the file is still processing, so it waits
    /// (backing off per the poll policy) and asks again.
    pub async fn save(
        &self,
        target: &UploadTarget,
        import_id: &str,
        fields: &Map<String, Value>,
    ) -> Result<Value, Error> {
        let (operation, params) = match target {
            UploadTarget::NewAsset => {
                let mut params = fields.clone();
                params.insert("importId".into(), json!(import_id));
                ("upload.save", Value::Object(params))
            }
            UploadTarget::NewVersion(media_id) => (
                "upload.save_version",
                json!({"id": media_id, "importId": import_id}),
            ),
            UploadTarget::Additional(media_id) => (
                "upload.save_additional",
                json!({"id": media_id, "uploadId": import_id}),
            ),
        };
        let started = time::system().now();
        let mut attempt = 0;
        loop {
            let response = self.client.call_raw(operation, params.clone()).await?;
            if response.status != 303 {
                return Ok(response.body);
            }
            attempt += 1;
            self.wait(attempt, started, import_id).await?;
        }
    }

    /// Polls an S3 import until the portal has processed it.
    pub async fn wait_for_import(&self, import_id: &str) -> Result<(), Error> {
        let started = time::system().now();
        let mut attempt = 0;
        loop {
            let body = self
                .client
                .call("upload.s3_poll", json!({"items": import_id}))
                .await?;
            let listed = |key: &str| {
                body[key]
                    .as_array()
                    .is_some_and(|ids| ids.iter().any(|id| id.as_str() == Some(import_id)))
            };
            if listed("itemsDone") {
                return Ok(());
            }
            if listed("itemsFailed") || listed("itemsRejected") {
                return Err(Error::new(
                    ErrorKind::Server,
                    format!("the portal could not process the upload (import {import_id}): {body}"),
                ));
            }
            attempt += 1;
            self.wait(attempt, started, import_id).await?;
        }
    }

    async fn wait(
        &self,
        attempt: u32,
        started: std::time::Duration,
        import_id: &str,
    ) -> Result<(), Error> {
        let clock = time::system();
        if clock.now().saturating_sub(started) >= self.poll.timeout {
            return Err(Error::new(
                ErrorKind::Timeout,
                format!(
                    "the portal was still processing import {import_id} after {:?}",
                    self.poll.timeout
                ),
            ));
        }
        emit(self.progress, UploadEvent::Polling { attempt });
        clock.sleep(self.poll.delay(attempt)).await;
        Ok(())
    }
}

/// The asset id in a save answer (`mediaid`); a version or additional file belongs to the
/// asset it was saved to.
pub(crate) fn media_id(response: &Value, target: &UploadTarget) -> Result<String, Error> {
    let answered = ["mediaid", "mediaId", "id"]
        .iter()
        .find_map(|key| response[*key].as_str())
        .map(str::to_string);
    match (answered, target) {
        (Some(id), _) => Ok(id),
        (None, UploadTarget::NewVersion(id) | UploadTarget::Additional(id)) => Ok(id.clone()),
        (None, UploadTarget::NewAsset) => Err(Error::new(
            ErrorKind::Decode,
            format!("the save call answered no media id: {response}"),
        )),
    }
}
