// The official JS SDK (@bynder/bynder-js-sdk 2.5.2, unmodified) against bynder-mock over http.
// Every test asserts values taken from the mock's answers.

import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, test } from "node:test";

import Bynder from "@bynder/bynder-js-sdk";

import { CF_ID, UNKNOWN_CF_ID, grantCount, startMock } from "./bynder-mock.mjs";

// Loopback redirect URIs are accepted without registration; the code is read from Location.
const REDIRECT_URI = "http://127.0.0.1:53682/callback";
const AUTH_CODE_SCOPE = "offline asset:read collection:read";
const TIMEOUT = { timeout: 60_000 };

function assertCfIds(items, what) {
  assert.ok(Array.isArray(items) && items.length > 0, `expected a non-empty array of ${what}, got ${JSON.stringify(items)}`);
  for (const item of items) assert.match(String(item?.id), CF_ID, `${what} id not in 8-4-4-16 form: ${JSON.stringify(item)}`);
}

async function assertRejectsWithStatus(promise, status) {
  await assert.rejects(promise, (err) => {
    const got = err?.response?.status ?? err?.status;
    assert.equal(got, status, `expected HTTP ${status}, got ${got}: ${JSON.stringify(err?.response?.data ?? err?.message)}`);
    return true;
  });
}

function apiBase(portal) {
  return `${portal.httpBase}/api/`;
}

