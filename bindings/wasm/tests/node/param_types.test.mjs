// Typed request parameters (issue 7): a value that cannot be its parameter's type rejects with
// an invalid-argument error naming the parameter, before anything reaches the portal; lenient
// spellings (digits as text, "true", a comma-separated list, a Date) pass.

import assert from "node:assert/strict";
import { test } from "node:test";
import { BynderError, Client, ErrorKind, operations, served, useMock } from "./helpers.mjs";

const mock = useMock();
const client = () => new Client(mock.portal.httpBase, { permanentToken: mock.portal.permanentToken });

test("a wrongly typed option rejects before any request, naming the option", async () => {
  const before = await served(mock.portal, "media.list");
  await assert.rejects(client().media.list({ limit: "ten" }), (error) => {
    assert.ok(error instanceof BynderError);
    assert.equal(error.kind, ErrorKind.InvalidArgument);
    assert.equal(error.status, null);
    assert.equal(error.operation, "media.list");
    assert.match(error.message, /`limit`/);
    assert.match(error.message, /an integer/);
    assert.match(error.message, /"ten"/);
    return true;
  });
  await assert.rejects(client().media.list({ isPublic: "maybe" }), { kind: ErrorKind.InvalidArgument, message: /`isPublic`.*a boolean/ });
  await assert.rejects(client().media.list({ type: { image: true } }), { kind: ErrorKind.InvalidArgument, message: /`type`.*a list of strings/ });
  assert.equal(await served(mock.portal, "media.list"), before, "nothing was sent");
});

test("lenient spellings and Dates pass", async () => {
  const bynder = client();
  assert.equal((await bynder.media.list({ limit: "2" })).length, 2);
  const assets = await bynder.media.list({ type: "image,video", limit: 50, dateCreated: new Date("2000-01-01T00:00:00Z") });
  assert.ok(assets.length > 0);
  for (const asset of assets) assert.ok(["image", "video"].includes(asset.type), asset.type);
  const page = await bynder.call("media.list", { limit: 1, total: "true" });
  assert.ok(page.total.count > 0);
});

test("every operation carries the core's type of each option", () => {
  const kinds = new Set(["any", "string", "integer", "number", "boolean", "date_time", "string_list", "object", "object_list"]);
  for (const op of operations()) {
    assert.deepEqual(Object.keys(op.paramTypes).sort(), [...op.params].sort(), op.name);
    for (const kind of Object.values(op.paramTypes)) assert.ok(kinds.has(kind), `${op.name}: ${kind}`);
  }
  const list = operations().find((op) => op.name === "media.list");
  assert.equal(list.paramTypes.limit, "integer");
  assert.equal(list.paramTypes.isPublic, "boolean");
  assert.equal(list.paramTypes.dateCreated, "date_time");
});
