// Uploads from buffers, Blobs and streams with progress; downloads as streams with progress;
// cancellation with AbortSignal; errors.

import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { afterEach, test } from "node:test";
import { Client, clearFaults, fault, useMock } from "./helpers.mjs";

const mock = useMock();
const client = () => new Client(mock.portal.httpBase, { permanentToken: mock.portal.permanentToken });
const sha256 = (bytes) => createHash("sha256").update(bytes).digest("hex");
let brandId;

afterEach(() => clearFaults(mock.portal));

async function brand(bynder) {
  brandId ??= (await bynder.brands.list())[0].id;
  return brandId;
}

test("a Buffer upload in parallel chunks, with progress, then a streamed download", async () => {
  const bynder = client();
  const data = randomBytes(5 * 1024 * 1024 + 123);
  const events = [];
  const saved = await bynder.upload(data, {
    fileName: "buffer.bin",
    brandId: await brand(bynder),
    tags: ["js"],
    chunkSize: 1024 * 1024,
    parallelism: 3,
    onProgress: (event) => events.push(event),
  });
  assert.equal(saved.bytes, data.length);
  assert.equal(saved.chunks, 6);
  assert.equal(saved.sha256, sha256(data));
  assert.equal(saved.fileName, "buffer.bin");
  const kinds = new Set(events.map((e) => e.event));
  for (const kind of ["started", "chunkSent", "finalising", "saved"]) assert.ok(kinds.has(kind), `${kind} in ${[...kinds]}`);
  const last = events.filter((e) => e.event === "chunkSent").at(-1);
  assert.equal(last.sentBytes, data.length);

  const progress = [];
  const download = await bynder.download(saved.mediaId, { onProgress: (e) => progress.push(e) });
  assert.equal(download.size, data.length);
  assert.ok(!new URL(download.url).searchParams.has("access_token"));
  const hash = createHash("sha256");
  for await (const chunk of Readable.fromWeb(download.body)) hash.update(chunk);
  assert.equal(hash.digest("hex"), sha256(data));
  assert.equal(progress.at(-1).event, "finished");
  assert.equal(progress.at(-1).bytes, data.length);
});

test("a Blob and a stream upload; new version; S3 flow", async () => {
  const bynder = client();
  const text = "hello from a blob\n".repeat(1000);
  const fromBlob = await bynder.upload(new Blob([text]), { fileName: "blob.txt", brandId: await brand(bynder) });
  assert.equal(fromBlob.bytes, text.length);
  const download = await bynder.download(fromBlob.mediaId);
  assert.equal(new TextDecoder().decode(await download.bytes()), text);

  const stream = Readable.from([Buffer.from("part one,"), Buffer.from("part two")]);
  const version = await bynder.upload(stream, { fileName: "v2.txt", newVersionOf: fromBlob.mediaId });
  assert.equal(version.mediaId, fromBlob.mediaId);
  assert.deepEqual(version.target, { kind: "new_version", mediaId: fromBlob.mediaId });
  assert.equal(version.bytes, "part one,part two".length);

  const s3 = await bynder.upload(new Uint8Array(70_000).fill(7), { fileName: "s3.bin", brandId: await brand(bynder), flow: "s3" });
  assert.equal(s3.flow, "s3");
  assert.equal(s3.bytes, 70_000);
});

test("AbortSignal cancels an upload: no asset is saved", async () => {
  const bynder = client();
  const saves = async () => (await mock.portal.stats()).by_operation["upload.save"] ?? 0;
  const savedBefore = await saves();
  await fault(mock.portal, { target: { operation: "upload.chunk" }, fault: { latency_ms: 1500 } });
  const controller = new AbortController();
  const upload = bynder.upload(randomBytes(3 * 1024 * 1024), {
    fileName: "cancelled.bin",
    brandId: await brand(bynder),
    chunkSize: 1024 * 1024,
    signal: controller.signal,
  });
  setTimeout(() => controller.abort(), 200);
  const started = Date.now();
  await assert.rejects(upload, { name: "BynderError", kind: "cancelled" });
  assert.ok(Date.now() - started < 1400, "cancelled promptly, not after the slow chunk");
  await new Promise((done) => setTimeout(done, 1600)); // past the slow chunks
  assert.equal(await saves(), savedBefore, "nothing saved");
});

test("a corrupted chunk is re-sent and the upload still verifies", async () => {
  const bynder = client();
  await fault(mock.portal, { target: { operation: "upload.chunk" }, fault: "corrupt", times: 1 });
  const data = randomBytes(2 * 1024 * 1024);
  const events = [];
  const saved = await bynder.upload(data, {
    fileName: "retry.bin",
    brandId: await brand(bynder),
    chunkSize: 1024 * 1024,
    onProgress: (e) => events.push(e),
  });
  assert.equal(saved.sha256, sha256(data));
  assert.ok(events.some((e) => e.event === "chunkRetry"), "the bad chunk was sent again");
});

test("upload and download errors", async () => {
  const bynder = client();
  await assert.rejects(bynder.upload(new Uint8Array(3), { brandId: await brand(bynder) }), {
    kind: "invalid_argument",
    message: /fileName/,
  });
  await assert.rejects(bynder.upload(new Uint8Array(3), { fileName: "a.bin" }), { kind: "invalid_argument" });
  await assert.rejects(bynder.upload(42, { fileName: "a.bin" }), { kind: "invalid_argument" });
  await assert.rejects(bynder.upload(new Uint8Array(3), { fileName: "a.bin", brand: "x" }), /unknown option "brand"/);
  await assert.rejects(bynder.download("00000000-0000-0000-0000000000000000"), { kind: "not_found", status: 404 });
  await assert.rejects(bynder.upload("/no/such/file.jpg", { brandId: await brand(bynder) }), { kind: "io" });
});
