// iptables target: a POSIX sh script (default) or iptables-restore --noflush input (--format
// restore). Rules live in two chains of the profile's own, hooked from nat PREROUTING and filter
// FORWARD; re-running either form leaves the same ruleset as running it once.

import { compileTemplate, type Template } from '../render/engine.js';
import { iptQuote, restoreComment } from '../render/escape/iptables.js';
import { shComment, shQuote } from '../render/escape/shell.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Plan } from '../plan/types.js';
import { headerLines, refuseOptions } from './common.js';
import { TARGETS } from './index.js';
import { buildModel, COMMENT_MAX, type ChainView, type IptablesModel } from './iptables-view.js';
import { TargetError, type Rendered, type RenderOptions, type Target } from './types.js';

const templates = new Map<string, Template>();
function template(name: 'iptables' | 'iptables-restore'): Template {
  let t = templates.get(name);
  if (!t) {
    t = compileTemplate(name, { shQuote, shComment, iptQuote, restoreComment });
    templates.set(name, t);
  }
  return t;
}

/** Linux interface names: IFNAMSIZ 16 incl. NUL; iptables rejects longer ones. */
const IFNAME = /^[A-Za-z0-9][A-Za-z0-9_.@:+-]{0,14}$/;

/** The shell commands that hook, unhook and delete a chain (also printed in the restore header). */
export function chainCommands(c: ChainView, tag: string): { hook: string; unhook: string; drop: string } {
  const ipt = `iptables -w -t ${c.table}`;
  const jump = `${c.hookChain} -m comment --comment ${shQuote(tag)} -j ${c.name}`;
  return {
    hook: `${ipt} -C ${jump} 2>/dev/null || ${ipt} ${c.hookAdd} ${jump}`,
    unhook: `${ipt} -D ${jump}`,
    drop: `${ipt} -F ${c.name} && ${ipt} -X ${c.name}`,
  };
}

function header(plan: Plan, m: IptablesModel, options: RenderOptions, restore: boolean): string[] {
  const [nat, filter] = m.chains;
  const cmds = m.chains.map((c) => chainCommands(c, m.tag));
  const apply = restore
    ? ['save this file as FILE, then as root: iptables-restore -w --noflush < FILE   (never without --noflush: that empties the whole tables)', 'then hook the chains once (does nothing if they are hooked already):', ...cmds.map((c) => c.hook)]
    : ['save this script as FILE, then as root on the router: sh FILE   (running it again leaves the same rules: chains are flushed and refilled, hooks added only if missing)'];
  const remove = restore ? [...cmds.map((c) => c.unhook), ...cmds.map((c) => c.drop)] : ['as root: sh FILE remove   (deletes the hooks and both chains; running it again is harmless)'];
  const lines = headerLines(plan, { info: TARGETS.iptables, version: options.version, wan: m.wan, format: options.format, apply, remove });
  lines.push(
    `Chains: nat ${nat.name} (appended to PREROUTING: DNAT of what arrives on ${m.wan}), filter ${filter.name} (inserted first in FORWARD).`,
    'The filter chain accepts only these DNATed connections, both directions (conntrack --ctstate DNAT --ctdir ORIGINAL/REPLY), so a FORWARD policy of DROP is fine.',
  );
  if (m.shiftedRange) lines.push('A remapped range uses --to-destination ADDR:FIRST-LAST/BASE: needs iptables >= 1.8.0 and Linux >= 4.18.');
  if (m.cutComments) lines.push(`${m.cutComments} rule comment(s) were cut to ${COMMENT_MAX} bytes (the kernel keeps no more) and end in "..."; the list above is complete.`);
  return lines;
}

export const target: Target = {
  info: TARGETS.iptables,
  render(plan: Plan, options: RenderOptions): Rendered {
    refuseOptions(plan, TARGETS.iptables, ['allowFrom', 'hairpin', 'address6']);
    const format = options.format ?? 'default';
    if (!(format in TARGETS.iptables.formats)) throw new Error(`iptables has no format ${format}`);
    const wan = plan.router.wan ?? TARGETS.iptables.defaultWan;
    if (!IFNAME.test(wan)) {
      throw new TargetError([
        { code: 'SFW304', severity: 'error', message: `target iptables: router.wan "${wan}" is not a Linux interface name (at most 15 characters); iptables -i would reject it`, pos: plan.keyPos.wan },
      ]);
    }
    const m = buildModel(plan, wan);
    const restore = format === 'restore';
    const text = template(restore ? 'iptables-restore' : 'iptables')({ ...m, header: header(plan, m, options, restore) });
    const warnings: Diagnostic[] = m.cutComments
      ? [{ code: 'SFW310', severity: 'warning', message: `target iptables: ${m.cutComments} rule comment(s) cut to the kernel's ${COMMENT_MAX} bytes` }]
      : [];
    return { text, warnings };
  },
};
