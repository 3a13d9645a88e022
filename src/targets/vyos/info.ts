import type { TargetInfo } from '../types.js';

export const info = {
  id: 'vyos',
  description: 'VyOS 1.4+: configuration script of set commands for destination NAT and firewall rules',
  formats: {
    default: { extension: 'sh', description: 'vbash script run on the router (configure, commit, save)' },
    commands: {
      extension: 'conf',
      description: 'set/delete commands to paste in configure mode',
      refuses: {
        hairpin: {
          when: (plan) => plan.hairpin === true,
          why: "in --format commands: VyOS hairpin rules must name the router's WAN address and LAN subnet, which plain commands cannot look up; use the default format (a vbash script that looks them up when it runs)",
        },
      },
    },
  },
  router: {
    names: 'linux',
    wan: 'eth0',
    // The interface types of vyos-1x's include/firewall/match-interface.xml.i, each numbered as VyOS
    // names its interfaces (eth0, br1, pppoe0), with VLAN suffixes (eth0.10, eth0.10.20). The rule
    // regex alone would also take br-lan or eth0@x, which no VyOS interface is called (nft rejects
    // @ : + at commit).
    valid: {
      pattern: /^(?=.{1,15}$)(?:(?:bond|br|dum|en|ersp|eth|gnv|ifb|ipoe|lan|l2tp|l2tpeth|macsec|peth|ppp|pppoe|pptp|sstp|tun|veth|vti|vtun|vxlan|wg|wlan|wwan)[0-9]+(?:\.[0-9]+){0,2}|lo)$/,
      what: 'a VyOS interface name (eth0, br0, bond0, pppoe0, wg0, eth0.10: a type VyOS knows and its number; at most 15 characters)',
    },
  },
  // vyos-1x generic-description.xml.i: [[:ascii:]]{0,255}.
  comments: { what: 'rule description', max: 255, limit: "VyOS's 255 characters" },
  state: {
    export: 'show configuration commands',
    checkLater: (diff) => `ssh vyos@ROUTER /opt/vyatta/bin/vyatta-op-cmd-wrapper show configuration commands | ${diff} --from -`,
    // The op-mode wrapper is how scripts run `show` commands (VyOS docs, "Command scripting"); unproven here.
    apply: { read: ['/opt/vyatta/bin/vyatta-op-cmd-wrapper show configuration commands'], run: () => 'vbash -s' },
  },
} as const satisfies TargetInfo;
