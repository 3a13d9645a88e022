// The iptables dialect: rule specifications, iptables-save / iptables-restore text, what the rules
// do, and a router's state as flows.

export * from './meaning.js';
export * from './rules.js';
export * from './save.js';
export * from './state.js';
