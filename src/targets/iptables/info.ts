import type { TargetInfo } from '../types.js';

export const info = {
  id: 'iptables',
  description: 'Linux router: POSIX sh script of iptables commands in chains of its own (re-runnable)',
  formats: {
    default: { extension: 'sh', description: 'sh script to run as root' },
    restore: {
      extension: 'rules',
      description: 'iptables-restore --noflush input for the chains',
      // One static iptables-restore file: no run-time look-ups and no ip6tables.
      refuses: {
        hairpin: {
          when: (plan) => plan.hairpin === true,
          why: "in --format restore: hairpin needs the router's current WAN address and LAN subnet, which a static iptables-restore file cannot look up; use the default format (an sh script that looks them up when it runs)",
        },
        address6: {
          why: 'in --format restore: iptables-restore input cannot hold ip6tables rules (ip6tables-restore needs a file of its own); use the default format (an sh script that runs ip6tables too)',
        },
      },
    },
  },
  router: { names: 'linux', wan: 'eth0' },
  // The kernel keeps 255 bytes of a comment (XT_MAX_COMMENT_LEN 256 incl. NUL) and drops the rest.
  comments: { what: 'rule comment', max: 255, limit: "the kernel's 255 bytes" },
  state: {
    export: '{ iptables-save; ip6tables-save; }',
    checkLater: (diff) => `ssh root@ROUTER 'iptables-save; ip6tables-save' | ${diff} --from -`,
    // A router without IPv6 may lack ip6tables-save.
    apply: { read: ['iptables-save && if command -v ip6tables-save >/dev/null 2>&1; then ip6tables-save; fi'], run: () => 'sh -s' },
  },
} as const satisfies TargetInfo;
