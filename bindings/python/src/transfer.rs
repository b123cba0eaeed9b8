//! Uploads and downloads for Python: from a path, bytes or a file object, to a path, a folder
//! or a file object, with progress events delivered to a Python callback on a Python thread
//! (the waiting thread for blocking calls, the event loop for asyncio).

use std::path::PathBuf;

use bynder::transfer::{CancelToken, Download, DownloadOptions, UploadOptions, UploadSource};
use pyo3::prelude::*;
use serde_json::{Map, Value};
use tokio::sync::mpsc::{UnboundedSender, unbounded_channel};

use crate::bridge::{Bridge, Deliver, Outbox, Start};
use crate::cancel::PyCancelToken;
use crate::client::NativeClient;
use crate::convert::from_py;
use crate::errors::{invalid_argument, to_py_err};
use crate::pyio::{PyReader, PyWriter};
use crate::runtime::{Events, block_on};
use crate::to_python::to_py;

fn options<T: serde::de::DeserializeOwned>(
    py: Python<'_>,
    options: Option<&Bound<'_, PyAny>>,
    what: &str,
) -> PyResult<T> {
    let value = match options {
        Some(options) => from_py(options, what)?,
        None => Value::Object(Map::new()),
    };
    serde_json::from_value(value).map_err(|e| invalid_argument(py, format!("{what}: {e}")))
}

/// Where progress events go.
#[derive(Clone)]
enum Sink {
    /// To the thread blocked in the call.
    Channel(UnboundedSender<Value>),
    /// Through the asyncio bridge, as events of task `id`.
    Bridge(std::sync::Arc<Outbox>, u64),
}

impl Sink {
    fn send(&self, event: &impl serde::Serialize) {
        let Ok(event) = serde_json::to_value(event) else {
            return;
        };
        match self {
            Sink::Channel(sender) => {
                let _ = sender.send(event);
            }
            Sink::Bridge(outbox, id) => outbox.event(*id, event),
        }
    }
}

/// The upload source as the Python layer sorted it: a path, bytes, or a binary file object.
fn upload_source(
    py: Python<'_>,
    path: Option<PathBuf>,
    data: Option<Vec<u8>>,
    reader: Option<Py<PyAny>>,
    settings: &UploadOptions,
) -> PyResult<UploadSource> {
    match (path, data, reader) {
        (Some(path), None, None) => Ok(UploadSource::path(path)),
        (None, Some(data), None) => {
            let name = settings.file_name.clone().ok_or_else(|| {
                invalid_argument(py, "uploading bytes needs file_name (e.g. 'photo.jpg')")
            })?;
            Ok(UploadSource::bytes(data, name))
        }
        (None, None, Some(reader)) => {
            let name = settings.file_name.clone().ok_or_else(|| {
                invalid_argument(
                    py,
                    "uploading a file object needs file_name (e.g. 'photo.jpg')",
                )
            })?;
            Ok(UploadSource::reader(
                PyReader::new(reader),
                name,
                settings.size,
            ))
        }
        _ => Err(invalid_argument(py, "give exactly one upload source")),
    }
}

fn build_upload(
    py: Python<'_>,
    client: &bynder::Client,
    source: UploadSource,
    settings: UploadOptions,
    cancel: CancelToken,
    sink: Option<Sink>,
) -> PyResult<bynder::transfer::Upload> {
    let mut upload = settings
        .apply(client.upload(source).cancel_token(cancel))
        .map_err(|e| to_py_err(py, &e))?;
    if let Some(sink) = sink {
        upload = upload.on_progress(move |event| sink.send(event));
    }
    Ok(upload)
}

/// Where a download goes, as the Python layer sorted it.
struct Destination {
    path: Option<PathBuf>,
    writer: Option<Py<PyAny>>,
}

