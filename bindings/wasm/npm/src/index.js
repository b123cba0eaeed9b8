// The package's public surface, shared by the Node and browser entry points.
export { Client, groupAttribute } from "./client.js";
export { BynderError, ErrorCode, ErrorKind } from "./errors.js";
export { operations } from "./operations.js";
export { scopes, version } from "../pkg/bynder_wasm.js";
