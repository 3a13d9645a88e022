// The checklist's view model: for each rule of the chosen router model, the fields its page asks
// for, in order, with the value to type or choose; then what to test from outside and what to
// delete again. Values are numbers, validated addresses, rule names built from slugs, and the
// model's own words; free text (custom descriptions) stays raw here and is escaped by the
// format's template helpers.

import { formatRange, rangeSize } from '../../plan/ranges.js';
import type { Forward, Origin, Plan, PortRange } from '../../plan/types.js';
import { checkedIPv4, checkedPort } from '../shared/checks.js';
import { cutAbout } from '../shared/text.js';
import { allowedSources, sourcesRestricted } from '../shared/sources.js';
import { twinGroups } from '../shared/ports.js';
import type { RenderContext } from '../types.js';
import type { FieldKind, FieldSpec, ModelId, RouterModel } from './models.js';
import { checklistRules, type ChecklistRule } from './rules.js';

/** The words the checklist writes for values that are not numbers or addresses (the strict reader knows them too). */
export const WORDS = {
  device: 'the NAS, ',
  sameAsExternal: 'leave empty (same as outside)',
  tick: 'tick it',
  noTick: 'leave it unticked',
  followsExternal: 'greyed out (same as outside)',
  on: 'on (ticked)',
  off: 'off (not ticked)',
  anySource: 'any',
  publicAddress: '<public-address>',
} as const;

export interface FieldView {
  kind: FieldKind;
  label: string;
  value: string;
}

export interface CardView {
  /** "rule-3": an id for the HTML page. */
  id: string;
  n: number;
  /** "TCP 443 -> NAS port 5001". */
  summary: string;
  /** App ids: "dsm, synology-photos". */
  apps: string;
  /** What each contributing port is, raw (custom descriptions are free text). */
  about: string[];
  /** Set on a card of a risky port allowed by allowRisky: which ports make it risky. */
  risky: string | null;
  /** Set on one port of a range the page cannot take whole. */
  split: string | null;
  fields: FieldView[];
}

export interface SectionView {
  id: string;
  title: string;
  intro: string;
  cards: CardView[];
}

export interface ChecklistView {
  title: string;
  model: ModelId;
  router: string;
  page: string;
  before: string[];
  add: string;
  save: string;
  count: number;
  /** Why there is no rule (allowFrom admits no IPv4 source), or null. */
  noRules: string | null;
  cards: CardView[];
  /** IPv6 allow rules and router settings the generic checklist lists after the rules. */
  sections: SectionView[];
  tests: string[];
  remove: string[];
  names: string[];
  /** Notes for the header (splits, sources repeated per rule). */
  notes: string[];
}

const PROTO_WORD = { tcp: 'TCP', udp: 'UDP' } as const;

const protoText = (model: RouterModel, rule: Pick<ChecklistRule, 'protos'>): string => {
  const p = model.protocols.value;
  return rule.protos.length === 2 ? p.both! : p[rule.protos[0]!];
};

const portText = (r: PortRange, model: RouterModel): string =>
  formatRange({ first: checkedPort(r.first), last: checkedPort(r.last) }, model.ranges.value?.separator ?? '-');

const protoWords = (rule: Pick<ChecklistRule, 'protos'>): string => rule.protos.map((p) => PROTO_WORD[p]).join('+');

/** The value of one field for one rule, or undefined when the field does not apply to it. */
function fieldValue(spec: FieldSpec, rule: ChecklistRule, name: string, model: RouterModel, plan: Plan): string | undefined {
  const nas = checkedIPv4(plan.nas.address);
  const ext = rule.external;
  const int = rule.internal;
  const identity = ext.first === int.first;
  switch (spec.kind) {
    case 'name':
      return name;
    case 'device':
      return `${WORDS.device}${nas}`;
    case 'ip':
      return nas;
    case 'protocol':
      return protoText(model, rule);
    case 'external':
      return portText(ext, model);
    case 'externalFirst':
      return String(checkedPort(ext.first));
    case 'externalLast':
      return String(checkedPort(ext.last));
    case 'internal':
      // A single-port NAS box: a range keeps its numbers (split otherwise, see rules.ts).
      if (model.remap.value === 'single' && rangeSize(int) > 1) return WORDS.sameAsExternal;
      return portText(int, model);
    case 'internalFirst':
      return model.fields.value.some((f) => f.kind === 'sameRange') && identity ? WORDS.followsExternal : String(checkedPort(int.first));
    case 'internalLast':
      return String(checkedPort(int.last));
    case 'sameRange':
      return identity ? WORDS.tick : WORDS.noTick;
    case 'source':
      return rule.sources === undefined ? spec.empty : `${spec.prefix ?? ''}${rule.sources.join(', ')}`;
    case 'ipv4':
      return WORDS.on;
    case 'ipv6':
      return plan.nas.address6 === undefined ? WORDS.off : `${WORDS.on} for ${plan.nas.address6}`;
    case 'fixed':
      return spec.value;
  }
}

