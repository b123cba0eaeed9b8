// Names between JavaScript and Bynder: camelCase options in, Bynder's own spelling on the wire.

/** `download_location` -> `downloadLocation`, `file_id` -> `fileId`; camelCase stays. */
export function camel(name) {
  return name.replace(/[_.]+([a-zA-Z0-9])/g, (_, c) => c.toUpperCase());
}

/** `sentBytes` -> `sent_bytes` (the core's option and event keys). */
export function snake(name) {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

function isPlainObject(value) {
  return value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype;
}

/** A copy of `value` with every object key passed through `rename`, at every depth. */
export function renameKeys(value, rename) {
  if (Array.isArray(value)) return value.map((item) => renameKeys(item, rename));
  if (!isPlainObject(value)) return value;
  const out = {};
  for (const [key, item] of Object.entries(value)) out[rename(key)] = renameKeys(item, rename);
  return out;
}

/** The iterator method of a paged operation: `list` -> `iter`, `options` -> `iterOptions`. */
export function iterName(action) {
  return action === "list" ? "iter" : camel(`iter_${action}`);
}
