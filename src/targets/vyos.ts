// vyos target (VyOS 1.4/1.5): destination NAT rules and forward-filter accepts as VyOS `set`
// commands, in the profile's own block of rule numbers. The default form is a vbash script run on
// the router (script-template, configure, commit, save; VyOS docs "Command Scripting") that first
// deletes what an earlier run of the profile added; `--format commands` is the bare delete/set
// lines to paste in configure mode, followed by commit and save.

import type { Diagnostic } from '../diagnostics.js';
import type { Plan } from '../plan/types.js';
import { compileTemplate, type Template } from '../render/engine.js';
import { shQuote } from '../render/escape/shell.js';
import { vyosComment, vyosQuote } from '../render/escape/vyos.js';
import { refuseOptions } from './common.js';
import { TARGETS } from './index.js';
import { TargetError, type Rendered, type RenderOptions, type Target } from './types.js';
import { fileName, header } from './vyos-header.js';
import { buildModel, DESCRIPTION_MAX, type VyosModel } from './vyos-view.js';

const templates = new Map<string, Template>();
function template(name: 'vyos' | 'vyos-commands'): Template {
  let t = templates.get(name);
  if (!t) {
    t = compileTemplate(name, { vyosQuote, vyosComment, shQuote });
    templates.set(name, t);
  }
  return t;
}

/** Linux interface names (IFNAMSIZ): VyOS interfaces are Linux interfaces. */
const IFNAME = /^[A-Za-z0-9][A-Za-z0-9_.@:+-]{0,14}$/;

const COMMANDS_WHY = {
  hairpin:
    "in --format commands: VyOS hairpin rules must name the router's WAN address and LAN subnet, which plain commands cannot look up; use the default format (a vbash script that looks them up when it runs)",
};

const error = (code: string, message: string, pos: Plan['keyPos'][keyof Plan['keyPos']]): TargetError =>
  new TargetError([{ code, severity: 'error', message: `target vyos: ${message}`, ...(pos ? { pos } : {}) }]);

function interfaces(plan: Plan): string {
  const wan = plan.router.wan ?? TARGETS.vyos.defaultWan;
  if (!IFNAME.test(wan)) throw error('SFW304', `router.wan "${wan}" is not a Linux interface name (at most 15 characters); VyOS would reject it`, plan.keyPos.wan);
  if (!plan.hairpin) return wan;
  const lan = plan.router.lan;
  if (lan === undefined) throw error('SFW305', 'hairpin needs router.lan (the LAN interface)', plan.keyPos.hairpin);
  if (!IFNAME.test(lan)) throw error('SFW304', `router.lan "${lan}" is not a Linux interface name (at most 15 characters); VyOS would reject it`, plan.keyPos.lan);
  if (lan === wan) throw error('SFW304', `router.lan "${lan}" is the WAN interface too; hairpin needs the LAN interface`, plan.keyPos.lan);
  return wan;
}

/** What only the script needs: messages and the hairpin lookups. */
function scriptView(m: VyosModel): object {
  return {
    rootMessage: `synfw: do not run this as root or with sudo; run it as your VyOS login user: vbash ${fileName(m, true)}`,
    tagPrefix: `${m.tag} `,
    hairpin:
      m.lan === null
        ? null
        : {
            wan: m.wan,
            lan: m.lan,
            noWan: `synfw: no IPv4 address on ${m.wan} (router.wan); the hairpin rules need the WAN address. Nothing was changed.`,
            noLan: `synfw: no IPv4 subnet on ${m.lan} (router.lan); the hairpin rules need the LAN subnet. Nothing was changed.`,
          },
  };
}

export const target: Target = {
  info: TARGETS.vyos,
  render(plan: Plan, options: RenderOptions): Rendered {
    const format = options.format ?? 'default';
    if (!(format in TARGETS.vyos.formats)) throw new Error(`vyos has no format ${format}`);
    const script = format === 'default';
    if (!script) refuseOptions(plan, TARGETS.vyos, ['hairpin'], COMMANDS_WHY);
    const m = buildModel(plan, interfaces(plan));
    const view = { ...m, header: header(plan, m, options, script), ...(script ? scriptView(m) : {}) };
    const text = template(script ? 'vyos' : 'vyos-commands')(view);
    const warnings: Diagnostic[] = m.cut
      ? [{ code: 'SFW310', severity: 'warning', message: `target vyos: ${m.cut} rule description(s) cut to VyOS's ${DESCRIPTION_MAX} characters` }]
      : [];
    return { text, warnings };
  },
};
