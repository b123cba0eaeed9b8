//! Python file objects as Rust readers and writers, for uploads from and downloads to them.
//!
//! The core reads and writes on its own blocking threads; each call attaches to the interpreter
//! just for the `read`/`write` (and refuses politely while the interpreter is shutting down).

use std::io::{self, Read, Write};

use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes};

fn detached() -> io::Error {
    io::Error::other("the Python interpreter is shutting down")
}

fn python_error(what: &str, error: &PyErr) -> io::Error {
    io::Error::other(format!("{what}: {error}"))
}

/// Reads a binary file object (`f.read(n)` answering `bytes`).
pub struct PyReader {
    file: Py<PyAny>,
}

impl PyReader {
    pub fn new(file: Py<PyAny>) -> Self {
        PyReader { file }
    }
}

impl Read for PyReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        Python::try_attach(|py| -> io::Result<usize> {
            let data = self
                .file
                .bind(py)
                .call_method1("read", (buf.len(),))
                .map_err(|e| python_error("reading the upload source failed", &e))?;
            if data.is_none() {
                return Err(io::Error::other(
                    "the upload source's read() answered None (a non-blocking stream): use a \
                     blocking file object",
                ));
            }
            let mut copy = |bytes: &[u8]| -> io::Result<usize> {
                if bytes.len() > buf.len() {
                    return Err(io::Error::other(format!(
                        "read({}) answered {} bytes",
                        buf.len(),
                        bytes.len()
                    )));
                }
                buf[..bytes.len()].copy_from_slice(bytes);
                Ok(bytes.len())
            };
            if let Ok(bytes) = data.cast::<PyBytes>() {
                return copy(bytes.as_bytes());
            }
            if let Ok(bytes) = data.cast::<PyByteArray>() {
                return copy(&bytes.to_vec());
            }
            Err(io::Error::other(format!(
                "the upload source's read() answered {}, not bytes: open the file in binary \
                 mode ('rb')",
                data.get_type()
                    .name()
                    .map(|n| n.to_string())
                    .unwrap_or_default()
            )))
        })
        .unwrap_or_else(|| Err(detached()))
    }
}

/// Writes to a binary file object (`f.write(b)`).
pub struct PyWriter {
    file: Py<PyAny>,
}

impl PyWriter {
    pub fn new(file: Py<PyAny>) -> Self {
        PyWriter { file }
    }
}

impl Write for PyWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        Python::try_attach(|py| -> io::Result<usize> {
            let written = self
                .file
                .bind(py)
                .call_method1("write", (PyBytes::new(py, buf),))
                .map_err(|e| python_error("writing the download failed", &e))?;
            // Raw (unbuffered) files may write less and say so; buffered ones answer None or n.
            Ok(written.extract::<usize>().unwrap_or(buf.len()))
        })
        .unwrap_or_else(|| Err(detached()))
    }

    fn flush(&mut self) -> io::Result<()> {
        Python::try_attach(|py| -> io::Result<()> {
            let file = self.file.bind(py);
            if file
                .hasattr("flush")
                .map_err(|e| python_error("flush", &e))?
            {
                file.call_method0("flush")
                    .map_err(|e| python_error("flushing the download failed", &e))?;
            }
            Ok(())
        })
        .unwrap_or_else(|| Err(detached()))
    }
}
