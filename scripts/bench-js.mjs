#!/usr/bin/env node
// JavaScript package benchmark: `bynder` (this repo's WASM package) side by side with Node's own
// `fetch` + `JSON.parse` and the official `@bynder/bynder-js-sdk` 2.5.2, in one run, against a
// release build of bynder-mock (no rate limit) over HTTP on loopback. Writes the JavaScript
// section of docs/benchmarks.md.
//
//   node scripts/bench-js.mjs           # about 2 minutes
//   node scripts/bench-js.mjs --quick   # fewer calls, no docs update
//
// Needs the built package (scripts/lib/wasm.sh's wasm_build) and the compat suite's
// node_modules (the official SDK). The mock is pinned to CPU 1 and every client process to
// CPU 0; each figure is the median of several processes. CPU time is the client process's own
// (process.cpuUsage), so the mock's work is never counted.

import { execFile, execFileSync, spawnSync } from "node:child_process";
import { promisify } from "node:util";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { startMock } from "../tests/compat/js/bynder-mock.mjs";

const REPO = join(dirname(fileURLToPath(import.meta.url)), "..");
const WORKER = join(REPO, "bench", "js", "worker.mjs");
const WASM = join(REPO, "bindings", "wasm", "npm", "pkg", "bynder_wasm_bg.wasm");
const DOC = join(REPO, "docs", "benchmarks.md");
const BEGIN = "<!-- js-benchmark:begin -->";
const END = "<!-- js-benchmark:end -->";
const quick = process.argv.includes("--quick");

const run = promisify(execFile);
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const pinned = (cpu, command, args) => (existsSync("/usr/bin/taskset") ? ["taskset", ["-c", String(cpu), command, ...args]] : [command, args]);

function releaseMock() {
  const target = process.env.CARGO_TARGET_DIR ?? join(REPO, "target");
  const binary = join(target.startsWith("/") ? target : join(REPO, target), "release", "bynder-mock");
  if (!existsSync(binary)) {
    console.log("building the release mock: cargo build --release -p bynder-mock");
    execFileSync("cargo", ["build", "--release", "-p", "bynder-mock"], { cwd: REPO, stdio: "inherit" });
  }
  return binary;
}

// Asynchronous on purpose: the mock's stdout/stderr pipes end in this process, and a blocked
// event loop would let them fill up and stall the mock mid-benchmark.
async function worker(kind, portal, mediaId, count) {
  const [command, args] = pinned(0, process.execPath, [WORKER, kind, portal.httpBase, portal.permanentToken, mediaId, String(count)]);
  const { stdout } = await run(command, args, { encoding: "utf8", timeout: 900_000 });
  return JSON.parse(stdout.trim().split("\n").at(-1));
}

/** Milliseconds to import and instantiate the package in a fresh Node process. */
function importMs(runs) {
  const code = `const t = performance.now(); await import(${JSON.stringify(join(REPO, "bindings/wasm/npm/node.js"))}); console.log(performance.now() - t);`;
  const official = `const t = performance.now(); await import(${JSON.stringify(join(REPO, "tests/compat/js/node_modules/@bynder/bynder-js-sdk/dist/bynder-js-sdk.js"))}); console.log(performance.now() - t);`;
  const measure = (source) =>
    median(Array.from({ length: runs }, () => Number(execFileSync(process.execPath, ["--input-type=module", "-e", source], { encoding: "utf8" }))));
  return { ours: measure(code), official: measure(official) };
}

