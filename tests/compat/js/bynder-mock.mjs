// Starts and stops the `bynder-mock` binary for the JS compatibility suite.
//
// The mock announces itself on stdout, one fact per line:
//   listening http://127.0.0.1:PORT
//   listening https://127.0.0.1:PORT
//   certificate PATH
//   ready
// startMock() waits for `ready` with a deadline and rejects with the mock's stderr when it exits
// early or stays silent.

import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const START_TIMEOUT_MS = Number(process.env.BYNDER_MOCK_START_TIMEOUT ?? "60") * 1000;

/** Bynder's /api/v4 ColdFusion id form: 8-4-4-16 upper-case hex. */
export const CF_ID = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{16}$/;

/** Well-formed but absent: the portal must answer 404. */
export const UNKNOWN_CF_ID = "00000000-0000-0000-0000000000000000";

/** The mock binary: BYNDER_MOCK_BIN, else target/debug/bynder-mock of this checkout. */
export function mockBinary() {
  if (process.env.BYNDER_MOCK_BIN) return resolve(process.env.BYNDER_MOCK_BIN);
  let target = process.env.CARGO_TARGET_DIR ?? join(REPO_ROOT, "target");
  if (!isAbsolute(target)) target = join(REPO_ROOT, target);
  return join(target, "debug", "bynder-mock");
}

const running = new Set();
process.on("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

/**
 * Starts `bynder-mock serve` with fresh credentials.
 * @param {string[]} extraArgs - more flags, e.g. ["--auto-consent"]
 */
export async function startMock(extraArgs = []) {
  const binary = mockBinary();
  if (!existsSync(binary)) {
    throw new Error(
      `bynder-mock binary not found at ${binary}; build it with \`cargo build -p bynder-mock\` or set BYNDER_MOCK_BIN`,
    );
  }
  const workdir = mkdtempSync(join(tmpdir(), "bynder-mock-js-"));
  const portal = {
    permanentToken: `pt-${randomBytes(16).toString("hex")}`,
    clientId: `compat-client-${randomBytes(4).toString("hex")}`,
    clientSecret: `compat-secret-${randomBytes(16).toString("hex")}`,
    httpBase: null,
    httpsBase: null,
    certPath: null,
    stdout: [],
    stderr: "",
  };
  const args = [
    "serve",
    "--port", "0",
    "--tls", "--tls-port", "0",
    "--cert-out", join(workdir, "cert.pem"),
    "--permanent-token", portal.permanentToken,
    "--client-id", portal.clientId,
    "--client-secret", portal.clientSecret,
    "--seed", "7",
    ...extraArgs,
  ];
  const child = spawn(binary, args, { stdio: ["ignore", "pipe", "pipe"] });
  running.add(child);
  portal.pid = child.pid;
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (chunk) => {
    portal.stderr += chunk;
  });

  await new Promise((resolveReady, rejectReady) => {
    const fail = (why) => {
      clearTimeout(timer);
      child.kill("SIGKILL");
      // Let the last stderr bytes arrive before reporting them.
      setTimeout(() => {
        rejectReady(
          new Error(
            `bynder-mock ${why}.\ncommand: ${binary} ${args.join(" ")}\n` +
              `stdout so far: ${JSON.stringify(portal.stdout)}\nstderr:\n${portal.stderr}`,
          ),
        );
      }, 200);
    };
    const timer = setTimeout(
      () => fail(`did not print \`ready\` within ${START_TIMEOUT_MS / 1000}s`),
      START_TIMEOUT_MS,
    );
    child.once("error", (err) => fail(`could not be started (${err.message})`));
    child.once("exit", (code, signal) => fail(`exited (code ${code}, signal ${signal}) before \`ready\``));
    createInterface({ input: child.stdout }).on("line", (line) => {
      portal.stdout.push(line);
      const [word, rest] = [line.split(/\s+/, 1)[0], line.slice(line.indexOf(" ") + 1).trim()];
      if (word === "listening" && rest.startsWith("https://")) portal.httpsBase = rest.replace(/\/$/, "");
      else if (word === "listening" && rest.startsWith("http://")) portal.httpBase = rest.replace(/\/$/, "");
      else if (word === "certificate") portal.certPath = rest;
      else if (line.trim() === "ready") {
        clearTimeout(timer);
        child.removeAllListeners("exit");
        child.removeAllListeners("error");
        if (!portal.httpBase) fail("said `ready` without announcing its http listener");
        else resolveReady();
      }
    });
  });

  portal.stats = async () => {
    const response = await fetch(`${portal.httpBase}/_mock/stats`);
    if (!response.ok) throw new Error(`/_mock/stats answered ${response.status}`);
    return response.json();
  };
  portal.stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((done) => child.once("exit", done));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    }
    running.delete(child);
    rmSync(workdir, { recursive: true, force: true });
  };
  return portal;
}

/** Tokens the mock granted with `grant_type=<grant>` (`token_grants` of `/_mock/stats`). */
export function grantCount(stats, grant) {
  const grants = stats?.token_grants;
  if (!grants || typeof grants !== "object") {
    throw new Error(`/_mock/stats has no token_grants object: ${JSON.stringify(stats)}`);
  }
  return grants[grant] ?? 0;
}