describe("official JS SDK, permanent token", TIMEOUT, () => {
  let portal;
  let bynder;

  before(async () => {
    portal = await startMock();
    bynder = new Bynder({ baseURL: apiBase(portal), permanentToken: portal.permanentToken });
  });
  after(async () => {
    await portal?.stop();
  });

  // The SDK has no download call: ask the portal for the location, then fetch it
  // without the token, as a browser would.
  async function download(mediaId, path = "download/") {
    const response = await fetch(`${apiBase(portal)}v4/media/${mediaId}/${path}`, {
      headers: { Authorization: `Bearer ${portal.permanentToken}` },
    });
    assert.equal(response.status, 200, await response.clone().text());
    const { s3_file: location } = await response.json();
    const file = await fetch(location);
    assert.equal(file.status, 200, await file.clone().text());
    return Buffer.from(await file.arrayBuffer());
  }

  test("getBrands", async () => {
    const brands = await bynder.getBrands();
    assertCfIds(brands, "brands");
    for (const brand of brands) assert.ok(typeof brand.name === "string" && brand.name, JSON.stringify(brand));
  });

  test("getTags with limit and keyword", async () => {
    const tags = await bynder.getTags({ limit: 2 });
    assertCfIds(tags, "tags");
    assert.ok(tags.length <= 2, `limit=2 answered ${tags.length} tags`);
    const name = tags[0].tag;
    const keyword = name.slice(0, Math.max(3, Math.floor(name.length / 2)));
    const matching = await bynder.getTags({ keyword, limit: 100 });
    assert.ok(matching.some((tag) => tag.tag === name), `keyword ${keyword} lost tag ${name}`);
    for (const tag of matching) assert.ok(tag.tag.toLowerCase().includes(keyword.toLowerCase()), JSON.stringify(tag));
  });

  test("getMediaList paging and type filter", async () => {
    const first = await bynder.getMediaList({ limit: 2, page: 1 });
    assertCfIds(first, "assets");
    assert.ok(first.length <= 2);
    const second = await bynder.getMediaList({ limit: 2, page: 2 });
    assertCfIds(second, "assets (page 2)");
    const firstIds = new Set(first.map((a) => a.id));
    assert.ok(!second.some((a) => firstIds.has(a.id)), "pages 1 and 2 overlap");

    const type = first[0].type;
    const typed = await bynder.getMediaList({ type, limit: 50 });
    assertCfIds(typed, `${type} assets`);
    assert.deepEqual([...new Set(typed.map((a) => a.type))], [type]);
    assert.ok(typed.some((a) => a.id === first[0].id));
  });

  test("getMediaInfo of a listed asset", async () => {
    const [listed] = await bynder.getMediaList({ limit: 1 });
    const info = await bynder.getMediaInfo({ id: listed.id });
    assert.equal(info.id, listed.id);
    assert.equal(info.name, listed.name);
    const withVersions = await bynder.getMediaInfo({ id: listed.id, versions: 1 });
    assert.ok(Array.isArray(withVersions.mediaItems) && withVersions.mediaItems.length > 0, "versions=1 must include mediaItems");
  });

  test("getMetaproperties", async () => {
    const properties = await bynder.getMetaproperties();
    assertCfIds(properties, "metaproperties");
    for (const prop of properties) assert.ok(typeof prop.name === "string" && prop.name, JSON.stringify(prop));
  });

  test("getCollections and getCollection", async () => {
    const collections = await bynder.getCollections({ limit: 5 });
    assertCfIds(collections, "collections");
    assert.ok(collections.length <= 5);
    const wanted = collections[collections.length - 1];
    const info = await bynder.getCollection({ id: wanted.id });
    assert.equal(info.id, wanted.id);
    assert.equal(info.name, wanted.name);
  });

  test("editMedia (id in the form body) then getMediaInfo", async () => {
    const listed = await bynder.getMediaList({ limit: 5 });
    const asset = listed[listed.length - 1];
    const name = `compat-js-${randomBytes(4).toString("hex")}`;
    await bynder.editMedia({ id: asset.id, name });
    const info = await bynder.getMediaInfo({ id: asset.id });
    assert.equal(info.name, name);
  });

  test("uploadFile in 5 MiB parts, then the download location serves the bytes", async () => {
    const body = randomBytes(12 * 1024 * 1024);
    const [brand] = await bynder.getBrands();
    const before = (await portal.stats()).by_operation;
    const progress = [];
    const saved = await bynder.uploadFile(
      { filename: "compat-js.png", body, length: body.length, data: { brandId: brand.id, name: "compat js upload", tags: "compat,js" } },
      (state) => progress.push(state.action),
    );
    assert.equal(saved.success, true, JSON.stringify(saved));
    assert.match(saved.mediaid, CF_ID);
    assert.ok(progress.includes("Saving asset"), JSON.stringify(progress));

    const info = await bynder.getMediaInfo({ id: saved.mediaid, versions: 1 });
    assert.equal(info.name, "compat js upload");
    assert.equal(info.type, "image");
    assert.equal(info.fileSize, body.length);
    assert.deepEqual([...info.tags].sort(), ["compat", "js"]);
    assert.deepEqual(await download(saved.mediaid), body);

    const after = (await portal.stats()).by_operation;
    const sent = (name) => (after[name] ?? 0) - (before[name] ?? 0);
    // Three parts: three S3 POSTs and registrations, a finalise, and the save with importId in the form.
    assert.equal(sent("s3.upload"), 3);
    assert.equal(sent("upload.s3_register_form"), 3);
    assert.equal(sent("upload.s3_register"), 1);
    assert.equal(sent("upload.save"), 1);
  });

  test("uploadFile as an additional file of an asset", async () => {
    const body = randomBytes(256 * 1024);
    const [asset] = await bynder.getMediaList({ limit: 1 });
    const saved = await bynder.uploadFile({
      filename: "extra.pdf",
      body,
      length: body.length,
      data: { brandId: asset.brandId, id: asset.id },
      additional: true,
    });
    assert.equal(saved.mediaid, asset.id, JSON.stringify(saved));
    const info = await bynder.getMediaInfo({ id: asset.id, versions: 1 });
    const extra = info.mediaItems.filter((item) => item.type === "additional" && item.fileName === "extra.pdf");
    assert.equal(extra.length, 1, JSON.stringify(info.mediaItems));
    assert.deepEqual(await download(asset.id, `download/${extra[0].id}/`), body);
  });

  test("unknown collection and asset reject with 404", async () => {
    await assertRejectsWithStatus(bynder.getCollection({ id: UNKNOWN_CF_ID }), 404);
    await assertRejectsWithStatus(bynder.getMediaInfo({ id: UNKNOWN_CF_ID }), 404);
  });

  test("a wrong permanent token rejects with 401", async () => {
    const stranger = new Bynder({ baseURL: apiBase(portal), permanentToken: `not-${portal.permanentToken}` });
    await assertRejectsWithStatus(stranger.getMediaList({ limit: 1 }), 401);
  });

  test("getTokenClientCredentials (HTTP Basic client auth) then a read", async () => {
    const before = grantCount(await portal.stats(), "client_credentials");
    const oauth = new Bynder({ baseURL: apiBase(portal), clientId: portal.clientId, clientSecret: portal.clientSecret });
    const token = await oauth.getTokenClientCredentials();
    assert.ok(typeof token.token.access_token === "string" && token.token.access_token.split(".").length === 3, "access token is not a JWT");
    assert.equal(token.expired(), false, "a fresh token must not be expired");
    assert.equal(token.token.refresh_token, undefined, "a client-credentials grant must not issue a refresh token");

    const brands = await oauth.getBrands();
    assert.deepEqual(brands.map((b) => b.id), (await bynder.getBrands()).map((b) => b.id));

    const stats = await portal.stats();
    const after = grantCount(stats, "client_credentials");
    assert.equal(after - before, 1, `expected one client_credentials grant: ${JSON.stringify(stats)}`);
  });

  test("getTokenClientCredentials with a wrong secret is refused", async () => {
    const oauth = new Bynder({ baseURL: apiBase(portal), clientId: portal.clientId, clientSecret: `wrong-${portal.clientSecret}` });
    await assert.rejects(oauth.getTokenClientCredentials(), (err) => {
      const status = err?.output?.statusCode ?? err?.data?.res?.statusCode ?? err?.response?.status;
      assert.equal(status, 401, `expected 401 invalid_client, got ${status}: ${err?.message}`);
      return true;
    });
  });
});

