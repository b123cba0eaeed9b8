// What the entry point chose for this host: Node's entry sets a transport over `node:http`;
// browsers leave it unset and the core sends with `fetch`.
export const host = { transport: undefined };
