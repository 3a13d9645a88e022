// checklist: what to type into a router's port forwarding web page, rule by rule and field by
// field, for the router model --router names (models.ts), as printable text, Markdown or one
// self-contained HTML page; then how to test from outside and how to remove the rules.

import { formatRange } from '../../plan/ranges.js';
import type { Plan } from '../../plan/types.js';
import { htmlText } from '../../render/escape/html.js';
import { mdCode, mdFence, mdText } from '../../render/escape/markdown.js';
import { plainText } from '../../render/escape/text.js';
import { defineTarget } from '../define.js';
import { TargetError, type RenderContext } from '../types.js';
import { header } from './header.js';
import { info } from './info.js';
import { MODELS, type ModelId, type RouterModel } from './models.js';
import { checklistRules } from './rules.js';
import { textField, textLine } from './text-form.js';
import { buildView, type ChecklistView } from './view.js';

/** More rules than the page keeps, without a split to blame (the declared refusals cover splits). */
function checkCount(model: RouterModel, plan: Plan): void {
  const max = model.maxRules.value;
  const rules = checklistRules(model, plan);
  if (max === null || rules.length <= max) return;
  const first = rules[max]!;
  throw new TargetError([
    {
      code: 'SFW302',
      severity: 'error',
      message:
        `target checklist (--router ${model.id}) needs ${rules.length} rules for this plan, and the ${model.title} page keeps at most ${max}; ` +
        `the first one over the limit is ${first.protos.join('+')} ${formatRange(first.external)}. Forward fewer ports, or use a router target that takes more rules`,
      ...(first.forwards[0]?.origins[0]?.pos ? { pos: first.forwards[0].origins[0].pos } : {}),
    },
  ]);
}

function model(plan: Plan, ctx: RenderContext): ChecklistView {
  // The skeleton filled in the default and checked the value against info.cli.router.
  const m = MODELS[ctx.options.router as ModelId];
  checkCount(m, plan);
  return buildView(m, plan, ctx);
}

export const target = defineTarget(info, {
  helpers: { plainText, textLine, textField, mdText, mdCode, mdFence, htmlText },
  model,
  header,
});