describe("official JS SDK, authorization code (mock with --auto-consent)", TIMEOUT, () => {
  let portal;

  before(async () => {
    portal = await startMock(["--auto-consent"]);
  });
  after(async () => {
    await portal?.stop();
  });

  test("makeAuthorizationURL, redirect with code, getToken, then a read", async () => {
    const before = grantCount(await portal.stats(), "authorization_code");
    const oauth = new Bynder({
      baseURL: apiBase(portal),
      clientId: portal.clientId,
      clientSecret: portal.clientSecret,
      redirectUri: REDIRECT_URI,
    });
    const state = randomBytes(6).toString("hex");
    const url = new URL(oauth.makeAuthorizationURL(state, AUTH_CODE_SCOPE));
    assert.equal(`${url.origin}${url.pathname}`, `${portal.httpBase}/v6/authentication/oauth2/auth`);
    assert.equal(url.searchParams.get("scope"), AUTH_CODE_SCOPE);

    const redirect = await fetch(url, { redirect: "manual" });
    assert.ok([302, 303].includes(redirect.status), `authorize answered ${redirect.status}: ${await redirect.text()}`);
    const location = new URL(redirect.headers.get("location"));
    assert.equal(`${location.origin}${location.pathname}`, REDIRECT_URI);
    assert.equal(location.searchParams.get("state"), state);
    const code = location.searchParams.get("code");
    assert.ok(code, `no code in ${location}`);

    const token = await oauth.getToken(code);
    assert.ok(token.token.access_token && token.token.refresh_token, JSON.stringify(token.token));
    const collections = await oauth.getCollections({ limit: 3 });
    assertCfIds(collections, "collections");

    const stats = await portal.stats();
    const after = grantCount(stats, "authorization_code");
    assert.equal(after - before, 1, `expected one authorization_code grant: ${JSON.stringify(stats)}`);

    // An expired token is refreshed (refresh_token grant, Basic client auth) before the next call.
    const refreshesBefore = grantCount(stats, "refresh_token");
    const refreshing = new Bynder({
      baseURL: apiBase(portal),
      clientId: portal.clientId,
      clientSecret: portal.clientSecret,
      redirectUri: REDIRECT_URI,
      token: { ...token.token, expires_at: new Date(Date.now() - 60_000) },
    });
    assertCfIds(await refreshing.getMediaList({ limit: 1 }), "assets");
    const refreshed = refreshing.api.token.token;
    assert.ok(refreshed.access_token && refreshed.access_token !== token.token.access_token, "the token was not refreshed");
    const refreshStats = await portal.stats();
    assert.equal(grantCount(refreshStats, "refresh_token") - refreshesBefore, 1, `expected one refresh_token grant: ${JSON.stringify(refreshStats)}`);
  });
});
