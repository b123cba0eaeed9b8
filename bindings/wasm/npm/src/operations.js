// The core's operation table, read once from the wasm module, with JavaScript names.

import { operations as nativeOperations } from "../pkg/bynder_wasm.js";
import { camel, iterName } from "./names.js";

function load() {
  return JSON.parse(nativeOperations()).map((raw) => {
    const path = raw.path_params.map(([name]) => name);
    const params = raw.params.filter((p) => !path.includes(p));
    /** JS option name -> Bynder's name, for the ones that differ. */
    const wire = new Map();
    for (const name of [...path, ...params]) if (camel(name) !== name) wire.set(camel(name), name);
    return {
      name: raw.name,
      group: raw.group,
      action: raw.action,
      method: camel(raw.action),
      iterator: raw.paging === "none" ? null : iterName(raw.action),
      summary: raw.summary,
      httpMethod: raw.method,
      path: raw.path,
      pathParams: path.map(camel),
      pathForms: raw.path_params.map(([, form]) => form),
      params: params.map(camel),
      /** JS option name -> the core's type of it (`integer`, `string_list`...; see the catalog). */
      paramTypes: Object.fromEntries(params.map((p) => [camel(p), raw.param_types?.[p] ?? "any"])),
      wire,
      paging: raw.paging,
      items: raw.items,
      scopes: raw.scopes,
      result: raw.result,
      item: raw.item,
      // The answer is bytes (an image): the face returns a Uint8Array, not parsed text.
      binary: raw.binary === true,
    };
  });
}

let table;

/**
 * Every operation in table order, and by resource group. Read on first use: the wasm module
 * is instantiated by the entry point, after this module is loaded.
 */
export function operationTable() {
  if (!table) {
    const operations = Object.freeze(load());
    const groups = {};
    for (const op of operations) (groups[op.group] ??= []).push(op);
    const byName = new Map(operations.map((op) => [op.name, op]));
    table = { operations, groups: Object.freeze(groups), byName };
  }
  return table;
}

/** Every operation of the core's table with its JavaScript names. */
export function operations() {
  return operationTable().operations;
}

/**
 * The wire parameters of one call: positional path values, then the options object with
 * JavaScript names mapped to Bynder's (unknown keys pass through as given).
 */
export function wireParams(op, args) {
  const params = {};
  const positional = args.slice(0, op.pathParams.length);
  if (positional.length < op.pathParams.length) {
    const missing = op.pathParams.slice(positional.length).join(", ");
    throw new TypeError(`${op.group}.${op.method} needs ${missing}`);
  }
  op.pathParams.forEach((name, i) => {
    params[op.wire.get(name) ?? name] = positional[i];
  });
  const options = args[op.pathParams.length];
  if (options !== undefined && options !== null) {
    if (typeof options !== "object" || Array.isArray(options)) {
      throw new TypeError(`${op.group}.${op.method}: options must be an object`);
    }
    for (const [key, value] of Object.entries(options)) {
      if (value !== undefined) params[op.wire.get(key) ?? key] = value;
    }
  }
  return params;
}