/** "dsm https: DSM web UI and API", raw: the name of a custom entry is its description. */
const aboutLine = (o: Origin): string => `${o.app} ${o.label}: ${o.name}`;

function card(rule: ChecklistRule, n: number, model: RouterModel, plan: Plan, ctx: RenderContext, names: string[]): CardView {
  const origins = rule.forwards.flatMap((f) => f.origins);
  const apps = [...new Set(rule.forwards.flatMap((f) => f.apps))];
  // The name: synfw-<profile>-<rule number>, which must survive (it finds the rule again), then
  // as many whole app ids as the name field takes; the card lists them all anyway. Only a profile
  // name too long for the field is cut (and counted for SFW310).
  const suffix = `-${n}`;
  let name = `${ctx.fit(`synfw-${plan.profile.name}`, (s) => `${s}${suffix}`, cutAbout(rule.forwards))}${suffix}`;
  for (const app of apps) {
    if (`${name} ${app}`.length > model.name.value.max) break;
    name = `${name} ${app}`;
  }
  if (!model.name.value.allowed.test(name)) throw new Error(`internal: rule name "${name}" has characters ${model.title} does not take`);
  names.push(name);
  const fields: FieldView[] = [];
  for (const spec of model.fields.value) {
    const value = fieldValue(spec, rule, name, model, plan);
    if (value !== undefined) fields.push({ kind: spec.kind, label: spec.label, value });
  }
  const risky = origins.filter((o) => o.exposure === 'risky');
  const split = rule.split
    ? `One port of ${formatRange(rule.split.external)}${rule.split.internal.first === rule.split.external.first ? '' : ` -> NAS ${formatRange(rule.split.internal)}`}: ${
        model.ranges.value === null ? 'the page takes single ports only' : 'its NAS port box takes one port'
      }, so each port of the range is a rule of its own.`
    : null;
  return {
    id: `rule-${n}`,
    n,
    summary: `${protoWords(rule)} ${formatRange(rule.external)} -> NAS port ${formatRange(rule.internal)}`,
    apps: apps.join(', '),
    about: [...new Set(origins.map(aboutLine))],
    risky: risky.length ? `Risky port, forwarded only because the profile allows it (allowRisky): ${[...new Set(risky.map((o) => `${o.app} ${o.label}`))].join(', ')}.` : null,
    split,
    fields,
  };
}

/** The generic checklist's IPv6 allow rules: the NAS's own ports on its IPv6 address, per protocol pair. */
function ipv6Section(model: RouterModel, plan: Plan, start: number): SectionView | null {
  const address6 = plan.nas.address6;
  if (model.ipv6.value !== 'list' || address6 === undefined) return null;
  const sources = allowedSources(plan, 6);
  if (sources?.length === 0) return null;
  const cards = twinGroups(plan.forwards).map((forwards, i): CardView => {
    const f = forwards[0]!;
    const rule = { protos: forwards.map((x) => x.proto) };
    return {
      id: `ipv6-${i + 1}`,
      n: start + i,
      summary: `${protoWords(rule)} ${formatRange(f.internal)} on the NAS's IPv6 address`,
      apps: [...new Set(forwards.flatMap((x) => x.apps))].join(', '),
      about: [...new Set(forwards.flatMap((x) => x.origins).map(aboutLine))],
      risky: forwards.some((x) => x.exposure === 'risky') ? 'Risky port, allowed only because the profile allows it (allowRisky).' : null,
      split: null,
      fields: [
        { kind: 'protocol', label: 'Protocol', value: protoText(model, rule) },
        { kind: 'ip', label: 'NAS IPv6 address', value: address6 },
        { kind: 'internal', label: 'Port', value: portText(f.internal, model) },
        { kind: 'source', label: 'Source (allowed from)', value: sources ? sources.join(', ') : WORDS.anySource },
      ],
    };
  });
  return {
    id: 'ipv6',
    title: 'IPv6: allow rules for the NAS\'s own address',
    intro: 'IPv6 needs no forwarding: the NAS has its own address. Allow these ports to it in the router\'s IPv6 firewall (no port translation: the NAS ports themselves).',
    cards,
  };
}

