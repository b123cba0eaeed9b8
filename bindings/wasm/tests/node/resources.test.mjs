// A call per resource group, identifiers in either form, the generic call, the table.

import assert from "node:assert/strict";
import { test } from "node:test";
import { CF_ID, Client, UNKNOWN_CF_ID, groupAttribute, operations, useMock } from "./helpers.mjs";

const mock = useMock();
const client = () => new Client(mock.portal.httpBase, { permanentToken: mock.portal.permanentToken });

/** `8-4-4-16` -> `8-4-4-4-12`, lower case. */
const rfc4122 = (cf) => `${cf.slice(0, 23)}-${cf.slice(23)}`.toLowerCase();

test("media: list, get by either id form, modify", async () => {
  const bynder = client();
  const page = await bynder.media.list({ limit: 3 });
  assert.equal(page.length, 3);
  const id = page[0].id;
  assert.match(id, CF_ID);
  const one = await bynder.media.get(id);
  assert.equal(one.id, id);
  const again = await bynder.media.get(rfc4122(id));
  assert.equal(again.id, id, "an RFC 4122 id reaches the v4 path converted");
  await bynder.media.modify(id, { name: "renamed by js" });
  assert.equal((await bynder.media.get(id)).name, "renamed by js");
});

test("collections: create, list, get, delete", async () => {
  const bynder = client();
  await bynder.collections.create({ name: "js collection" });
  const all = await bynder.collections.list({ keyword: "js collection" });
  const created = all.find((c) => c.name === "js collection");
  assert.ok(created, `created collection missing from ${JSON.stringify(all.map((c) => c.name))}`);
  assert.equal((await bynder.collections.get(created.id)).name, "js collection");
  await bynder.collections.delete(created.id);
  await assert.rejects(bynder.collections.get(created.id), { kind: "not_found", status: 404 });
});

test("brands, tags, metaproperties, smart filters, account, users, profiles", async () => {
  const bynder = client();
  const brands = await bynder.brands.list();
  assert.ok(brands.length > 0 && brands[0].id);
  const tags = await bynder.tags.list({ limit: 5 });
  assert.ok(Array.isArray(tags) && tags.length > 0);
  const metaproperties = await bynder.metaproperties.list();
  assert.ok(Object.keys(metaproperties).length > 0);
  const first = Object.values(metaproperties)[0];
  assert.equal((await bynder.metaproperties.get(first.id)).id, first.id);
  assert.ok(Array.isArray(await bynder.smartfilters.list()));
  assert.ok((await bynder.account.get()).name);
  assert.ok((await bynder.users.current()).id);
  const profiles = await bynder.profiles.list();
  assert.ok(profiles.length > 0);
  assert.equal((await bynder.profiles.get(profiles[0].id)).id, profiles[0].id);
});

test("tags on media, the generic call, and the table", async () => {
  const bynder = client();
  const [media] = await bynder.media.list({ limit: 1 });
  const [tag] = await bynder.tags.list({ limit: 1 });
  await bynder.tags.addMedia(tag.id, { data: [media.id] });
  const raw = await bynder.call("media.get", { id: media.id });
  assert.equal(raw.id, media.id);
  assert.equal(typeof bynder.upload, "function");
  assert.equal(typeof bynder.uploadApi.prepare, "function");
  const names = operations().map((op) => op.name);
  assert.ok(names.includes("media.get") && names.includes("collections.create"));
  for (const op of operations()) {
    assert.equal(typeof bynder[groupAttribute(op.group)][op.method], "function", op.name);
  }
  await assert.rejects(bynder.media.get(UNKNOWN_CF_ID), { kind: "not_found" });
});
