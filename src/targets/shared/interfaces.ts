// The interfaces, zones or lists an output names, for the check every script makes on the router
// before it changes anything: a rule on a name the router does not have is accepted and forwards
// nothing, the worst failure a paste can have.

import type { RenderContext } from '../types.js';

export interface NeededName {
  /** The interface, zone or list name. */
  name: string;
  /** "router.wan", "router.openwrt.lan", or "default". */
  key: string;
  /** What to print when it is missing (the script adds what the router has). */
  missing: string;
}

/** The WAN, and the LAN when the output names it, as the script must find them. */
export function neededNames(ctx: RenderContext, what: string, lan: boolean): NeededName[] {
  const one = (name: string, key: string | null, side: string): NeededName => {
    const from = key ?? `the ${side} default; set router.${side} or router.${ctx.info.id}.${side}`;
    return { name, key: key ?? 'default', missing: `synfw: ${what} ${name} (${from}) does not exist on this router; nothing was changed.` };
  };
  return [one(ctx.wan, ctx.wanKey, 'wan'), ...(lan && ctx.lan !== undefined ? [one(ctx.lan, ctx.lanKey, 'lan')] : [])];
}
