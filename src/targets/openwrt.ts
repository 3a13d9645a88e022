// OpenWrt target (fw3 and fw4): a POSIX sh script of uci commands (default) or the same sections
// as /etc/config/firewall text (--format config). One named `redirect` section per port or range;
// the script first deletes every redirect tagged with this profile, so a re-run replaces what an
// earlier run made, including the sections of apps since removed from the profile.

import type { Diagnostic } from '../diagnostics.js';
import type { Plan } from '../plan/types.js';
import { compileTemplate, type Template } from '../render/engine.js';
import { shComment, shQuote } from '../render/escape/shell.js';
import { uciComment, uciQuote } from '../render/escape/uci.js';
import { headerLines, refuseOptions } from './common.js';
import { TARGETS } from './index.js';
import { buildRedirects, NAME_MAX_BYTES, type RedirectModel } from './openwrt-sections.js';
import type { Rendered, RenderOptions, Target } from './types.js';

const info = TARGETS.openwrt;

const templates = new Map<string, Template>();
function template(name: 'openwrt' | 'openwrt-config'): Template {
  let t = templates.get(name);
  if (!t) {
    t = compileTemplate(name, name === 'openwrt' ? { shQuote, shComment } : { uciQuote, uciComment });
    templates.set(name, t);
  }
  return t;
}

function header(plan: Plan, m: RedirectModel, options: RenderOptions, config: boolean): string[] {
  const who = `every redirect whose name option starts with '${m.tag} '`;
  const apply = config
    ? [
        'paste the config sections below at the end of /etc/config/firewall on the router, then run',
        '/etc/init.d/firewall reload (on fw4, "fw4 check" validates the file first). Before pasting a',
        `newer version, delete the earlier one: ${who} (the sh form does that itself).`,
      ]
    : [
        'copy this script to the router (fw3 or fw4) and run there: sh FILE   (or: sh FILE apply)',
        `It first deletes ${who}`,
        '(earlier runs, also of apps since removed), then deletes and sets each section below, so a',
        're-run replaces and never duplicates; then uci commit firewall and /etc/init.d/firewall reload',
        '(if that is missing it says so: the config is committed but not loaded). It changes nothing',
        'while the firewall config has uncommitted changes (see: uci changes firewall).',
      ];
  const remove = config
    ? [`delete ${who} from /etc/config/firewall,`, 'then run /etc/init.d/firewall reload (or run the sh form with the argument remove)']
    : ['sh FILE remove   (deletes those same redirects, commits, reloads)'];
  const lines = headerLines(plan, { info, version: options.version, wan: m.src, format: options.format, apply, remove });
  lines.push(
    `Sections: config redirect, target DNAT, src zone ${m.src}, dest zone ${m.dest}${plan.router.lan ? ' (router.lan)' : ' (default; set router.lan to change it)'}, family ipv4.`,
    "reflection '0': NAT loopback (hairpin) is off, as the profile's hairpin is false (fw3 and fw4 default to on).",
    `name: tag, apps and names in at most ${NAME_MAX_BYTES} bytes (fw4 makes it an nft comment, limit 128);`,
    `  " is written as ' (as fw4 does) and % as \uff05 (fw3 uses the name as a printf format).`,
  );
  if (m.splitRanges) lines.push('A remapped port range is one section per port: DNAT to a port range does not shift ports.');
  if (m.cutNames) lines.push(`${m.cutNames} name(s) were cut to ${NAME_MAX_BYTES} bytes and end in "..."; the list above is complete.`);
  return lines;
}

export const target: Target = {
  info,
  render(plan: Plan, options: RenderOptions): Rendered {
    refuseOptions(plan, info, ['allowFrom', 'hairpin', 'address6']);
    const format = options.format ?? 'default';
    if (!(format in info.formats)) throw new Error(`openwrt has no format ${format}`);
    const config = format === 'config';
    const m = buildRedirects(plan, plan.router.wan ?? info.defaultWan, plan.router.lan ?? 'lan');
    const text = template(config ? 'openwrt-config' : 'openwrt')({ ...m, header: header(plan, m, options, config) });
    const warnings: Diagnostic[] = m.cutNames
      ? [{ code: 'SFW310', severity: 'warning', message: `target openwrt: ${m.cutNames} redirect name(s) cut to ${NAME_MAX_BYTES} bytes` }]
      : [];
    return { text, warnings };
  },
};
