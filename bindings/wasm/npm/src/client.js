// `Client`: one Promise method per operation of the core's table, grouped by resource, plus
// auth, pagination, uploads and downloads. Everything runs in the Rust core (wasm): OAuth2,
// rate limiting, retries, identifier conversion.

import { NativeClient } from "../pkg/bynder_wasm.js";
import { host } from "./defaults.js";
import { BynderError, ErrorKind, guarded } from "./errors.js";
import { operationTable, wireParams } from "./operations.js";
import { camel, renameKeys, snake } from "./names.js";
import { cancelFrom, openDownload, uploadInput } from "./transfer.js";

const CLIENT_OPTIONS = new Set([
  "permanentToken", "clientId", "clientSecret", "redirectUri", "scopes", "token", "timeoutMs",
  "userAgent", "rateLimit", "maxAttempts", "onToken",
]);
const UPLOAD_OPTIONS = new Set([
  "brandId", "name", "description", "tags", "metaproperties", "fields", "newVersionOf",
  "additionalTo", "chunkSize", "parallelism", "flow", "fileName", "resume", "onProgress", "signal",
]);
const DOWNLOAD_OPTIONS = new Set(["additional", "version", "itemId", "onProgress", "signal"]);

function checkOptions(options, allowed, what) {
  for (const key of Object.keys(options)) {
    if (!allowed.has(key)) {
      throw new BynderError(`${what}: unknown option ${JSON.stringify(key)} (known: ${[...allowed].join(", ")})`, {
        kind: ErrorKind.InvalidArgument,
      });
    }
  }
}