fn build_download(
    py: Python<'_>,
    client: &bynder::Client,
    media_id: String,
    destination: Destination,
    settings: DownloadOptions,
    cancel: CancelToken,
    sink: Option<Sink>,
) -> PyResult<Download> {
    let mut download = settings
        .apply(client.download(media_id).cancel_token(cancel))
        .map_err(|e| to_py_err(py, &e))?;
    download = match (destination.path, destination.writer) {
        (Some(path), None) if path.is_dir() => download.to_dir(path),
        (Some(path), None) => download.to_path(path),
        (None, Some(writer)) => download.to_writer(PyWriter::new(writer)),
        _ => {
            return Err(invalid_argument(
                py,
                "give exactly one download destination",
            ));
        }
    };
    if let Some(sink) = sink {
        download = download.on_progress(move |event| sink.send(event));
    }
    Ok(download)
}

/// Runs a download on a blocking thread of the runtime. The core's `Download::send` future is
/// not `Send` (it borrows the `Download`, whose writer is not `Sync`, across an await), so it
/// cannot be spawned; the `Download` itself can move to a thread that drives it.
fn outcome_to_py(py: Python<'_>, outcome: Result<Value, bynder::Error>) -> PyResult<Py<PyAny>> {
    match outcome {
        Ok(value) => Ok(to_py(py, &value)?.unbind()),
        Err(error) => Err(to_py_err(py, &error)),
    }
}

/// Runs a transfer on the calling thread with the GIL released, delivering its progress events
/// and any new tokens to Python; Ctrl-C cancels it.
fn run_blocking(
    py: Python<'_>,
    client: &Bound<'_, NativeClient>,
    work: impl Future<Output = Result<Value, bynder::Error>> + Send,
    events: Option<Events<'_, '_>>,
    cancel: &CancelToken,
) -> PyResult<Py<PyAny>> {
    let result = block_on(py, work, events, || cancel.cancel())?;
    client.get().deliver_tokens(py);
    outcome_to_py(py, result)
}

fn serialized<T: serde::Serialize>(
    result: Result<T, bynder::Error>,
) -> Result<Value, bynder::Error> {
    result.and_then(|outcome| {
        serde_json::to_value(outcome).map_err(|e| {
            bynder::Error::new(bynder::ErrorKind::Internal, format!("cannot encode: {e}"))
        })
    })
}

fn cancel_of(cancel: Option<&Bound<'_, PyCancelToken>>) -> CancelToken {
    cancel.map(|c| c.get().inner.clone()).unwrap_or_default()
}

/// Uploads and saves a file, blocking; answers the outcome as a dict.
#[pyfunction]
#[pyo3(signature = (client, *, path=None, data=None, reader=None, options=None, on_progress=None, cancel=None))]
#[allow(clippy::too_many_arguments)]
pub fn upload(
    py: Python<'_>,
    client: &Bound<'_, NativeClient>,
    path: Option<PathBuf>,
    data: Option<Vec<u8>>,
    reader: Option<Py<PyAny>>,
    options: Option<&Bound<'_, PyAny>>,
    on_progress: Option<&Bound<'_, PyAny>>,
    cancel: Option<&Bound<'_, PyCancelToken>>,
) -> PyResult<Py<PyAny>> {
    let settings: UploadOptions = self::options(py, options, "upload options")?;
    let source = upload_source(py, path, data, reader, &settings)?;
    let core = client.get().client(py)?;
    let cancel = cancel_of(cancel);
    let (sender, receiver) = unbounded_channel();
    let sink = on_progress.map(|_| Sink::Channel(sender));
    let upload = build_upload(py, &core, source, settings, cancel.clone(), sink)?;
    let events = on_progress.map(|callback| Events { receiver, callback });
    let work = async move { serialized(upload.send().await) };
    run_blocking(py, client, work, events, &cancel)
}

