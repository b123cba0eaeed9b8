// Node's own HTTP client as the core's transport (see bindings/wasm/src/js_transport.rs): a
// request through `http`/`https` with a keep-alive agent costs about half the CPU of `fetch`.
// Redirects are not followed (a 303 from Bynder means "poll"), like the core's own transport.

import http from "node:http";
import https from "node:https";

const agents = {
  "http:": new http.Agent({ keepAlive: true }),
  "https:": new https.Agent({ keepAlive: true }),
};

function headerObject(flat, body) {
  const headers = {};
  for (let i = 0; i + 1 < flat.length; i += 2) {
    const [name, value] = [flat[i], flat[i + 1]];
    const seen = headers[name];
    headers[name] = seen === undefined ? value : [].concat(seen, value);
  }
  // Node sends GET/DELETE bodies without a length (it uses chunked encoding only for other
  // methods), so the server reads none: a DELETE with a JSON body arrived empty. Say it.
  if (body && !Object.keys(headers).some((name) => name.toLowerCase() === "content-length")) {
    headers["content-length"] = String(body.byteLength);
  }
  return headers;
}

/** `send(method, url, headers, body, timeoutMs)` → `[status, rawHeaders, body]`. */
export function nodeSend(method, url, headers, body, timeoutMs) {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const client = target.protocol === "https:" ? https : http;
    let timer;
    const request = client.request(
      target,
      { method, headers: headerObject(headers, body), agent: agents[target.protocol] },
      (response) => {
        const chunks = [];
        response.on("data", (chunk) => chunks.push(chunk));
        response.on("error", (error) => {
          clearTimeout(timer);
          reject(error);
        });
        response.on("end", () => {
          clearTimeout(timer);
          resolve([response.statusCode, response.rawHeaders, Buffer.concat(chunks)]);
        });
      },
    );
    request.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    if (timeoutMs !== null && timeoutMs !== undefined) {
      timer = setTimeout(() => request.destroy(Object.assign(new Error("request timed out"), { timeout: true })), timeoutMs);
    }
    request.end(body ?? undefined);
  });
}
