// Instantiates the wasm module synchronously from the package's own file (Node 20+), and sends
// requests through Node's own HTTP client.
import { readFileSync } from "node:fs";
import { initSync } from "../pkg/bynder_wasm.js";
import { host } from "./defaults.js";
import { nodeSend } from "./node-transport.js";

initSync({ module: readFileSync(new URL("../pkg/bynder_wasm_bg.wasm", import.meta.url)) });
host.transport = nodeSend;
