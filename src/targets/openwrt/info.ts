import { admits } from '../shared/sources.js';
import type { TargetInfo } from '../types.js';

export const info = {
  id: 'openwrt',
  description: 'OpenWrt fw3/fw4: sh script of uci commands, one named redirect section per port or range',
  formats: {
    default: { extension: 'sh', description: 'sh script of uci commands' },
    config: { extension: 'uci', description: '/etc/config/firewall sections' },
  },
  refuses: {
    // fw3/fw4 hang NAT loopback on a redirect; with no IPv4 source allowed there is none to hang it on.
    hairpin: {
      why: 'fw3 and fw4 make NAT loopback rules from a redirect, and allowFrom lists only IPv6 sources, so no IPv4 redirect is written; add an IPv4 source to allowFrom or set hairpin to false',
      when: (plan) => plan.hairpin === true && !admits(plan, 4),
    },
  },
  router: { names: 'zone', wan: 'wan', lan: 'lan' },
  // fw4 emits `comment "!fw4: <name>"` and `<name> (reflection)`: 6 + name + 13 must stay within
  // nft's 128-byte comment limit (109 bytes); 100 leaves a margin. fw3's iptables comment is larger.
  comments: { what: 'section name', max: 100, limit: '100 bytes (fw4 makes the name an nft comment, at most 128 bytes)' },
  state: {
    export: 'uci export firewall',
    checkLater: (diff) => `ssh root@ROUTER uci export firewall | ${diff} --from -`,
    apply: { read: ['uci export firewall'], run: () => 'sh -s' },
  },
} as const satisfies TargetInfo;
