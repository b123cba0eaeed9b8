// Every failure is a `BynderError`: a real `Error` with `kind`, `code`, `status`, `requestId`.

/** The core's stable error kinds, as `error.kind` spells them (the same in every language). */
export const ErrorKind = Object.freeze({
  InvalidArgument: "invalid_argument",
  InvalidId: "invalid_id",
  UnknownOperation: "unknown_operation",
  Authentication: "authentication",
  Forbidden: "forbidden",
  NotFound: "not_found",
  Conflict: "conflict",
  Validation: "validation",
  RateLimited: "rate_limited",
  Server: "server",
  UnexpectedStatus: "unexpected_status",
  Network: "network",
  Timeout: "timeout",
  Decode: "decode",
  OAuth: "oauth",
  OAuthState: "oauth_state",
  Cancelled: "cancelled",
  Io: "io",
  Integrity: "integrity",
  Internal: "internal",
});

/** The stable number of each kind (`error.code`; the C library's status codes). */
export const ErrorCode = Object.freeze({
  invalid_argument: 1,
  invalid_id: 2,
  unknown_operation: 3,
  authentication: 10,
  forbidden: 11,
  not_found: 12,
  conflict: 13,
  validation: 14,
  rate_limited: 15,
  server: 16,
  unexpected_status: 17,
  network: 20,
  timeout: 21,
  decode: 22,
  oauth: 30,
  oauth_state: 31,
  cancelled: 40,
  io: 41,
  integrity: 42,
  internal: 99,
});

export class BynderError extends Error {
  /**
   * @param {string} message
   * @param {{kind?: string, code?: number, status?: number|null, requestId?: string|null,
   *          operation?: string|null, cause?: unknown}} [details]
   */
  constructor(message, details = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = "BynderError";
    this.kind = details.kind ?? ErrorKind.Internal;
    this.code = details.code ?? ErrorCode[this.kind] ?? ErrorCode.internal;
    this.status = details.status ?? null;
    this.requestId = details.requestId ?? null;
    this.operation = details.operation ?? null;
  }
}

/** Turns whatever a native call threw into a `BynderError` (a JS bug stays what it is). */
export function toBynderError(error) {
  if (error instanceof BynderError) return error;
  if (error && typeof error === "object" && typeof error.kind === "string") {
    return new BynderError(error.message, error);
  }
  if (error && error.name === "AbortError") {
    return new BynderError("the transfer was cancelled", { kind: ErrorKind.Cancelled, cause: error });
  }
  if (error instanceof TypeError && /fetch/i.test(error.message)) {
    return new BynderError(`network error: ${error.message}`, { kind: ErrorKind.Network, cause: error });
  }
  return error;
}

/** Runs `work`, turning native failures into `BynderError`s. */
export async function guarded(work) {
  try {
    return await work();
  } catch (error) {
    throw toBynderError(error);
  }
}

/** The error kind for an HTTP status from a storage host. */
export function kindForStatus(status) {
  if (status === 401) return ErrorKind.Authentication;
  if (status === 403) return ErrorKind.Forbidden;
  if (status === 404) return ErrorKind.NotFound;
  if (status === 429) return ErrorKind.RateLimited;
  if (status >= 500) return ErrorKind.Server;
  return ErrorKind.UnexpectedStatus;
}
