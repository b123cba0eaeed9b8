// One benchmark process: `node worker.mjs KIND BASE TOKEN MEDIA_ID COUNT` makes COUNT sequential
// `media.get` calls (after 100 warm-up calls) and prints one JSON line: CPU µs per call (this
// process, all threads) and calls per second. KIND: ours | fetch | official.

const [kind, base, token, mediaId, countText] = process.argv.slice(2);
const count = Number(countText);

async function makeCall() {
  if (kind === "ours") {
    const { Client } = await import("../../bindings/wasm/npm/node.js");
    const client = new Client(base, { permanentToken: token, rateLimit: "unlimited" });
    return () => client.media.get(mediaId);
  }
  if (kind === "fetch") {
    const url = `${base}/api/v4/media/${mediaId}/`;
    const headers = { Authorization: `Bearer ${token}` };
    return async () => {
      const response = await fetch(url, { headers });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.json();
    };
  }
  if (kind === "official") {
    const { default: Bynder } = await import("../../tests/compat/js/node_modules/@bynder/bynder-js-sdk/dist/bynder-js-sdk.js");
    const bynder = new Bynder({ baseURL: `${base}/api/`, permanentToken: token });
    return () => bynder.getMediaInfo({ id: mediaId });
  }
  throw new Error(`unknown kind ${kind}`);
}

const call = await makeCall();
for (let i = 0; i < 100; i += 1) {
  const media = await call();
  if (media?.id !== mediaId) throw new Error(`${kind}: unexpected answer ${JSON.stringify(media).slice(0, 200)}`);
}
const cpu = process.cpuUsage();
const started = performance.now();
for (let i = 0; i < count; i += 1) await call();
const seconds = (performance.now() - started) / 1000;
const used = process.cpuUsage(cpu);
console.log(JSON.stringify({ cpu_us: (used.user + used.system) / count, calls_per_s: count / seconds }));
