// The target registry: metadata for every target (enough for `synfw targets`, --help and file
// names) and a loader, so that a command loads only the target it renders.

import type { Target, TargetId, TargetInfo } from './types.js';

export const TARGETS: Record<TargetId, TargetInfo> = {
  iptables: {
    id: 'iptables',
    description: 'Linux router: POSIX sh script of iptables commands in chains of its own (re-runnable)',
    formats: {
      default: { extension: 'sh', description: 'sh script to run as root' },
      restore: { extension: 'rules', description: 'iptables-restore --noflush input for the chains' },
    },
    defaultWan: 'eth0',
  },
  nftables: {
    id: 'nftables',
    description: 'Linux router: nft -f file that owns one table (DNAT + forward accept; re-loadable)',
    formats: { default: { extension: 'nft', description: 'file for nft -f' } },
    defaultWan: 'eth0',
  },
  openwrt: {
    id: 'openwrt',
    description: 'OpenWrt fw3/fw4: sh script of uci commands, one named redirect section per port or range',
    formats: {
      default: { extension: 'sh', description: 'sh script of uci commands' },
      config: { extension: 'uci', description: '/etc/config/firewall sections' },
    },
    defaultWan: 'wan',
  },
  pfsense: {
    id: 'pfsense',
    description: 'pfSense: config.xml <nat> port forwards with linked <filter> pass rules (--merge into a backup)',
    formats: { default: { extension: 'xml', description: 'XML for Diagnostics > Backup & Restore' } },
    defaultWan: 'wan',
  },
  opnsense: {
    id: 'opnsense',
    description: 'OPNsense: config.xml port forwards with linked filter rules (--merge into a backup)',
    formats: {
      default: { extension: 'xml', description: 'legacy <nat><rule> layout (OPNsense up to 25.7)' },
      mvc: { extension: 'xml', description: 'DNat model layout (OPNsense 26.1 and later)' },
    },
    defaultWan: 'wan',
  },
  mikrotik: {
    id: 'mikrotik',
    description: 'MikroTik RouterOS: terminal script of dst-nat and forward rules (re-runnable)',
    formats: { default: { extension: 'rsc', description: 'RouterOS script (paste or /import)' } },
    defaultWan: 'WAN',
  },
  vyos: {
    id: 'vyos',
    description: 'VyOS 1.4+: configuration script of set commands for destination NAT and firewall rules',
    formats: {
      default: { extension: 'sh', description: 'vbash script run on the router (configure, commit, save)' },
      commands: { extension: 'conf', description: 'set/delete commands to paste in configure mode' },
    },
    defaultWan: 'eth0',
  },
  upnp: {
    id: 'upnp',
    description: 'UPnP IGD: sh script for the NAS that maps each port with upnpc (miniupnpc)',
    formats: { default: { extension: 'sh', description: 'sh script to run on the NAS' } },
    defaultWan: "the gateway's own",
  },
  miniupnpd: {
    id: 'miniupnpd',
    description: "miniupnpd.conf permission lines allowing exactly the plan's mappings, then deny all",
    formats: { default: { extension: 'conf', description: 'lines for miniupnpd.conf' } },
    defaultWan: "miniupnpd's ext_ifname",
  },
};

export const targetIds = Object.keys(TARGETS) as TargetId[];

const loaders: Record<TargetId, () => Promise<{ target: Target }>> = {
  iptables: () => import('./iptables.js'),
  nftables: () => import('./nftables.js'),
  openwrt: () => import('./openwrt.js'),
  pfsense: () => import('./pfsense.js'),
  opnsense: () => import('./opnsense.js'),
  mikrotik: () => import('./mikrotik.js'),
  vyos: () => import('./vyos.js'),
  upnp: () => import('./upnp.js'),
  miniupnpd: () => import('./miniupnpd.js'),
};

export async function loadTarget(id: TargetId): Promise<Target> {
  return (await loaders[id]()).target;
}
