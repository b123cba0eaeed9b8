// The built package in headless Chromium (Debian's, driven by playwright-core): a page served
// on localhost logs in with the authorization-code + PKCE flow against the mock (another
// origin: CORS), lists assets and uploads a `File`, then downloads it back.

import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { dirname, extname, join, normalize } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startMock } from "../../../../tests/compat/js/bynder-mock.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOTS = { "/npm/": join(HERE, "..", "..", "npm"), "/": HERE };
const TYPES = { ".js": "text/javascript", ".html": "text/html", ".wasm": "application/wasm" };
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

let portal;
let site;
let browser;

function serveStatic(request, response) {
  const path = decodeURIComponent(new URL(request.url, "http://x").pathname);
  const prefix = Object.keys(ROOTS).find((p) => path.startsWith(p));
  const file = normalize(join(ROOTS[prefix], path.slice(prefix.length)));
  if (!file.startsWith(ROOTS[prefix])) return response.writeHead(403).end();
  readFile(file).then(
    (body) => response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(body),
    () => response.writeHead(404).end(),
  );
}

before(async () => {
  portal = await startMock(["--no-rate-limit", "--auto-consent"]);
  site = createServer(serveStatic);
  await new Promise((done) => site.listen(0, "127.0.0.1", done));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
});

after(async () => {
  await browser?.close();
  site?.close();
  await portal?.stop();
});

test("PKCE login, list, upload a File and download it in Chromium", async () => {
  const page = await browser.newPage();
  const logs = [];
  page.on("console", (message) => logs.push(message.text()));
  page.on("pageerror", (error) => logs.push(`pageerror: ${error.message}`));
  const origin = `http://127.0.0.1:${site.address().port}`;
  const config = new URLSearchParams({ portal: portal.httpBase, clientId: portal.clientId });
  await page.goto(`${origin}/page.html#${config}`);
  await page.waitForFunction(() => window.__result !== undefined, null, { timeout: 60_000 }).catch(() => {
    throw new Error(`the page never finished; console:\n${logs.join("\n")}`);
  });
  const result = await page.evaluate(() => window.__result);
  assert.ok(result.ok, `${result.error}\n${result.stack}\nconsole:\n${logs.join("\n")}`);
  assert.equal(new URL(page.url()).origin, origin, "back on the app after consent");
  assert.ok(new URL(page.url()).searchParams.has("code"));
  assert.equal(result.hasRefreshToken, true);
  assert.equal(result.assets, 5);
  assert.equal(result.fileName, "browser.txt");
  assert.equal(result.uploadedBytes, "uploaded from headless Chromium\n".length * 500);
  assert.ok(result.events.includes("saved"), result.events.join());
  assert.equal(result.roundTrip, true);
  assert.deepEqual(result.notFound, { isError: true, isBynder: true, kind: "not_found", status: 404 });
  const stats = await portal.stats();
  assert.equal(stats.token_grants.authorization_code, 1);
});
