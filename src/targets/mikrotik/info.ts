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
  state: {
    export: '/ip firewall export; /ipv6 firewall export',
    checkLater: (diff, ipv6) => `ssh admin@ROUTER ${ipv6 ? "'/ip firewall export; /ipv6 firewall export'" : "'/ip firewall export'"} | ${diff} --from -`,
    // RouterOS runs no script from stdin: the file is uploaded, imported and removed (unproven here).
    apply: {
      read: ['/ip firewall export', '/ipv6 firewall export'],
      upload: (profile) => `synfw-${profile}.rsc`,
      run: (file) => `/import file-name=${file} verbose=no`,
      cleanup: (file) => `/file remove ${file}`,
    },
  },
} as const satisfies TargetInfo;
