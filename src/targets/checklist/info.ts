import type { Plan } from '../../plan/types.js';
import type { Choice, OptionKey, Refusal, TargetInfo } from '../types.js';
import { MODEL_IDS, MODELS, type ModelId, type RouterModel } from './models.js';
import { ruleCount, splitReason } from './rules.js';

/** Whether the plan has a range this page must take port by port for `reason`. */
const splits = (model: RouterModel, plan: Plan, reason: 'ranges' | 'remaps'): boolean => plan.forwards.some((f) => splitReason(model, f) === reason);

/**
 * A split that the page's rule limit cannot hold: refused naming the key, at the first range
 * split for that reason; within the limit the ranges are split and the header says so.
 */
function splitRefusal(model: RouterModel, reason: 'ranges' | 'remaps'): Refusal | undefined {
  const max = model.maxRules.value;
  // Declared only where the page both keeps few rules and makes this split (splitReason): a
  // refusal that can never apply would be listed in --help and the docs as a limit the page lacks.
  const splitsThis = reason === 'ranges' ? model.ranges.value === null : model.ranges.value !== null && model.remap.value === 'single';
  if (max === null || !splitsThis) return undefined;
  const what =
    reason === 'ranges'
      ? 'its rules take single ports only'
      : 'its NAS port box takes one port, so a remapped range is entered one port per rule';
  return {
    why: (plan) => `${what}, and this plan would need ${ruleCount(model, plan)} rules, more than the ${max} the page keeps`,
    when: (plan) => splits(model, plan, reason) && ruleCount(model, plan) > max,
    at: (plan) => plan.forwards.find((f) => splitReason(model, f) === reason)?.origins[0]?.pos,
  };
}

/** What a model's page cannot express, from its data. */
function refusalsOf(model: RouterModel): Partial<Record<OptionKey, Refusal>> {
  const title = model.title;
  const out: Partial<Record<OptionKey, Refusal>> = {};
  if (model.source.value === 'none') {
    out.allowFrom = { why: `the ${title} port forwarding page has no source field, so every rule would be open to every source` };
  }
  if (model.ipv6.value === 'none') {
    out.address6 = { why: `the ${title} port forwarding page forwards IPv4 only; IPv6 access is set up elsewhere` };
  }
  if (model.hairpin.value === 'none') {
    out.hairpin = { why: `NAT loopback is not a setting of the ${title} port forwarding page` };
  }
  const ranges = splitRefusal(model, 'ranges');
  if (ranges) out.ranges = ranges;
  const remaps = splitRefusal(model, 'remaps');
  if (remaps) out.remaps = remaps;
  return out;
}

const choice = (id: ModelId): Choice => {
  const m = MODELS[id];
  return {
    describe: m.title,
    refuses: refusalsOf(m),
    comments: { what: 'rule name', max: m.name.value.max, limit: `the ${m.name.value.max} characters ${id === 'generic' ? 'synfw allows' : `of the ${m.title} name field`}` },
  };
};

export const info = {
  id: 'checklist',
  description: "checklist of the fields to type into a router's port forwarding web page (--router)",
  formats: {
    default: { extension: 'txt', description: 'plain text for printing (80 columns)' },
    markdown: { extension: 'md', description: 'Markdown task lists, for a wiki or a ticket' },
    html: { extension: 'html', description: 'one self-contained HTML page, a card per rule and a check box per field' },
  },
  comments: { what: 'rule name', max: MODELS.generic.name.value.max, limit: `the ${MODELS.generic.name.value.max} characters synfw allows` },
  cli: {
    router: {
      kind: 'choice',
      describe: 'the router whose port forwarding page the checklist follows',
      default: 'generic',
      choices: Object.fromEntries(MODEL_IDS.map((id) => [id, choice(id)])) as Record<ModelId, Choice>,
    },
  },
} as const satisfies TargetInfo;
