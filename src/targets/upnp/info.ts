import type { TargetInfo } from '../types.js';

/** NewLeaseDuration is a ui4. */
const LEASE_LIMIT = 4294967295;

export const info = {
  id: 'upnp',
  description: 'UPnP IGD: sh script for the NAS that maps each port with upnpc (miniupnpc)',
  formats: { default: { extension: 'sh', description: 'sh script to run on the NAS' } },
  refuses: {
    allowFrom: {
      why: 'a UPnP IGD mapping cannot be limited to source networks (NewRemoteHost names one host at most and most gateways only accept the wildcard)',
    },
    hairpin: { why: 'NAT loopback, on or off, is a setting of the gateway itself that UPnP cannot request' },
    address6: { why: 'IPv6 needs firewall pinholes (IGDv2 WANIPv6FirewallControl), which this target does not generate; use a router target' },
  },
  cli: {
    'upnp-max': { kind: 'integer', describe: 'most mappings the ranges may expand to (UPnP maps one port per request)', default: 64, min: 1, max: 2 ** 31 - 1 },
    'upnp-lease': { kind: 'integer', describe: 'lease in seconds (0 = permanent where the gateway allows it)', default: 0, min: 0, max: LEASE_LIMIT },
  },
} as const satisfies TargetInfo;