/** The generic checklist's router settings: NAT loopback when the profile sets hairpin. */
function settingsSection(model: RouterModel, plan: Plan, n: number): SectionView | null {
  if (model.hairpin.value !== 'setting' || plan.hairpin === null) return null;
  return {
    id: 'settings',
    title: 'Router settings',
    intro: 'A setting of the router itself, where it has one.',
    cards: [
      {
        id: 'setting-hairpin',
        n,
        summary: 'NAT loopback',
        apps: '',
        about: ['Lets devices at home reach the NAS through the public address, like devices outside do.'],
        risky: null,
        split: null,
        fields: [{ kind: 'fixed', label: 'NAT loopback (hairpin NAT, NAT reflection)', value: plan.hairpin ? 'on' : 'off' }],
      },
    ],
  };
}

/** How to test one forward from outside: a browser for web ports, the app's client otherwise. */
function testLine(forwards: Forward[]): string {
  const f = forwards[0]!;
  const port = f.external.first;
  const labels = forwards.flatMap((x) => x.origins.map((o) => o.label));
  const apps = [...new Set(forwards.flatMap((x) => x.apps))].join(', ');
  const where = `${protoWords({ protos: forwards.map((x) => x.proto) })} ${formatRange(f.external)} (${apps})`;
  // A merged range may mix web and other ports (DSM's 5000-5001): only a single port names its scheme.
  const single = f.external.first === f.external.last;
  if (single && f.proto === 'tcp' && labels.some((l) => /https/.test(l))) return `${where}: open https://${WORDS.publicAddress}:${port} in the phone's browser; the app's page must load.`;
  if (single && f.proto === 'tcp' && labels.some((l) => /^(web-)?http$/.test(l))) return `${where}: open http://${WORDS.publicAddress}:${port} in the phone's browser.`;
  return `${where}: connect the app's client on the phone to ${WORDS.publicAddress} port${single ? '' : 's'} ${formatRange(f.external)}.`;
}

export function buildView(model: RouterModel, plan: Plan, ctx: RenderContext): ChecklistView {
  const rules = checklistRules(model, plan);
  const names: string[] = [];
  const cards = rules.map((r, i) => card(r, i + 1, model, plan, ctx, names));
  const ipv6 = ipv6Section(model, plan, cards.length + 1);
  const settings = settingsSection(model, plan, cards.length + (ipv6?.cards.length ?? 0) + 1);
  const sections = [ipv6, settings].filter((s): s is SectionView => s !== null);
  const tag = `synfw-${plan.profile.name}-`;
  const notes: string[] = [];
  const splitRanges = new Set(rules.filter((r) => r.split).map((r) => `${r.protos.join('+')} ${formatRange(r.split!.external)}`));
  if (splitRanges.size) {
    notes.push(`Entered one port per rule, because the page cannot take them as ranges: ${[...splitRanges].join(', ')}; every port keeps its own WAN and NAS number.`);
  }
  if (sourcesRestricted(plan) && model.source.value === 'one' && (allowedSources(plan, 4)?.length ?? 0) > 1) {
    notes.push('The page takes one source per rule: each rule is listed once per allowed source.');
  }
  const noRules = rules.length === 0 ? 'No IPv4 rule: allowFrom lists only IPv6 sources, so no IPv4 source may connect.' : null;
  const tests = [
    `Find the router's public (WAN) address on its status page; ${WORDS.publicAddress} below stands for it. If it is in 100.64.0.0/10 or a private range (10.x, 172.16-31.x, 192.168.x), the provider shares it (CGNAT) and no forward can work from the internet.`,
    sourcesRestricted(plan)
      ? `Test from one of the allowed networks (allowFrom: ${[...plan.allowFrom, ...plan.allowFrom6].join(', ')}): a phone on mobile data is not among them unless its network is listed. From inside, the router may not loop connections back to the NAS.`
      : 'Test from outside your network: a phone on mobile data with Wi-Fi turned off. From inside, the router may not loop connections back to the NAS.',
    ...twinGroups(plan.forwards).map(testLine),
  ];
  const remove = [
    `On ${model.page.value}: delete every rule whose name starts with ${tag} (the names are listed below). ${model.remove}`,
    ...(sections.some((s) => s.id === 'ipv6') ? ['Delete the IPv6 allow rules listed above from the router\'s IPv6 firewall.'] : []),
    ...(sections.some((s) => s.id === 'settings') ? ['Set NAT loopback back to what it was, if you changed it.'] : []),
    'A newer checklist for the same profile starts the same way: delete the old rules first, then enter the new ones.',
  ];
  return {
    title: `Port forwarding checklist: ${model.title}`,
    model: model.id,
    router: model.title,
    page: model.page.value,
    before: model.before,
    add: model.add,
    save: model.save,
    count: cards.length,
    noRules,
    cards,
    sections,
    tests,
    remove,
    names,
    notes,
  };
}
