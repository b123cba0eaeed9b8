// Shared by the Node suites: the built package, a mock portal, and the mock's admin API.

import { after, before } from "node:test";
import { startMock } from "../../../../tests/compat/js/bynder-mock.mjs";

export * from "../../npm/node.js";
export { CF_ID, UNKNOWN_CF_ID, grantCount } from "../../../../tests/compat/js/bynder-mock.mjs";

/** Starts one mock for the calling test file (rate limit off, consent approved at once). */
export function useMock(extraArgs = []) {
  const holder = {};
  before(async () => {
    holder.portal = await startMock(["--no-rate-limit", "--auto-consent", ...extraArgs]);
  });
  after(async () => {
    await holder.portal?.stop();
  });
  return holder;
}

/** Adds a fault rule (see docs/mock.md); cleared by `clearFaults`. */
export async function fault(portal, rule) {
  const response = await fetch(`${portal.httpBase}/_mock/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(rule),
  });
  if (!response.ok) throw new Error(`adding a fault answered ${response.status}: ${await response.text()}`);
}

export async function clearFaults(portal) {
  await fetch(`${portal.httpBase}/_mock/faults`, { method: "DELETE" });
}

/** Requests the mock served for `operation`. */
export async function served(portal, operation) {
  const stats = await portal.stats();
  return stats.by_operation?.[operation] ?? 0;
}
