import type { TargetInfo } from '../types.js';

export const info = {
  id: 'nftables',
  description: 'Linux router: nft -f file that owns one table (DNAT + forward accept; re-loadable)',
  formats: { default: { extension: 'nft', description: 'file for nft -f' } },
  router: { names: 'linux', wan: 'eth0' },
  // libnftnl's NFTNL_UDATA_COMMENT_MAXLEN: nft refuses a longer comment (bytes, not characters).
  comments: { what: 'rule comment', max: 128, limit: "nft's 128 bytes" },
  state: {
    export: 'nft -j list ruleset',
    checkLater: (diff) => `ssh root@ROUTER nft -j list ruleset | ${diff} --from -`,
    apply: { read: ['nft -j list ruleset'], run: () => 'nft -f /dev/stdin' },
  },
} as const satisfies TargetInfo;
