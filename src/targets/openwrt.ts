// OpenWrt target (fw3 and fw4): a POSIX sh script of uci commands (default) or the same sections
// as /etc/config/firewall text (--format config). One named `redirect` section per port or range
// (per allowed source with allowFrom), and for nas.address6 one IPv6 `rule` section per NAS port or
// range; the script first deletes every redirect and rule tagged with this profile, so a re-run
// replaces what an earlier run made, including the sections of apps since removed from the profile.

import type { Diagnostic } from '../diagnostics.js';
import type { Plan } from '../plan/types.js';
import { compileTemplate, type Template } from '../render/engine.js';
import { shComment, shQuote } from '../render/escape/shell.js';
import { uciComment, uciQuote } from '../render/escape/uci.js';
import { admits, refuseOptions } from './common.js';
import { TARGETS } from './index.js';
import { header } from './openwrt-header.js';
import { buildRules6 } from './openwrt-rules.js';
import { buildRedirects, NAME_MAX_BYTES } from './openwrt-sections.js';
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

export const target: Target = {
  info,
  render(plan: Plan, options: RenderOptions): Rendered {
    // fw3/fw4 hang NAT loopback on a redirect; with no IPv4 source allowed there is none to hang it on.
    if (plan.hairpin && !admits(plan, 4)) {
      refuseOptions(plan, info, ['hairpin'], {
        hairpin:
          'fw3 and fw4 make NAT loopback rules from a redirect, and allowFrom lists only IPv6 sources, so no IPv4 redirect is written; add an IPv4 source to allowFrom or set hairpin to false',
      });
    }
    const format = options.format ?? 'default';
    if (!(format in info.formats)) throw new Error(`openwrt has no format ${format}`);
    const config = format === 'config';
    const src = plan.router.wan ?? info.defaultWan;
    const dest = plan.router.lan ?? 'lan';
    const m = buildRedirects(plan, src, dest);
    const r6 = buildRules6(plan, src, dest);
    const text = template(config ? 'openwrt-config' : 'openwrt')({ ...m, rules: r6.rules, header: header(plan, m, r6, options, config) });
    const cut = m.cutNames + r6.cutNames;
    const warnings: Diagnostic[] = cut ? [{ code: 'SFW310', severity: 'warning', message: `target openwrt: ${cut} section name(s) cut to ${NAME_MAX_BYTES} bytes` }] : [];
    return { text, warnings };
  },
};
