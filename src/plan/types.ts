// The plan is the one normalised model every target consumes. It is pure data: sorted,
// deduplicated, and complete (every port the profile asked for is either a forward or skipped).

import type { Diagnostic, SourcePos } from '../diagnostics.js';
import type { Exposure, Proto } from '../catalog/types.js';

export type { Exposure, Proto };

/** An inclusive port range; first === last for a single port. */
export interface PortRange {
  first: number;
  last: number;
}

/** One app port (catalog or custom) that contributed to a forward. */
export interface Origin {
  /** Catalog app id or custom id. */
  app: string;
  /** Catalog label, or the custom port spec ("32400/tcp"). */
  label: string;
  /** Display name: catalog app name, or the custom entry's description (free text!) or id. */
  name: string;
  kind: 'catalog' | 'custom';
  exposure: Exposure;
  /** false: a public port that does not encrypt (a BitTorrent peer port, Let's Encrypt on 80). */
  encrypted?: false;
  /** Where the profile asked for it. */
  pos?: SourcePos;
}

export interface Forward {
  proto: Proto;
  /** WAN side: what the internet connects to. */
  external: PortRange;
  /** NAS side; always the same length as external. */
  internal: PortRange;
  /** Contributing app ids, sorted, unique. */
  apps: string[];
  /** Every contributing app port, sorted by app then label. */
  origins: Origin[];
  /** "risky" when any contributing port is risky (forwarded because of allowRisky). */
  exposure: 'public' | 'risky';
}

export interface Skipped {
  app: string;
  label: string;
  name: string;
  proto: Proto;
  ports: PortRange;
  exposure: Exposure;
  /** Why it is not forwarded, as a sentence a user can act on. */
  reason: string;
  pos?: SourcePos;
}

/** Information about the plan for the user: not a warning, nothing to fix unless it applies. */
export interface PlanNote {
  /** Stable id, e.g. "letsencrypt-port-80". */
  id: string;
  message: string;
  /** The tcp port the note is about, so that `synfw why PORT PROFILE` can show it. */
  port?: number;
}

export interface Plan {
  profile: {
    /** Slug: tags every generated rule as synfw:<name>. */
    name: string;
    /** The profile file as given on the command line. */
    file: string;
  };
  nas: {
    address: string;
    address6?: string;
    dsm: { version: string; http: number; https: number };
  };
  router: {
    /** router.wan and router.lan as written: for every target without its own; each target has a default. */
    wan?: string;
    lan?: string;
    /** router.<target>.wan/lan as written, by target id. */
    targets?: Record<string, { wan?: string; lan?: string }>;
  };
  /**
   * IPv4 source CIDRs allowed to use the forwards. When allowFrom and allowFrom6 are both empty,
   * anyone may; when either is set, only the listed sources may (so with IPv4 sources only, no IPv6
   * source is allowed and targets emit no IPv6 allow rules).
   */
  allowFrom: string[];
  /** IPv6 source CIDRs allowed to reach nas.address6 (see allowFrom). */
  allowFrom6: string[];
  /** NAT loopback: true on, false off, null the router's own default (the profile does not say). */
  hairpin: boolean | null;
  /** Sorted by proto, then external.first. */
  forwards: Forward[];
  /** Sorted by app, label, proto. */
  skipped: Skipped[];
  /** Warnings only; a plan is never built from a profile with errors. */
  warnings: Diagnostic[];
  /** Information that `synfw plan` shows (absent or empty: none). */
  notes?: PlanNote[];
  /**
   * Where the profile sets the keys a target may be unable to express or reject, for its error
   * message: allowFrom, hairpin, address6, wan, lan, and router.<target>.wan/lan as "<target>.wan".
   */
  keyPos: Partial<Record<string, SourcePos>>;
}
