// One reader per target: synfw's output of any format read back, strictly, down to the flows it
// lets in (src/readers/flow.ts), to compare with expectedFlows(plan, target). A Record over the
// registry's ids, so that TypeScript (and the contract test, test/targets/contract.test.ts) fail
// when a target is added without one. Each entry chains the strict readers of its dialect: a line
// they do not expect throws, so meaning that text comparison cannot see is checked on the way.

import type { Plan } from '../../../src/plan/types.js';
import { canonicalAddress, type Flow } from '../../../src/readers/flow.js';
import { opnRules, parseOpn, readConfigDoc, synfwRules } from '../../../src/readers/config-xml/index.js';
import { emptyRuleset, parseRestore, rulesetFlows } from '../../../src/readers/iptables/index.js';
import { parseNftFile, tableFlows } from '../../../src/readers/nft/index.js';
import { rulesFlows } from '../../../src/readers/routeros/index.js';
import { parseUciConfig, sectionFlows } from '../../../src/readers/uci/index.js';
import { applyCommands, recoverVyos } from '../../../src/readers/vyos/model.js';
import { routerSides } from '../../../src/targets/define.js';
import { TARGETS, type TargetId } from '../../../src/targets/index.js';
import { checklistFlows, readForm } from '../parse-checklist.js';
import { parseMiniupnpd } from '../parse-miniupnpd.js';
import { parseUpnp } from '../parse-upnp.js';
import type { FlowCompare } from './flows.js';
import { envFor, lanOf } from './iptables/check.js';
import { parseShScript, runOps } from './iptables/script.js';
import { parseRosRules } from './routeros/script-rules.js';
import { parseOpenwrtScript } from './uci/openwrt-script.js';
import { vyosFlows } from './vyos/flows.js';
import { parseVyosCommands, parseVyosScript } from './vyos/script.js';

export interface OutputReader extends FlowCompare {
  /**
   * The flows `text` (the target's output in `format` for `plan`) lets in; throws on what it does
   * not expect. How to compare them (cover, protocolBlind) is the FlowCompare part.
   */
  read(text: string, plan: Plan, format: string): Flow[];
}

/** upnpc mappings: one port each, from anyone (IGD mappings take no source), IPv4 only. */
const upnpFlows = (text: string): Flow[] =>
  parseUpnp(text).adds.map((a) => ({ family: 4, proto: a.proto === 'TCP' ? 'tcp' : 'udp', wan: a.external, nas: canonicalAddress(a.address), port: a.internal, source: 'any', via: 'wan' }));

/**
 * miniupnpd's allow lines: the mappings a UPnP client of the NAS may request, external port i of a
 * range to internal port i (miniupnpd also lets a client pair other ports inside one range that is
 * not remapped; miniupnpd.test.ts checks those pairs). The final deny-all is the reader's check.
 * The lines name no protocol: every flow is read as tcp and compared protocol-blind.
 */
function miniupnpdFlows(text: string): Flow[] {
  const out: Flow[] = [];
  for (const p of parseMiniupnpd(text).perms.filter((x) => x.type === 'allow')) {
    if (p.mask !== 0xffffffff) throw new Error(`line ${p.line}: allows a network, not one host`);
    if (p.ext[1] - p.ext[0] !== p.int[1] - p.int[0]) throw new Error(`line ${p.line}: external and internal ranges differ in length`);
    const nas = [24, 16, 8, 0].map((s) => (p.address >>> s) & 255).join('.');
    for (let i = 0; i <= p.ext[1] - p.ext[0]; i++) {
      out.push({ family: 4, proto: 'tcp', wan: p.ext[0] + i, nas, port: p.int[0] + i, source: 'any', via: 'wan' });
    }
  }
  return out;
}

export const OUTPUT_READERS: Record<TargetId, OutputReader> = {
  iptables: {
    read: (text, plan, format) => {
      const rs = format === 'restore' ? parseRestore(text).rules : runOps(parseShScript(text).apply, emptyRuleset(), envFor(plan));
      const state = rulesetFlows(rs, { lan: lanOf(plan) });
      if (state.skipped.length) throw new Error(`iptables rules not understood: ${JSON.stringify(state.skipped)}`);
      return state.flows;
    },
  },
  nftables: { read: (text) => tableFlows(parseNftFile(text).table), cover: true },
  openwrt: {
    read: (text, _plan, format) => {
      const state = sectionFlows(format === 'config' ? parseUciConfig(text) : parseOpenwrtScript(text).sections);
      if (state.skipped.length) throw new Error(`UCI sections not understood: ${JSON.stringify(state.skipped)}`);
      return state.flows;
    },
  },
  pfsense: { read: (text, plan) => synfwRules(readConfigDoc(text), plan.profile.name).flows },
  opnsense: { read: (text, plan, format) => opnRules(parseOpn(text), plan.profile.name, format === 'mvc' ? 'mvc' : 'default').flows },
  mikrotik: { read: (text) => rulesFlows(parseRosRules(text)) },
  vyos: {
    read: (text, plan, format) => {
      const file = format === 'commands' ? parseVyosCommands(text) : parseVyosScript(text);
      const sides = routerSides(TARGETS.vyos, plan);
      return vyosFlows(recoverVyos(applyCommands(file.cmds), sides.wan, sides.lan ?? null));
    },
  },
  upnp: { read: upnpFlows },
  miniupnpd: { read: miniupnpdFlows, protocolBlind: true },
  // The default router model (generic) takes every option the checklist can express.
  checklist: { read: (text, _plan, format) => checklistFlows(readForm(format, text), 'generic') },
};
