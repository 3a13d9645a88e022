// vyos target (VyOS 1.4/1.5): destination NAT rules and forward-filter accepts as VyOS `set`
// commands, in the profile's own block of rule numbers. The default form is a vbash script run on
// the router (script-template, configure, commit, save; VyOS docs "Command Scripting") that first
// deletes what an earlier run of the profile added; `--format commands` is the bare delete/set
// lines to paste in configure mode, followed by commit and save.

import { shQuote } from '../../render/escape/shell.js';
import { vyosComments, vyosQuote } from '../../render/escape/vyos.js';
import { defineTarget } from '../define.js';
import { neededNames } from '../shared/interfaces.js';
import type { Plan } from '../../plan/types.js';
import type { RenderContext } from '../types.js';
import { header } from './header.js';
import { outputFile } from '../shared/header.js';
import { info } from './info.js';
import { buildModel, type VyosModel } from './view.js';

/** What only the script needs: messages and the hairpin lookups. */
function scriptView(plan: Plan, m: VyosModel, ctx: RenderContext): object {
  return {
    needed: neededNames(ctx, 'interface', m.lan !== null),
    zoneMessage: 'synfw: this router uses a zone-based firewall (firewall zone ...): its zone policies decide forwarded traffic, so the forward filter rules this script adds would not let anything through. Nothing was changed; add these forwards to your zone policies instead (the header lists them).',
    rootMessage: `synfw: do not run this as root or with sudo; run it as your VyOS login user: vbash ${outputFile(plan, ctx)}`,
    tagPrefix: `${m.tag} `,
    hairpin:
      m.lan === null
        ? null
        : {
            wan: m.wan,
            lan: m.lan,
            noWan: `synfw: no IPv4 address on ${m.wan} (${ctx.wanKey ?? 'default'}); the hairpin rules need the WAN address. Nothing was changed.`,
            noLan: `synfw: no IPv4 subnet on ${m.lan} (${ctx.lanKey}); the hairpin rules need the LAN subnet. Nothing was changed.`,
          },
  };
}

export const target = defineTarget(info, {
  helpers: { vyosQuote, vyosComments, shQuote },
  model: (plan, ctx) => {
    const m = buildModel(plan, ctx);
    return ctx.format === 'default' ? { ...m, ...scriptView(plan, m, ctx) } : m;
  },
  header,
});
