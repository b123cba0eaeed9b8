// Errors: kinds, statuses, request ids, retries, timeouts, and checks before any request.

import assert from "node:assert/strict";
import { afterEach, test } from "node:test";
import { BynderError, Client, ErrorCode, ErrorKind, UNKNOWN_CF_ID, clearFaults, fault, served, useMock } from "./helpers.mjs";

const mock = useMock();
const client = (options = {}) =>
  new Client(mock.portal.httpBase, { permanentToken: mock.portal.permanentToken, ...options });

afterEach(() => clearFaults(mock.portal));

test("404 is not_found with status and operation", async () => {
  await assert.rejects(client().media.get(UNKNOWN_CF_ID), (error) => {
    assert.ok(error instanceof BynderError);
    assert.equal(error.kind, ErrorKind.NotFound);
    assert.equal(error.code, ErrorCode.not_found);
    assert.equal(error.status, 404);
    assert.equal(error.operation, "media.get");
    assert.ok(error.stack, "a real Error with a stack");
    return true;
  });
});

test("a malformed id fails before any request", async () => {
  const before = await served(mock.portal, "media.get");
  await assert.rejects(client().media.get("not-an-id"), { kind: ErrorKind.InvalidId, status: null });
  assert.equal(await served(mock.portal, "media.get"), before);
});

test("a 503 is retried and then succeeds; a lasting 503 is a server error", async () => {
  await fault(mock.portal, { target: { operation: "brands.list" }, fault: { status: 503 }, times: 1 });
  const bynder = client();
  assert.ok((await bynder.brands.list()).length > 0);
  assert.equal(bynder.stats().retries, 1);
  await fault(mock.portal, { target: { operation: "brands.list" }, fault: { status: 503 } });
  await assert.rejects(bynder.brands.list(), { kind: ErrorKind.Server, status: 503 });
});

test("429 from the portal is rate_limited once retries run out", async () => {
  await fault(mock.portal, { target: { operation: "tags.list" }, fault: "rate_limit" });
  // A policy of its own, so the pause after a 429 stays short and with this client.
  const bynder = client({ rateLimit: { windowLimit: 0, perSecond: 0, blockPauseS: 0.05 }, maxAttempts: 2 });
  await assert.rejects(bynder.tags.list(), { kind: ErrorKind.RateLimited, status: 429 });
  assert.equal(bynder.stats().rateLimited, 2);
});

test("a slow answer past timeoutMs is a timeout", async () => {
  await fault(mock.portal, { target: { operation: "account.get" }, fault: { latency_ms: 3000 } });
  const started = Date.now();
  await assert.rejects(client({ timeoutMs: 300 }).account.get(), { kind: ErrorKind.Timeout });
  assert.ok(Date.now() - started < 2900, "the timeout cut the wait short");
});

test("a refused connection is a network error", async () => {
  const bynder = new Client("http://127.0.0.1:1", { permanentToken: "x" });
  await assert.rejects(bynder.brands.list(), { kind: ErrorKind.Network });
});

test("bad arguments: unknown operation, missing path value, non-object options", async () => {
  const bynder = client();
  await assert.rejects(bynder.call("media.fly", {}), { kind: ErrorKind.UnknownOperation });
  await assert.rejects(bynder.media.get(), TypeError);
  await assert.rejects(bynder.media.list("limit=3"), TypeError);
});
