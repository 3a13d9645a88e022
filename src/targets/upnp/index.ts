// upnp: a POSIX sh script for the NAS that maps every forward with upnpc (miniupnpc), one UPnP IGD
// AddPortMapping per port and protocol, deleting each mapping first so that re-running it (for
// example from cron before the lease ends) always leaves exactly the plan's mappings.

import { formatRange, rangeSize } from '../../plan/ranges.js';
import type { Forward, Plan } from '../../plan/types.js';
import { shComment, shQuote } from '../../render/escape/shell.js';
import { UPNP_DESC_MAX, upnpDescription } from '../../render/escape/upnp.js';
import { fitBytes } from '../../render/text.js';
import { defineTarget } from '../define.js';
import { checkedIPv4, checkedPort } from '../shared/checks.js';
import { outputFile } from '../shared/header.js';
import { profileTag, ruleText } from '../shared/text.js';
import { TargetError, type HeaderParts, type RenderContext } from '../types.js';
import { info } from './info.js';

/** IGDv2 (miniupnpd built with IGD_V2, most current gateways) turns 0 and anything longer into 7 days. */
export const IGD2_MAX_LEASE = 604800;

export interface UpnpMapping {
  proto: 'TCP' | 'UDP';
  external: number;
  internal: number;
  /** Sanitised for the SOAP body and cut to UPNP_DESC_MAX bytes; shell-quoted by the template. */
  description: string;
}

/** UPnP cannot map ranges: every port of every forward is one mapping, so the total is capped. */
function checkCount(plan: Plan, max: number): number {
  const total = plan.forwards.reduce((n, f) => n + rangeSize(f.external), 0);
  if (total <= max) return total;
  const largest = plan.forwards.reduce((a, b) => (rangeSize(b.external) > rangeSize(a.external) ? b : a));
  throw new TargetError([
    {
      code: 'SFW302',
      severity: 'error',
      message:
        `target upnp cannot map this plan within --upnp-max ${max}: UPnP IGD maps one port per request, and this plan needs ` +
        `${total} mappings (the largest forward, ${largest.proto} ${formatRange(largest.external)}, alone needs ${rangeSize(largest.external)}). ` +
        `Raise --upnp-max, narrow the range in the profile, or use a router target (iptables, openwrt, pfsense, mikrotik) that forwards ranges in one rule`,
      pos: largest.origins[0]?.pos,
    },
  ]);
}

/** One mapping per port, in plan order; a remapped range keeps its offset port by port. */
export function upnpMappings(plan: Plan): UpnpMapping[] {
  return plan.forwards.flatMap((f) =>
    Array.from({ length: rangeSize(f.external) }, (_, i) => {
      const external = checkedPort(f.external.first + i);
      const internal = checkedPort(f.internal.first + i);
      const single: Forward = { ...f, external: { first: external, last: external }, internal: { first: internal, last: internal } };
      return {
        proto: f.proto === 'tcp' ? ('TCP' as const) : ('UDP' as const),
        external,
        internal,
        description: fitBytes(ruleText(plan, single), UPNP_DESC_MAX, upnpDescription),
      };
    }),
  );
}

interface UpnpModel {
  nas: string;
  tag: string;
  lease: number;
  max: number;
  count: number;
  mappings: UpnpMapping[];
}

function buildModel(plan: Plan, ctx: RenderContext): UpnpModel {
  const max = ctx.options.upnpMax!;
  const lease = ctx.options.upnpLease!;
  const count = checkCount(plan, max);
  return { nas: checkedIPv4(plan.nas.address), tag: profileTag(plan), lease, max, count, mappings: upnpMappings(plan) };
}

function header(plan: Plan, m: UpnpModel, ctx: RenderContext): HeaderParts {
  const file = outputFile(plan, ctx);
  const { count, max, lease } = m;
  const nas = plan.nas.address;
  const leaseText =
    lease === 0
      ? 'Lease: 0 (permanent on IGDv1 gateways).'
      : `Lease: ${lease} s${lease > IGD2_MAX_LEASE ? ` (IGDv2 gateways cut it to ${IGD2_MAX_LEASE} s)` : ''}.`;
  return {
    // The gateway picks its own WAN; "set router.wan to change it" would be wrong here.
    wanLine: `WAN: the gateway's own (UPnP maps on whatever WAN the gateway uses${plan.router.wan ? `; router.wan "${plan.router.wan}" is not used by this target` : ''})`,
    apply: [
      `Copy this script to the NAS (${nas}) and run it there: sh ${file}   (pasted into a shell it runs in a subshell: it cannot end your session)`,
      `It needs upnpc from miniupnpc, which DSM does not ship: on a Synology, run it in a container with host networking, e.g.`,
      `  docker run --rm --network host -v "$PWD":/w alpine sh -c 'apk add --no-cache miniupnpc >/dev/null && sh /w/${file}'`,
      `(Container Manager; host networking so upnpc sees the NAS's own LAN address), or on a Linux host whose address is the NAS's.`,
      `A gateway in secure mode (miniupnpd's default) only lets a host map ports to itself,`,
      `so the script stops unless upnpc reports ${nas} as this host's LAN address; SYNFW_UPNP_ANY_HOST=1 skips that check`,
      `for gateways that allow mappings for other hosts. It stops at the first mapping that fails, shows upnpc's output and exits 1.`,
      `It discovers the gateway once (upnpc -s) and passes its description URL to every later call (upnpc -u).`,
      `Mappings: ${count} (UPnP IGD maps one port per request: ranges are expanded port by port; limit --upnp-max ${max}).`,
      `Each mapping is deleted, then added again, so re-running the script is safe.`,
      `${leaseText} IGDv2 gateways cap every lease at 7 days (${IGD2_MAX_LEASE} s) and treat 0 as 7 days:`,
      `re-run this script before then, e.g. daily from cron or DSM Task Scheduler (--upnp-lease sets the lease).`,
      `Descriptions are cut to ${UPNP_DESC_MAX} bytes (what miniupnpd returns); < & and ]]> are replaced because upnpc sends them unescaped.`,
    ],
    remove: [`sh ${file} remove   (deletes every mapping listed here; one that is already gone is not an error)`],
  };
}

export const target = defineTarget(info, { helpers: { shQuote, shComment }, model: buildModel, header });
