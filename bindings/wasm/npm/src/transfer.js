// Upload inputs (Blob, File, buffers, streams, Node paths) and streamed downloads.

import { NativeCancel } from "../pkg/bynder_wasm.js";
import { BynderError, ErrorKind, kindForStatus } from "./errors.js";

const isNode = typeof process !== "undefined" && !!process.versions?.node;

async function collect(chunks) {
  const parts = [];
  let size = 0;
  for await (const chunk of chunks) {
    const part = typeof chunk === "string" ? new TextEncoder().encode(chunk) : new Uint8Array(chunk);
    parts.push(part);
    size += part.byteLength;
  }
  const all = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    all.set(part, offset);
    offset += part.byteLength;
  }
  return all;
}

/**
 * The bytes and default file name of an upload input: a `Blob`/`File`, an `ArrayBuffer` or
 * typed array (a Node `Buffer` is one), a `ReadableStream` or any async iterable of chunks
 * (Node streams), or in Node a file path.
 */
export async function uploadInput(input) {
  if (typeof Blob !== "undefined" && input instanceof Blob) {
    return { bytes: new Uint8Array(await input.arrayBuffer()), fileName: input.name };
  }
  if (input instanceof ArrayBuffer) return { bytes: new Uint8Array(input) };
  if (ArrayBuffer.isView(input)) {
    return { bytes: new Uint8Array(input.buffer, input.byteOffset, input.byteLength) };
  }
  if (typeof input === "string" || input instanceof URL) {
    if (!isNode) {
      throw new BynderError("uploading a path needs Node; in a browser give a File or Blob", {
        kind: ErrorKind.InvalidArgument,
      });
    }
    const { readFile } = await import("node:fs/promises");
    const { basename } = await import("node:path");
    const { fileURLToPath } = await import("node:url");
    const path = input instanceof URL ? fileURLToPath(input) : input;
    try {
      return { bytes: await readFile(path), fileName: basename(path) };
    } catch (error) {
      throw new BynderError(`cannot read ${path}: ${error.message}`, { kind: ErrorKind.Io, cause: error });
    }
  }
  if (input && typeof input[Symbol.asyncIterator] === "function") return { bytes: await collect(input) };
  if (input && typeof input.getReader === "function") {
    const reader = input.getReader();
    const chunks = {
      async *[Symbol.asyncIterator]() {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          yield value;
        }
      },
    };
    return { bytes: await collect(chunks) };
  }
  throw new BynderError(
    "upload input must be a Blob/File, an ArrayBuffer or typed array, a stream, or (Node) a path",
    { kind: ErrorKind.InvalidArgument },
  );
}

/** A cancellation handle that follows `signal`; `dispose()` stops following it. */
export function cancelFrom(signal) {
  const cancel = new NativeCancel();
  if (!signal) return { cancel, dispose() {} };
  if (signal.aborted) cancel.cancel();
  const abort = () => cancel.cancel();
  signal.addEventListener("abort", abort, { once: true });
  return { cancel, dispose: () => signal.removeEventListener("abort", abort) };
}

function fileNameOf(url) {
  try {
    const last = new URL(url).pathname.split("/").filter(Boolean).pop();
    return last ? decodeURIComponent(last) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Opens the signed location with the host's `fetch` (no Bynder token, no cookies) and answers
 * the body as a stream, counting bytes for `onProgress`.
 */
export async function openDownload(url, { signal, onProgress } = {}) {
  let response;
  try {
    response = await fetch(url, { signal, credentials: "omit", redirect: "follow" });
  } catch (error) {
    if (error?.name === "AbortError") {
      throw new BynderError("the download was cancelled", { kind: ErrorKind.Cancelled, cause: error });
    }
    throw new BynderError(`network error: ${error.message}`, { kind: ErrorKind.Network, cause: error });
  }
  if (!response.ok) {
    throw new BynderError(`the storage host answered ${response.status}`, {
      kind: kindForStatus(response.status),
      status: response.status,
    });
  }
  const header = response.headers.get("content-length");
  const size = header === null ? null : Number(header);
  let body = response.body;
  if (onProgress && body) {
    let received = 0;
    body = body.pipeThrough(
      new TransformStream({
        transform(chunk, controller) {
          received += chunk.byteLength;
          onProgress({ event: "progress", receivedBytes: received, totalBytes: size });
          controller.enqueue(chunk);
        },
        flush() {
          onProgress({ event: "finished", bytes: received });
        },
      }),
    );
  }
  return {
    url,
    fileName: fileNameOf(url),
    size,
    body,
    /** The whole file (reads the stream). */
    async bytes() {
      return new Uint8Array(await new Response(body).arrayBuffer());
    },
  };
}
