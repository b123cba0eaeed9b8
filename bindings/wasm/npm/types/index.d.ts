// The package's declarations. Operation methods (client.media.get, ...) are generated from the
// core's table into operations.d.ts by tools/generate-types.mjs.

import type { Groups, Scope } from "./operations.js";

export * from "./models.js";
export type * from "./operations.js";

/** The stable error kinds, as `BynderError.kind` spells them. */
export declare const ErrorKind: {
  readonly InvalidArgument: "invalid_argument";
  readonly InvalidId: "invalid_id";
  readonly UnknownOperation: "unknown_operation";
  readonly Authentication: "authentication";
  readonly Forbidden: "forbidden";
  readonly NotFound: "not_found";
  readonly Conflict: "conflict";
  readonly Validation: "validation";
  readonly RateLimited: "rate_limited";
  readonly Server: "server";
  readonly UnexpectedStatus: "unexpected_status";
  readonly Network: "network";
  readonly Timeout: "timeout";
  readonly Decode: "decode";
  readonly OAuth: "oauth";
  readonly OAuthState: "oauth_state";
  readonly Cancelled: "cancelled";
  readonly Io: "io";
  readonly Integrity: "integrity";
  readonly Internal: "internal";
};
export type ErrorKindName = (typeof ErrorKind)[keyof typeof ErrorKind];
/** The stable number of each kind (also the C library's status codes). */
export declare const ErrorCode: Readonly<Record<ErrorKindName, number>>;

/** Every failure: a real `Error` with the kind, Bynder's HTTP status and request id. */
export declare class BynderError extends Error {
  constructor(
    message: string,
    details?: { kind?: ErrorKindName; code?: number; status?: number | null; requestId?: string | null; operation?: string | null; cause?: unknown },
  );
  readonly name: "BynderError";
  readonly kind: ErrorKindName;
  readonly code: number;
  /** The HTTP status when the portal answered, else `null`. */
  readonly status: number | null;
  readonly requestId: string | null;
  /** The operation that failed, e.g. `media.get`. */
  readonly operation: string | null;
}

/** An OAuth2 token set, as `onToken` receives it and `token` takes it back. */
export interface Token {
  accessToken: string;
  refreshToken?: string;
  issuedAt: number;
  expiresAt?: number;
  scope: string;
}

export interface RateLimitSettings {
  windowS?: number;
  windowLimit?: number;
  perSecond?: number;
  blockPauseS?: number;
}

interface CommonOptions {
  /** Per-request timeout in milliseconds (default 60 000). */
  timeoutMs?: number;
  userAgent?: string;
  /** `"bynder"` (default: 4500 requests per 5 minutes), `"unlimited"` (a local portal only), or numbers. */
  rateLimit?: "bynder" | "unlimited" | RateLimitSettings;
  /** Attempts per request, the first included (default 4; 1 never retries). */
  maxAttempts?: number;
  /** Receives every new OAuth2 token, to persist it. */
  onToken?: (token: Token) => void;
}

/** One way to authenticate, plus common options. */
export type ClientOptions = CommonOptions &
  (
    | { permanentToken: string }
    | { /** Node only: a secret must never ship in a browser bundle. */ clientId: string; clientSecret: string; scopes?: Scope[] }
    | { clientId: string; redirectUri: string; clientSecret?: string; token?: Token }
  );

/** Kept from `authorizationRequest` until the portal redirects back (e.g. in sessionStorage). */
export interface AuthorizationRequest {
  url: string;
  state: string;
  pkceVerifier: string;
  redirectUri: string;
  scopes: string[];
}

export type UploadEvent =
  | { event: "started"; fileName: string; totalBytes: number | null; chunkSize: number; chunks: number | null; resumedChunks: number; resumedBytes: number }
  | { event: "chunkSent"; index: number; bytes: number; sentBytes: number; totalBytes: number | null }
  | { event: "chunkRetry"; index: number; attempt: number; error: string }
  | { event: "checkpoint"; state: UploadState }
  | { event: "finalising" }
  | { event: "polling"; attempt: number }
  | { event: "saved"; mediaId: string };

/** The record that resumes an interrupted upload (pass it back as `resume`). */
export type UploadState = Record<string, unknown>;

