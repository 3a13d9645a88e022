// iptables target: a POSIX sh script (default) or iptables-restore --noflush input (--format
// restore). Rules live in chains of the profile's own, hooked from nat PREROUTING/POSTROUTING and
// filter FORWARD (ip6tables FORWARD for nas.address6); re-running either form leaves the same
// ruleset as running it once.

import { compileTemplate, type Template } from '../render/engine.js';
import { iptQuote, restoreComment } from '../render/escape/iptables.js';
import { shComment, shQuote } from '../render/escape/shell.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Plan } from '../plan/types.js';
import { refuseOptions } from './common.js';
import { TARGETS } from './index.js';
import { header } from './iptables-header.js';
import { buildModel, COMMENT_MAX } from './iptables-view.js';
import { TargetError, type Rendered, type RenderOptions, type Target } from './types.js';

export { chainCommands } from './iptables-header.js';

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

/** Why the restore form refuses an option: it is one static iptables-restore file. */
const RESTORE_WHY = {
  hairpin:
    "in --format restore: hairpin needs the router's current WAN address and LAN subnet, which a static iptables-restore file cannot look up; use the default format (an sh script that looks them up when it runs)",
  address6:
    'in --format restore: iptables-restore input cannot hold ip6tables rules (ip6tables-restore needs a file of its own); use the default format (an sh script that runs ip6tables too)',
};

const error = (code: string, message: string, pos: Plan['keyPos'][keyof Plan['keyPos']]): TargetError =>
  new TargetError([{ code, severity: 'error', message: `target iptables: ${message}`, ...(pos ? { pos } : {}) }]);

/** Interface names go into rules unquoted; hairpin needs a LAN interface that is not the WAN. */
function interfaces(plan: Plan): { wan: string } {
  const wan = plan.router.wan ?? TARGETS.iptables.defaultWan;
  if (!IFNAME.test(wan)) throw error('SFW304', `router.wan "${wan}" is not a Linux interface name (at most 15 characters); iptables -i would reject it`, plan.keyPos.wan);
  if (!plan.hairpin) return { wan };
  const lan = plan.router.lan;
  if (lan === undefined) throw error('SFW305', 'hairpin needs router.lan (the LAN interface, e.g. br-lan)', plan.keyPos.hairpin);
  if (!IFNAME.test(lan)) throw error('SFW304', `router.lan "${lan}" is not a Linux interface name (at most 15 characters); iptables -i would reject it`, plan.keyPos.lan);
  if (lan === wan) throw error('SFW304', `router.lan "${lan}" is the WAN interface too; hairpin needs the LAN interface`, plan.keyPos.lan);
  return { wan };
}

export const target: Target = {
  info: TARGETS.iptables,
  render(plan: Plan, options: RenderOptions): Rendered {
    const format = options.format ?? 'default';
    if (!(format in TARGETS.iptables.formats)) throw new Error(`iptables has no format ${format}`);
    const restore = format === 'restore';
    if (restore) refuseOptions(plan, TARGETS.iptables, ['hairpin', 'address6'], RESTORE_WHY);
    const { wan } = interfaces(plan);
    const m = buildModel(plan, wan);
    const text = template(restore ? 'iptables-restore' : 'iptables')({ ...m, header: header(plan, m, options, restore) });
    const warnings: Diagnostic[] = m.cutComments
      ? [{ code: 'SFW310', severity: 'warning', message: `target iptables: ${m.cutComments} rule comment(s) cut to the kernel's ${COMMENT_MAX} bytes` }]
      : [];
    return { text, warnings };
  },
};
