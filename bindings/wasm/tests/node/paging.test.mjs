// Pagination as async iterators: every item once, across pages, and pages with their numbers.

import assert from "node:assert/strict";
import { test } from "node:test";
import { Client, clearFaults, fault, useMock } from "./helpers.mjs";

const mock = useMock();
const client = () => new Client(mock.portal.httpBase, { permanentToken: mock.portal.permanentToken });

test("iter walks every asset once, page after page", async () => {
  const bynder = client();
  const total = (await bynder.call("media.list", { total: 1, limit: 1 })).total.count;
  assert.ok(total > 10, `the seeded portal has ${total} assets`);
  const ids = [];
  for await (const media of bynder.media.iter({ limit: 7 })) ids.push(media.id);
  assert.equal(ids.length, total);
  assert.equal(new Set(ids).size, total, "no asset twice");
});

test("iterPages yields numbered pages; breaking early stops fetching", async () => {
  const bynder = client();
  const numbers = [];
  for await (const page of bynder.media.iterPages({ limit: 5 })) {
    assert.ok(page.items.length <= 5);
    numbers.push(page.number);
    if (numbers.length === 2) break;
  }
  assert.deepEqual(numbers, [1, 2]);
  const requests = bynder.stats().requests;
  assert.ok(requests <= 3, `at most one page fetched ahead, saw ${requests} requests`);
});

test("other paged operations iterate too (tags, collections)", async () => {
  const bynder = client();
  const tags = [];
  for await (const tag of bynder.tags.iter({ limit: 2 })) tags.push(tag);
  assert.equal(tags.length, (await bynder.tags.list({ limit: 1000 })).length);
  let collections = 0;
  for await (const _ of bynder.collections.iter()) collections += 1;
  assert.ok(collections > 0);
});

test("a failing page rejects the iterator with a BynderError", async () => {
  await fault(mock.portal, { target: { operation: "tags.list" }, fault: { status: 400 }, times: 1 });
  try {
    const iterator = client().tags.iter({ limit: 3 });
    await assert.rejects(iterator.next(), { name: "BynderError", kind: "validation", status: 400 });
  } finally {
    await clearFaults(mock.portal);
  }
});
