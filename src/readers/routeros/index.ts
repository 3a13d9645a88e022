// The RouterOS dialect: its console tokens, its firewall rules' properties and what they forward,
// and a router's firewall export as flows.

export * from './lexer.js';
export * from './rules.js';
export * from './state.js';
export * from './values.js';
