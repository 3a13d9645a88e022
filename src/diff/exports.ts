// The command that exports each target's state for `synfw diff`, as every generated header names
// it ("Check later: ..."). Kept free of imports so that a target's header can name it without
// loading the readers.

/** What runs on the router (over ssh) or which file holds the state, per target diff reads. */
const EXPORT_LINES = {
  iptables: (diff: string) => `ssh root@ROUTER 'iptables-save; ip6tables-save' | ${diff} --from -`,
  nftables: (diff: string) => `ssh root@ROUTER nft -j list ruleset | ${diff} --from -`,
  openwrt: (diff: string) => `ssh root@ROUTER uci export firewall | ${diff} --from -`,
  // Short flags only: an XML comment cannot hold "--".
  pfsense: (diff: string) => `${diff} -F config-backup.xml   (Diagnostics > Backup & Restore, or /cf/conf/config.xml)`,
  opnsense: (diff: string) => `${diff} -F config-backup.xml   (System > Configuration > Backups, or /conf/config.xml)`,
  mikrotik: (diff: string, v6: boolean) => `ssh admin@ROUTER ${v6 ? "'/ip firewall export; /ipv6 firewall export'" : "'/ip firewall export'"} | ${diff} --from -`,
  vyos: (diff: string) => `ssh vyos@ROUTER /opt/vyatta/bin/vyatta-op-cmd-wrapper show configuration commands | ${diff} --from -`,
} as const;

export type ExportTarget = keyof typeof EXPORT_LINES;

/**
 * The header line that says how to compare the router with the profile later. `file` is the
 * profile as given (its base name is used: a header holds no absolute path); `ipv6`: the plan has
 * IPv6 rules (RouterOS exports them from another menu).
 */
export function checkLaterLine(target: ExportTarget, profile: { name: string; file: string }, ipv6 = true): string {
  const base = profile.file.replace(/\\/g, '/').split('/').pop() || `${profile.name}.yaml`;
  // Not a YAML file name (stdin, /dev/fd/63): the name the profile would have.
  const name = /^[A-Za-z0-9_+][A-Za-z0-9._+-]*\.ya?ml$/.test(base) ? base : `${profile.name}.yaml`;
  return `Check later (what the router has against this profile): ${EXPORT_LINES[target](`synfw diff ${name} -t ${target}`, ipv6)}`;
}
