// upnp: a POSIX sh script for the NAS that maps every forward with upnpc (miniupnpc), one UPnP IGD
// AddPortMapping per port and protocol, deleting each mapping first so that re-running it (for
// example from cron before the lease ends) always leaves exactly the plan's mappings.

import { UsageError } from '../diagnostics.js';
import { formatRange, rangeSize } from '../plan/ranges.js';
import type { Forward, Plan } from '../plan/types.js';
import { compileTemplate, type Template } from '../render/engine.js';
import { shComment, shQuote } from '../render/escape/shell.js';
import { fitBytes, headerLines, profileTag, refuseOptions, ruleText } from './common.js';
import { TARGETS } from './index.js';
import { TargetError, type RenderOptions, type Rendered, type Target } from './types.js';
import { UPNP_DESC_MAX, upnpDescription } from '../render/escape/upnp.js';
import { checkedIPv4, checkedPort } from './upnp-checks.js';

export const UPNP_MAX_DEFAULT = 64;
/** IGDv2 (miniupnpd built with IGD_V2, most current gateways) turns 0 and anything longer into 7 days. */
export const IGD2_MAX_LEASE = 604800;
/** NewLeaseDuration is a ui4. */
const LEASE_LIMIT = 4294967295;

export interface UpnpMapping {
  proto: 'TCP' | 'UDP';
  external: number;
  internal: number;
  /** Sanitised for the SOAP body and cut to UPNP_DESC_MAX bytes; shell-quoted by the template. */
  description: string;
}

function upnpOptions(options: RenderOptions): { max: number; lease: number } {
  const max = options.upnpMax ?? UPNP_MAX_DEFAULT;
  const lease = options.upnpLease ?? 0;
  if (!Number.isInteger(max) || max < 1) throw new UsageError(`--upnp-max must be a whole number of at least 1, not ${max}`);
  if (!Number.isInteger(lease) || lease < 0 || lease > LEASE_LIMIT) {
    throw new UsageError(`--upnp-lease must be a whole number of seconds from 0 to ${LEASE_LIMIT}, not ${lease}`);
  }
  return { max, lease };
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

function header(plan: Plan, options: RenderOptions, count: number, max: number, lease: number): string[] {
  const info = TARGETS.upnp;
  const nas = plan.nas.address;
  const leaseText =
    lease === 0
      ? 'Lease: 0 (permanent on IGDv1 gateways).'
      : `Lease: ${lease} s${lease > IGD2_MAX_LEASE ? ` (IGDv2 gateways cut it to ${IGD2_MAX_LEASE} s)` : ''}.`;
  const lines = headerLines(plan, {
    info,
    version: options.version,
    wan: info.defaultWan,
    // The gateway picks its own WAN; "set router.wan to change it" would be wrong here.
    wanLine: `WAN: ${info.defaultWan} (UPnP maps on whatever WAN the gateway uses${plan.router.wan ? `; router.wan "${plan.router.wan}" is not used by this target` : ''})`,
    format: options.format,
    apply: [
      `Copy this script to the NAS (${nas}) and run it there: sh upnp.sh`,
      `It needs upnpc from miniupnpc on the NAS. A gateway in secure mode (miniupnpd's default) only lets a host map ports to itself,`,
      `so the script stops unless upnpc reports ${nas} as this host's LAN address; SYNFW_UPNP_ANY_HOST=1 skips that check`,
      `for gateways that allow mappings for other hosts. It stops at the first mapping that fails, shows upnpc's output and exits 1.`,
      `It discovers the gateway once (upnpc -s) and passes its description URL to every later call (upnpc -u).`,
      `Mappings: ${count} (UPnP IGD maps one port per request: ranges are expanded port by port; limit --upnp-max ${max}).`,
      `Each mapping is deleted, then added again, so re-running the script is safe.`,
      `${leaseText} IGDv2 gateways cap every lease at 7 days (${IGD2_MAX_LEASE} s) and treat 0 as 7 days:`,
      `re-run this script before then, e.g. daily from cron or DSM Task Scheduler (--upnp-lease sets the lease).`,
      `Descriptions are cut to ${UPNP_DESC_MAX} bytes (what miniupnpd returns); < & and ]]> are replaced because upnpc sends them unescaped.`,
    ],
    remove: ['sh upnp.sh remove   (deletes every mapping listed here; one that is already gone is not an error)'],
  });
  return lines;
}

let template: Template | undefined;

export const target: Target = {
  info: TARGETS.upnp,
  render(plan: Plan, options: RenderOptions): Rendered {
    refuseOptions(plan, this.info, ['allowFrom', 'hairpin', 'address6'], {
      allowFrom:
        'a UPnP IGD mapping cannot be limited to source networks (NewRemoteHost names one host at most and most gateways only accept the wildcard)',
      hairpin: 'NAT loopback is a setting of the gateway itself that UPnP cannot request',
      address6: 'IPv6 needs firewall pinholes (IGDv2 WANIPv6FirewallControl), which this target does not generate; use a router target',
    });
    const { max, lease } = upnpOptions(options);
    const count = checkCount(plan, max);
    template ??= compileTemplate('upnp', { shQuote, shComment });
    const text = template({
      header: header(plan, options, count, max, lease),
      nas: checkedIPv4(plan.nas.address),
      tag: profileTag(plan),
      lease,
      count,
      mappings: upnpMappings(plan),
    });
    return { text, warnings: [] };
  },
};
