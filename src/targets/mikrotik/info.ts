import type { TargetInfo } from '../types.js';

export const info = {
  id: 'mikrotik',
  description: 'MikroTik RouterOS: terminal script of dst-nat and forward rules (re-runnable)',
  formats: { default: { extension: 'rsc', description: 'RouterOS script (paste or /import)' } },
  // Without router.wan/lan the rules match defconf's interface lists WAN and LAN.
  router: { names: 'interface-list', wan: 'WAN', lan: 'LAN' },
  // RouterOS documents no comment limit. 255 bytes of the comment's value (UTF-8, before escaping)
  // keep every rule printable on one terminal screen and match the Linux xt_comment limit.
  comments: { what: 'rule comment', max: 255, limit: '255 bytes' },
} as const satisfies TargetInfo;
