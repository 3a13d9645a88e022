// The target registry: one line per target. Each target's declarations (info.ts) are loaded here,
// cheaply, for `synfw targets`, --help, the CLI's choices and file names; its code (index.ts) only
// when a command renders it. Targets never import this module.

import { info as checklist } from './checklist/info.js';
import { info as iptables } from './iptables/info.js';
import { info as mikrotik } from './mikrotik/info.js';
import { info as miniupnpd } from './miniupnpd/info.js';
import { info as nftables } from './nftables/info.js';
import { info as openwrt } from './openwrt/info.js';
import { info as opnsense } from './opnsense/info.js';
import { info as pfsense } from './pfsense/info.js';
import { info as upnp } from './upnp/info.js';
import { info as vyos } from './vyos/info.js';
import type { StateAccess, Target, TargetInfo } from './types.js';

type Registry = Record<string, { info: TargetInfo; load: () => Promise<{ target: Target }> }>;

const REGISTRY = {
  iptables: { info: iptables, load: () => import('./iptables/index.js') },
  nftables: { info: nftables, load: () => import('./nftables/index.js') },
  openwrt: { info: openwrt, load: () => import('./openwrt/index.js') },
  pfsense: { info: pfsense, load: () => import('./pfsense/index.js') },
  opnsense: { info: opnsense, load: () => import('./opnsense/index.js') },
  mikrotik: { info: mikrotik, load: () => import('./mikrotik/index.js') },
  vyos: { info: vyos, load: () => import('./vyos/index.js') },
  upnp: { info: upnp, load: () => import('./upnp/index.js') },
  miniupnpd: { info: miniupnpd, load: () => import('./miniupnpd/index.js') },
  checklist: { info: checklist, load: () => import('./checklist/index.js') },
} satisfies Registry;

export type TargetId = keyof typeof REGISTRY;

export const targetIds = Object.keys(REGISTRY) as TargetId[];

export const TARGETS = Object.fromEntries(targetIds.map((id) => [id, REGISTRY[id].info])) as Record<TargetId, TargetInfo>;

export async function loadTarget(id: TargetId): Promise<Target> {
  return (await REGISTRY[id].load()).target;
}

type InfoOf<K extends TargetId> = (typeof REGISTRY)[K]['info'];

/** The targets whose router state `synfw diff` reads: those that declare `state`. */
export type StateTargetId = { [K in TargetId]: InfoOf<K> extends { state: object } ? K : never }[TargetId];

/** The targets `synfw apply` can change over ssh: those that declare `state.apply`. */
export type ApplyTargetId = { [K in TargetId]: InfoOf<K> extends { state: { apply: object } } ? K : never }[TargetId];

export const stateTargetIds = targetIds.filter((id) => TARGETS[id].state) as StateTargetId[];

export const applyTargetIds = targetIds.filter((id) => TARGETS[id].state?.apply) as ApplyTargetId[];

/** A declared state access, for a target known to have one. */
export const stateAccess = (id: StateTargetId): StateAccess => TARGETS[id].state!;
