// Instantiates the wasm module synchronously from the package's own file (Node 20+).
import { readFileSync } from "node:fs";
import { initSync } from "../pkg/bynder_wasm.js";

initSync({ module: readFileSync(new URL("../pkg/bynder_wasm_bg.wasm", import.meta.url)) });
