// The config.xml dialect of pfSense and OPNsense: the documents' rules, each product's strict
// reading of synfw's rules, and a backup as flows.

export * from './opnsense.js';
export * from './pfsense.js';
export * from './state.js';
export * from './values.js';