/// `upload` for asyncio.
#[pyfunction]
#[pyo3(signature = (client, bridge, *, path=None, data=None, reader=None, options=None, on_progress=None, cancel=None))]
#[allow(clippy::too_many_arguments)]
pub fn upload_async<'py>(
    py: Python<'py>,
    client: &Bound<'py, NativeClient>,
    bridge: &Bound<'py, Bridge>,
    path: Option<PathBuf>,
    data: Option<Vec<u8>>,
    reader: Option<Py<PyAny>>,
    options: Option<&Bound<'py, PyAny>>,
    on_progress: Option<Bound<'py, PyAny>>,
    cancel: Option<&Bound<'py, PyCancelToken>>,
) -> PyResult<Bound<'py, PyAny>> {
    let settings: UploadOptions = self::options(py, options, "upload options")?;
    let source = upload_source(py, path, data, reader, &settings)?;
    let core = client.get().client(py)?;
    let cancel = cancel_of(cancel);
    let id = bridge.get().next_id();
    let sink = on_progress
        .as_ref()
        .map(|_| Sink::Bridge(bridge.get().outbox(), id));
    let upload = build_upload(py, &core, source, settings, cancel.clone(), sink)?;
    let work = async move {
        let result = serialized(upload.send().await);
        Box::new(move |py: Python<'_>| outcome_to_py(py, result)) as Deliver
    };
    let start = Start {
        on_event: on_progress,
        cancel: Some(cancel),
        client: Some(client.clone().unbind()),
    };
    Bridge::start(bridge, id, work, start)
}

/// Downloads an asset's file, blocking; answers the outcome as a dict.
#[pyfunction]
#[pyo3(signature = (client, media_id, *, to_path=None, to_writer=None, options=None, on_progress=None, cancel=None))]
#[allow(clippy::too_many_arguments)]
pub fn download(
    py: Python<'_>,
    client: &Bound<'_, NativeClient>,
    media_id: String,
    to_path: Option<PathBuf>,
    to_writer: Option<Py<PyAny>>,
    options: Option<&Bound<'_, PyAny>>,
    on_progress: Option<&Bound<'_, PyAny>>,
    cancel: Option<&Bound<'_, PyCancelToken>>,
) -> PyResult<Py<PyAny>> {
    let settings: DownloadOptions = self::options(py, options, "download options")?;
    let core = client.get().client(py)?;
    let cancel = cancel_of(cancel);
    let (sender, receiver) = unbounded_channel();
    let sink = on_progress.map(|_| Sink::Channel(sender));
    let download = build_download(
        py,
        &core,
        media_id,
        Destination {
            path: to_path,
            writer: to_writer,
        },
        settings,
        cancel.clone(),
        sink,
    )?;
    let events = on_progress.map(|callback| Events { receiver, callback });
    let work = async move { serialized(download.send().await) };
    run_blocking(py, client, work, events, &cancel)
}

/// `download` for asyncio.
#[pyfunction]
#[pyo3(signature = (client, bridge, media_id, *, to_path=None, to_writer=None, options=None, on_progress=None, cancel=None))]
#[allow(clippy::too_many_arguments)]
pub fn download_async<'py>(
    py: Python<'py>,
    client: &Bound<'py, NativeClient>,
    bridge: &Bound<'py, Bridge>,
    media_id: String,
    to_path: Option<PathBuf>,
    to_writer: Option<Py<PyAny>>,
    options: Option<&Bound<'py, PyAny>>,
    on_progress: Option<Bound<'py, PyAny>>,
    cancel: Option<&Bound<'py, PyCancelToken>>,
) -> PyResult<Bound<'py, PyAny>> {
    let settings: DownloadOptions = self::options(py, options, "download options")?;
    let core = client.get().client(py)?;
    let cancel = cancel_of(cancel);
    let id = bridge.get().next_id();
    let sink = on_progress
        .as_ref()
        .map(|_| Sink::Bridge(bridge.get().outbox(), id));
    let download = build_download(
        py,
        &core,
        media_id,
        Destination {
            path: to_path,
            writer: to_writer,
        },
        settings,
        cancel.clone(),
        sink,
    )?;
    let work = async move {
        let result = serialized(download.send().await);
        Box::new(move |py: Python<'_>| outcome_to_py(py, result)) as Deliver
    };
    let start = Start {
        on_event: on_progress,
        cancel: Some(cancel),
        client: Some(client.clone().unbind()),
    };
    Bridge::start(bridge, id, work, start)
}
