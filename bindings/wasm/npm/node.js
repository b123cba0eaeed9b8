// Node 20+ entry. The wasm module is instantiated (first import) before anything uses it.
import "./src/init-node.js";

export * from "./src/index.js";