async function measure() {
  process.env.BYNDER_MOCK_BIN = releaseMock();
  const portal = await startMock(["--no-rate-limit"]);
  try {
    spawnSync("taskset", ["-pc", "1", String(portal.pid ?? "")]);
    const response = await fetch(`${portal.httpBase}/api/v4/media/?limit=1`, { headers: { Authorization: `Bearer ${portal.permanentToken}` } });
    const [{ id: mediaId }] = await response.json();
    const count = quick ? 500 : 3000;
    const repeats = quick ? 3 : 5;
    const runs = { ours: [], fetch: [], official: [] };
    for (let round = 1; round <= repeats; round += 1) {
      for (const kind of Object.keys(runs)) {
        const result = await worker(kind, portal, mediaId, count);
        runs[kind].push(result);
        console.log(`  round ${round} ${kind}: ${JSON.stringify(result)}`);
      }
    }
    const summary = Object.fromEntries(
      Object.entries(runs).map(([kind, list]) => [kind, { cpu_us: median(list.map((r) => r.cpu_us)), calls_per_s: median(list.map((r) => r.calls_per_s)) }]),
    );
    const wasm = readFileSync(WASM);
    return {
      count,
      repeats,
      summary,
      import_ms: importMs(quick ? 5 : 15),
      wasm: { bytes: statSync(WASM).size, gzip: gzipSync(wasm, { level: 9 }).length },
    };
  } finally {
    await portal.stop();
  }
}

function render(r) {
  const { ours, fetch: plain, official } = r.summary;
  const vsFetch = ours.cpu_us / plain.cpu_us;
  const vsOfficial = ours.cpu_us / official.cpu_us;
  const date = new Date().toISOString().slice(0, 10);
  return `${BEGIN}
## JavaScript package (\`bynder\` over WASM vs Node's \`fetch\` and \`@bynder/bynder-js-sdk\` 2.5.2)

\`node scripts/bench-js.mjs\`, ${date}, x86_64, Node ${process.versions.node}, 2 cores: release \`bynder-mock --no-rate-limit\` pinned to CPU 1, each client process pinned to CPU 0, HTTP keep-alive on loopback, \`media.get\` of one asset (~2 KB JSON). ${r.count} sequential calls per process after 100 warm-up calls; each figure is the median of ${r.repeats} processes. CPU is the client process's own (\`process.cpuUsage\`, all threads).

| measure | \`bynder\` (ours) | Node \`fetch\` + \`json()\` | \`@bynder/bynder-js-sdk\` | target | met |
|---|---|---|---|---|---|
| CPU per \`media.get\` (µs) | ${ours.cpu_us.toFixed(0)} | ${plain.cpu_us.toFixed(0)} | ${official.cpu_us.toFixed(0)} | ≤ 1.3× fetch, below the official SDK | ${vsFetch <= 1.3 && vsOfficial < 1 ? "yes" : "no"} (${vsFetch.toFixed(2)}× fetch, ${vsOfficial.toFixed(2)}× official) |
| sequential calls/s | ${ours.calls_per_s.toFixed(0)} | ${plain.calls_per_s.toFixed(0)} | ${official.calls_per_s.toFixed(0)} | | |
| import + instantiate (ms, fresh process, median) | ${r.import_ms.ours.toFixed(1)} | — | ${r.import_ms.official.toFixed(1)} | | |
| \`.wasm\` size | ${(r.wasm.bytes / 1024).toFixed(0)} KiB, **${(r.wasm.gzip / 1000).toFixed(0)} KB gzipped** | — | — | < 400 KB gzipped | ${r.wasm.gzip < 400_000 ? "yes" : "no"} |

Ours does more per call than either (the rate limiter, retries with backoff, identifier conversion before any request, the error mapping, all in Rust) and still uses less CPU: in Node the package sends through \`node:http\` with a keep-alive agent (a JS transport the core calls), which costs far less than \`fetch\` (undici, with an AbortSignal per request for the timeout), and the portal's JSON crosses into JS untouched, for the engine's \`JSON.parse\`. Sending through \`fetch\` from the core, as browsers do, measured 2560 µs per call in the first version of this benchmark. In browsers the request goes through \`fetch\`, and the browser's network stack is the cost there.
${END}`;
}

const result = await measure();
console.log(JSON.stringify(result));
if (!quick) {
  const doc = readFileSync(DOC, "utf8");
  const section = render(result);
  const updated = doc.includes(BEGIN)
    ? doc.slice(0, doc.indexOf(BEGIN)) + section + doc.slice(doc.indexOf(END) + END.length)
    : doc.replace("<!-- python-benchmark:begin -->", `${section}\n\n<!-- python-benchmark:begin -->`);
  writeFileSync(DOC, updated);
  console.log(`wrote the JavaScript section of ${DOC}`);
} else {
  console.log(render(result));
}