/** The portal's answer: JSON parsed, `null` for an empty body, text when it is not JSON. */
function parse(text) {
  if (text === undefined || text === "") return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function tokenFromCore(text) {
  return text === undefined ? null : renameKeys(JSON.parse(text), camel);
}

export class Client {
  #native;

  /**
   * @param {string} portal  e.g. `https://acme.bynder.com`
   * @param {object} options permanentToken | clientId + clientSecret (+ scopes) | clientId +
   *   redirectUri (+ token) ; timeoutMs, userAgent, rateLimit, onToken
   */
  constructor(portal, options = {}) {
    if (typeof portal !== "string") {
      throw new BynderError("new Client(portal, options): portal must be a URL string", {
        kind: ErrorKind.InvalidArgument,
      });
    }
    checkOptions(options, CLIENT_OPTIONS, "new Client");
    const { onToken, token, ...rest } = options;
    const config = renameKeys({ portal, ...rest }, snake);
    if (token) config.token = renameKeys(token, snake);
    const hook = onToken ? (text) => onToken(tokenFromCore(text)) : undefined;
    try {
      this.#native = new NativeClient(JSON.stringify(config), hook, host.transport);
    } catch (error) {
      throw guardedSync(error);
    }
    for (const [group, ops] of Object.entries(operationTable().groups)) {
      const methods = {};
      for (const op of ops) {
        methods[op.method] = (...args) => this.#call(op, args);
        if (op.iterator) methods[op.iterator] = (...args) => this.#iterate(op, args, "items");
        if (op.iterator) methods[camel(`${op.iterator}_pages`)] = (...args) => this.#iterate(op, args, "pages");
      }
      Object.defineProperty(this, groupAttribute(group), { value: Object.freeze(methods), enumerable: true });
    }
  }

  /** The portal URL. */
  get portal() {
    return this.#native.portal;
  }

  /**
   * Runs any operation by its table name with Bynder's own parameter names; an operation that
   * answers bytes (an image) answers a `Uint8Array`.
   */
  call(name, params = {}) {
    return guarded(() => this.#send(operationTable().byName.get(name)?.binary === true, name, params));
  }

  #call(op, args) {
    return guarded(() => this.#send(op.binary, op.name, wireParams(op, args)));
  }

  async #send(binary, name, params) {
    const text = JSON.stringify(params);
    if (binary) return await this.#native.callBytes(name, text);
    return parse(await this.#native.call(name, text));
  }

  async *#iterate(op, args, what) {
    let pager;
    try {
      pager = this.#native.pages(op.name, JSON.stringify(wireParams(op, args)));
    } catch (error) {
      throw guardedSync(error);
    }
    try {
      for (;;) {
        const text = await guarded(() => pager.next());
        if (text === undefined) return;
        const page = JSON.parse(text);
        if (what === "pages") yield page;
        else yield* page.items;
      }
    } finally {
      pager.free();
    }
  }

  /** The consent URL of the authorization-code flow; keep the answer until the redirect. */
  authorizationRequest(scopes) {
    try {
      return renameKeys(JSON.parse(this.#native.authorizationRequest(scopes)), camel);
    } catch (error) {
      throw guardedSync(error);
    }
  }

  /** Checks the redirect against `request`, exchanges the code (PKCE), keeps the token. */
  exchangeCode(request, redirectUrl) {
    return guarded(async () =>
      tokenFromCore(await this.#native.exchangeCode(JSON.stringify(renameKeys(request, snake)), redirectUrl)),
    );
  }

  /** The current OAuth2 token, or `null` (permanent tokens). */
  token() {
    return guarded(async () => tokenFromCore(await this.#native.token()));
  }

  /** Counters: requests, retries, rateLimited, reauthentications, tokenRequests. */
  stats() {
    return renameKeys(JSON.parse(this.#native.stats()), camel);
  }

  /**
   * Uploads a file (Blob/File, buffer, stream, or a path in Node) as a new asset (`brandId`),
   * a new version (`newVersionOf`) or an additional file (`additionalTo`).
   */
  upload(input, options = {}) {
    return guarded(async () => {
      checkOptions(options, UPLOAD_OPTIONS, "upload");
      const { onProgress, signal, resume, ...rest } = options;
      const { bytes, fileName } = await uploadInput(input);
      const settings = renameKeys({ fileName, ...rest }, snake);
      if (resume) settings.resume = resume;
      const { cancel, dispose } = cancelFrom(signal);
      const progress = onProgress ? (text) => onProgress(eventFromCore(text)) : undefined;
      try {
        const text = await this.#native.upload(bytes, JSON.stringify(settings), progress, cancel.handle());
        const { response, ...outcome } = JSON.parse(text);
        return { ...renameKeys(outcome, camel), response };
      } finally {
        dispose();
        cancel.free();
      }
    });
  }

  /** The signed URL of an asset's file (`version`, `itemId` or `additional` to choose). */
  downloadLocation(mediaId, options = {}) {
    return guarded(async () => {
      checkOptions(options, DOWNLOAD_OPTIONS, "downloadLocation");
      const { onProgress: _p, signal: _s, ...which } = options;
      return this.#native.downloadLocation(mediaId, JSON.stringify(renameKeys(which, snake)));
    });
  }

  /**
   * Opens an asset's file as a stream: `{url, fileName, size, body: ReadableStream, bytes()}`.
   * The Bynder token is never sent to the storage host.
   */
  download(mediaId, options = {}) {
    return guarded(async () => {
      const url = await this.downloadLocation(mediaId, options);
      return openDownload(url, options);
    });
  }
}

/** The client property of a resource group: its camelCase name, with `Api` added when a
 * method of the client has that name (the `upload` group beside `client.upload()`). */
export function groupAttribute(group) {
  const name = camel(group);
  return name in Client.prototype ? `${name}Api` : name;
}

function guardedSync(error) {
  if (error && typeof error === "object" && typeof error.kind === "string" && !(error instanceof BynderError)) {
    return new BynderError(error.message, error);
  }
  return error;
}

/** Upload events as JS sees them: camelCase keys (`chunk_sent` -> `chunkSent`), resume state kept whole. */
function eventFromCore(text) {
  const { state, ...event } = JSON.parse(text);
  const out = renameKeys(event, camel);
  out.event = camel(event.event);
  if (state !== undefined) out.state = state;
  return out;
}

