// The nftables dialect: nft's tokens, the text and JSON forms of a table, what its rules do, and a
// router's ruleset as flows.

export * from './json.js';
export * from './rules.js';
export * from './state.js';
export * from './text.js';
