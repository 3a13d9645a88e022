// What a router target is. A target turns the plan into a view model (packing ports into rules the
// way its syntax allows) and renders it through its own Handlebars template.

import type { Diagnostic } from '../diagnostics.js';
import type { Plan } from '../plan/types.js';

export type TargetId = 'iptables' | 'nftables' | 'openwrt' | 'pfsense' | 'opnsense' | 'mikrotik' | 'vyos' | 'upnp' | 'miniupnpd';

export interface RenderOptions {
  /** synfw's version, for the header. */
  version: string;
  /** An alternate output form of the target (iptables "restore", openwrt "config"). */
  format?: string;
  /** upnp: most mappings a range may expand to (default 64). */
  upnpMax?: number;
  /** upnp: lease duration in seconds (default 0 = permanent where the gateway allows it). */
  upnpLease?: number;
  /** pfsense, opnsense: the user's exported config.xml to merge into. */
  merge?: { file: string; text: string };
}

export interface Rendered {
  text: string;
  /** Warnings the render produced (truncated comments, ...). */
  warnings: Diagnostic[];
}

export interface TargetFormat {
  /** File extension without the dot. */
  extension: string;
  description: string;
}

/** Metadata known without loading the target's module (for `synfw targets` and --help). */
export interface TargetInfo {
  id: TargetId;
  /** One line for `synfw targets`. */
  description: string;
  /** The default form first; its key is "default". */
  formats: Record<string, TargetFormat> & { default: TargetFormat };
  /** What the header says when router.wan is absent. */
  defaultWan: string;
}

export interface Target {
  info: TargetInfo;
  /** Throws TargetError when the plan asks for something the target cannot express. */
  render(plan: Plan, options: RenderOptions): Rendered;
}

/** The plan asks for something this target cannot do: exit status 1 with these diagnostics. */
export class TargetError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => d.message).join('\n'));
    this.name = 'TargetError';
  }
}
