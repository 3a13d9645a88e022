import type { TargetInfo } from '../types.js';

export const info = {
  id: 'miniupnpd',
  description: "miniupnpd.conf permission lines allowing exactly the plan's mappings, then deny all",
  formats: { default: { extension: 'conf', description: 'lines for miniupnpd.conf' } },
  refuses: { address6: { why: "miniupnpd's permission lines cover IPv4 mappings only; use a router target for IPv6 allow rules" } },
} as const satisfies TargetInfo;
