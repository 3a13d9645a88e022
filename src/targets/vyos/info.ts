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
          why: "in --format commands: VyOS hairpin rules must name the router's WAN address and LAN subnet, which plain commands cannot look up; use the default format (a vbash script that looks them up when it runs)",
        },
      },
    },
  },
  // VyOS interfaces are Linux interfaces.
  router: { names: 'linux', wan: 'eth0' },
  // vyos-1x generic-description.xml.i: [[:ascii:]]{0,255}.
  comments: { what: 'rule description', max: 255, limit: "VyOS's 255 characters" },
} as const satisfies TargetInfo;
