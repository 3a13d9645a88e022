// mikrotik target: a RouterOS script (paste into a terminal or /import) that first removes what this
// profile added before (rules found by their comment tag, address-list entries by their list name),
// then adds dst-nat rules and narrow forward-chain accepts, plus what allowFrom, hairpin and
// nas.address6 need. The v6 menu form (/ip firewall nat) works on v6 and v7.

import type { Diagnostic } from '../diagnostics.js';
import type { Plan } from '../plan/types.js';
import { compileTemplate, type Template } from '../render/engine.js';
import { rosComment, rosQuote, rosWord } from '../render/escape/routeros.js';
import { headerLines } from './common.js';
import { TARGETS } from './index.js';
import { optionLines } from './mikrotik-notes.js';
import { buildModel, COMMENT_MAX, PORT_SLOTS, type MikrotikModel } from './mikrotik-view.js';
import type { Rendered, RenderOptions, Target } from './types.js';

let compiled: Template | undefined;
function template(): Template {
  compiled ??= compileTemplate('mikrotik', { rosComment, rosQuote, rosWord });
  return compiled;
}

/** The exact commands that delete everything this profile added, in every menu the script touches. */
export function removeCommands(m: MikrotikModel): string[] {
  const byTag = (menu: string): string => `${menu} remove [find where comment~${rosQuote(m.tagRegex)}]`;
  const byList = (menu: string): string => `${menu} remove [find where list=${rosQuote(m.listName)}]`;
  return [
    byList('/ip firewall address-list'),
    ...['nat', 'mangle', 'filter'].map((menu) => byTag(`/ip firewall ${menu}`)),
    ...(m.v6 ? [byList('/ipv6 firewall address-list'), byTag('/ipv6 firewall filter')] : []),
  ];
}

function header(plan: Plan, m: MikrotikModel, options: RenderOptions): string[] {
  const file = `synfw-${plan.profile.name}.rsc`;
  const lines = headerLines(plan, {
    info: TARGETS.mikrotik,
    version: options.version,
    wan: `${m.wanKey}=${m.wan}${m.wanKey === 'in-interface-list' ? ", the default configuration's interface list" : ''}`,
    format: options.format,
    apply: [
      `upload this file as ${file} (Files), then in a terminal: /import file-name=${file}`,
      'or paste the whole file into a terminal (WinBox/WebFig New Terminal, or ssh).',
      'Running it again first removes what the last run added, so the rules never pile up.',
    ],
    remove: removeCommands(m),
  });
  lines.push(
    `dst-nat rules are appended to the dstnat chain: a rule of yours above them for the same WAN port wins.`,
    `Port lists hold at most ${PORT_SLOTS} slots, a range counting 2 (the Linux multiport limit; RouterOS documents none).`,
    'A forward to the same NAS port has no to-ports (DNAT keeps the port); a remapped range gets one rule per port,',
    'because a to-ports range is not offset-mapped.',
    'Forward rules: see the note above /ip firewall filter below.',
    'Connections the router already tracks keep their old NAT until they time out (/ip firewall connection).',
    ...optionLines(plan, m),
  );
  if (m.cutComments) lines.push(`${m.cutComments} rule comment(s) were cut to ${COMMENT_MAX} bytes and end in "..."; the list above is complete.`);
  return lines;
}

export const target: Target = {
  info: TARGETS.mikrotik,
  render(plan: Plan, options: RenderOptions): Rendered {
    const format = options.format ?? 'default';
    if (!(format in TARGETS.mikrotik.formats)) throw new Error(`mikrotik has no format ${format}`);
    const m = buildModel(plan, TARGETS.mikrotik.defaultWan);
    const text = template()({ ...m, header: header(plan, m, options) });
    const warnings: Diagnostic[] = m.cutComments
      ? [{ code: 'SFW310', severity: 'warning', message: `target mikrotik: ${m.cutComments} rule comment(s) cut to ${COMMENT_MAX} bytes` }]
      : [];
    return { text, warnings };
  },
};
