// Browser entry: fetches and instantiates the wasm module next to this file; importers wait
// for it (top-level await), and the package reads the module only when first used.
import init from "./pkg/bynder_wasm.js";

await init({ module_or_path: new URL("./pkg/bynder_wasm_bg.wasm", import.meta.url) });

export * from "./src/index.js";
