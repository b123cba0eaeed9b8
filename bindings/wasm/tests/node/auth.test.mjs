// Permanent token, client credentials with the onToken hook, authorization code with PKCE,
// resuming with a saved token, and a bad token.

import assert from "node:assert/strict";
import { test } from "node:test";
import { BynderError, Client, clearFaults, fault, grantCount, useMock } from "./helpers.mjs";

const mock = useMock();
const REDIRECT = "http://127.0.0.1:9/callback";

/** A public client of the mock's app; every token it gets lands in `tokens`. */
function pkceClient(tokens) {
  return new Client(mock.portal.httpBase, {
    clientId: mock.portal.clientId,
    redirectUri: REDIRECT,
    onToken: (token) => tokens.push(token),
  });
}

test("client credentials: one token, handed to onToken, reused", async () => {
  const seen = [];
  const before = grantCount(await mock.portal.stats(), "client_credentials");
  const bynder = new Client(mock.portal.httpBase, {
    clientId: mock.portal.clientId,
    clientSecret: mock.portal.clientSecret,
    scopes: ["asset:read", "collection:read"],
    onToken: (token) => seen.push(token),
  });
  await Promise.all([bynder.media.list({ limit: 1 }), bynder.collections.list(), bynder.brands.list()]);
  assert.equal(grantCount(await mock.portal.stats(), "client_credentials") - before, 1, "single-flight token");
  assert.equal(seen.length, 1);
  assert.ok(seen[0].accessToken.length > 20);
  assert.match(seen[0].scope, /asset:read/);
  assert.deepEqual((await bynder.token()).accessToken, seen[0].accessToken);
});

test("authorization code with PKCE, then a client resumed from the saved token", async () => {
  const tokens = [];
  const bynder = pkceClient(tokens);
  const request = bynder.authorizationRequest(["offline", "asset:read"]);
  const url = new URL(request.url);
  assert.equal(url.searchParams.get("code_challenge_method"), "S256");
  assert.equal(url.searchParams.get("state"), request.state);
  assert.ok(request.pkceVerifier.length >= 43);
  // The mock consents at once (--auto-consent) and redirects with the code.
  const consent = await fetch(request.url, { redirect: "manual" });
  assert.equal(consent.status, 302, await consent.text());
  const redirect = consent.headers.get("location");
  assert.ok(redirect.startsWith(REDIRECT), redirect);
  const saved = JSON.parse(JSON.stringify(request)); // as a page keeps it in sessionStorage
  const token = await bynder.exchangeCode(saved, redirect);
  assert.ok(token.refreshToken, "offline grants a refresh token");
  assert.equal(tokens.length, 1);
  assert.ok((await bynder.media.list({ limit: 1 })).length === 1);

  const resumed = new Client(mock.portal.httpBase, { clientId: mock.portal.clientId, redirectUri: REDIRECT, token });
  assert.equal((await resumed.media.list({ limit: 2 })).length, 2);
});

test("a revoked token is refreshed once with the refresh token, and onToken hears of it", async () => {
  const tokens = [];
  const bynder = pkceClient(tokens);
  const request = bynder.authorizationRequest(["offline", "asset:read"]);
  const consent = await fetch(request.url, { redirect: "manual" });
  await bynder.exchangeCode(request, consent.headers.get("location"));
  const refreshes = grantCount(await mock.portal.stats(), "refresh_token");
  await fault(mock.portal, { target: { operation: "media.list" }, fault: "expire_token", times: 1 });
  try {
    assert.equal((await bynder.media.list({ limit: 1 })).length, 1);
  } finally {
    await clearFaults(mock.portal);
  }
  assert.equal(grantCount(await mock.portal.stats(), "refresh_token") - refreshes, 1);
  assert.equal(tokens.length, 2);
  assert.notEqual(tokens[1].accessToken, tokens[0].accessToken);
  assert.equal(tokens[1].refreshToken, tokens[0].refreshToken, "Bynder keeps the refresh token");
  assert.equal(bynder.stats().reauthentications, 1);
});

test("a forged state is refused before any token request", async () => {
  const bynder = new Client(mock.portal.httpBase, { clientId: mock.portal.clientId, redirectUri: REDIRECT });
  const request = bynder.authorizationRequest(["asset:read"]);
  await assert.rejects(bynder.exchangeCode(request, `${REDIRECT}?code=abc&state=evil`), (error) => {
    assert.ok(error instanceof BynderError);
    assert.equal(error.kind, "oauth_state");
    return true;
  });
});

test("a bad permanent token is an authentication error with the status", async () => {
  const bynder = new Client(mock.portal.httpBase, { permanentToken: "not-a-token" });
  await assert.rejects(bynder.media.list(), (error) => {
    assert.ok(error instanceof BynderError && error instanceof Error);
    assert.equal(error.kind, "authentication");
    assert.equal(error.code, 10);
    assert.equal(error.status, 401);
    assert.ok(!error.message.includes("not-a-token"), "the token never appears in messages");
    return true;
  });
});

test("conflicting or missing credentials are refused at construction", () => {
  assert.throws(() => new Client(mock.portal.httpBase, {}), { kind: "invalid_argument" });
  assert.throws(
    () => new Client(mock.portal.httpBase, { permanentToken: "a", clientId: "b", clientSecret: "c" }),
    { kind: "invalid_argument" },
  );
  assert.throws(() => new Client(mock.portal.httpBase, { permanentToken: "a", bogus: 1 }), /unknown option "bogus"/);
  assert.throws(() => new Client(mock.portal.httpBase, { clientId: "a", clientSecret: "b", scopes: ["nope"] }), {
    kind: "invalid_argument",
  });
});
