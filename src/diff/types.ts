// The report of `synfw diff`: a router's state against a plan, in the plan's terms. This shape is
// what `--json` prints (docs/diff.md documents it); change it only by adding fields.

import type { Skipped } from '../readers/flow.js';

/** One forwarded port as a plan or a router has it: where it arrives and where it goes. */
export interface Port {
  family: 4 | 6;
  proto: 'tcp' | 'udp';
  /** The WAN port; null for IPv6 (no NAT: the NAS's own port). */
  wan: number | null;
  /** "192.168.1.10:5001" (IPv6: "[2001:db8::10]:5001"); several when a router forwards one port twice. */
  targets: string[];
  /** Who may connect from the internet: canonical CIDRs, or ["any"]; [] for nobody (hairpin only). */
  sources: string[];
  /** LAN clients reach it through the router's WAN address (NAT loopback). */
  hairpin: boolean;
}

/** A port of the plan, with the apps it serves. */
export interface PlanPort extends Port {
  apps: string[];
}

/** A port as a router has it, with where its rules were read ("line 12", "section x"). */
export interface RouterPort extends Port {
  at: string[];
}

export type Change = 'targets' | 'sources' | 'hairpin';

export interface Changed {
  plan: PlanPort;
  router: RouterPort;
  /** What differs. */
  what: Change[];
}

export interface Foreign extends RouterPort {
  /** null: no synfw tag; "synfw:<profile>": another profile's rule. */
  owner: string | null;
  /** Why it is shown: it forwards to the NAS, or it claims a WAN port the plan needs (or both). */
  reasons: ('forwards to the NAS' | 'claims a WAN port of the plan')[];
}

export interface DiffReport {
  /** The version of this shape; fields are only ever added. */
  format: 1;
  profile: string;
  target: string;
  /** No missing, stale or changed port (foreign rules and skipped lines do not count). */
  inSync: boolean;
  /** In the plan, not on the router. */
  missing: PlanPort[];
  /** Tagged with this profile on the router, not in the plan. */
  stale: RouterPort[];
  /** The same WAN port (IPv6: NAS port) on both, forwarded differently. */
  changed: Changed[];
  /** Rules synfw did not make for this profile that touch it: shown, never touched. */
  foreign: Foreign[];
  /** The plan's ports the router has exactly. */
  same: PlanPort[];
  /** What the reader did not understand, so claims nothing about. */
  skipped: Skipped[];
}