/** Something to upload: browsers give a `File`/`Blob`, Node a Buffer, a stream or a path. */
export type UploadInput = Blob | ArrayBuffer | ArrayBufferView | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array | string> | string | URL;

export interface UploadOptions {
  /** The brand of a new asset (required unless `newVersionOf`/`additionalTo`). */
  brandId?: string;
  /** The file name the portal gets; taken from a `File` or path when absent. */
  fileName?: string;
  name?: string;
  description?: string;
  tags?: string[];
  /** Metaproperty id → option id(s). */
  metaproperties?: Record<string, string | string[]>;
  /** Any other field of Bynder's save call, sent as given. */
  fields?: Record<string, unknown>;
  newVersionOf?: string;
  additionalTo?: string;
  /** Bytes per chunk (default 16 MiB for the Files Service, at least 5 MiB for S3). */
  chunkSize?: number;
  /** Chunks in flight (default 4). */
  parallelism?: number;
  flow?: "files_service" | "s3";
  resume?: UploadState;
  onProgress?: (event: UploadEvent) => void;
  /** Aborting it cancels the upload: it rejects with kind `cancelled` and nothing is saved. */
  signal?: AbortSignal;
}

export interface UploadOutcome {
  mediaId: string;
  target: { kind: "new_asset" } | { kind: "new_version" | "additional"; mediaId: string };
  flow: "files_service" | "s3";
  importId: string;
  fileName: string;
  bytes: number;
  chunks: number;
  sha256: string;
  /** The portal's answer to the save call. */
  response: unknown;
}

export type DownloadEvent = { event: "progress"; receivedBytes: number; totalBytes: number | null } | { event: "finished"; bytes: number };

export interface DownloadOptions {
  /** This version's original. */
  version?: number;
  /** This media item (a derivative or rendition). */
  itemId?: string;
  /** The asset's additional file. */
  additional?: boolean;
  onProgress?: (event: DownloadEvent) => void;
  signal?: AbortSignal;
}

export interface Download {
  /** The signed storage URL (fetched without the Bynder token). */
  url: string;
  fileName: string | undefined;
  /** Bytes announced by the storage host, when it did. */
  size: number | null;
  body: ReadableStream<Uint8Array>;
  /** Reads the whole file. */
  bytes(): Promise<Uint8Array>;
}

export interface Page<T> {
  items: T[];
  number: number;
  total: number | null;
}

export interface ClientStats {
  requests: number;
  retries: number;
  rateLimited: number;
  reauthentications: number;
  tokenRequests: number;
}

export interface Operation {
  name: string;
  group: string;
  action: string;
  method: string;
  iterator: string | null;
  summary: string;
  httpMethod: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  pathParams: string[];
  params: string[];
  paging: string;
  scopes: string[];
  /** The model the call answers, when the table names one. */
  result: { shape: "one" | "list" | "by_name"; model: string } | null;
  /** The model of each item of a paged operation, when the table names one. */
  item: string | null;
  /** Whether the call answers bytes (an image, as a `Uint8Array`) rather than JSON. */
  binary: boolean;
}

export declare class Client {
  /** `new Client("https://acme.bynder.com", { permanentToken })` */
  constructor(portal: string, options: ClientOptions);
  readonly portal: string;
  /** Any operation by its table name, with Bynder's own parameter names (a `Uint8Array` for an operation that answers bytes). */
  call(name: string, params?: Record<string, unknown>): Promise<unknown>;
  authorizationRequest(scopes: Scope[]): AuthorizationRequest;
  exchangeCode(request: AuthorizationRequest, redirectUrl: string): Promise<Token>;
  token(): Promise<Token | null>;
  stats(): ClientStats;
  upload(input: UploadInput, options?: UploadOptions): Promise<UploadOutcome>;
  downloadLocation(mediaId: string, options?: DownloadOptions): Promise<string>;
  download(mediaId: string, options?: DownloadOptions): Promise<Download>;
}
export interface Client extends Groups {}

export declare function operations(): readonly Operation[];
/** The client property of a resource group (`upload` → `uploadApi`, beside `client.upload()`). */
export declare function groupAttribute(group: string): string;
export declare function scopes(): string[];
export declare function version(): string;
