// The OpenWrt UCI dialect: the firewall config's text, its section model, what redirects and
// rules forward, and a router's config as flows.

export * from './config.js';
export * from './model.js';
export * from './sections.js';
export * from './state.js';
