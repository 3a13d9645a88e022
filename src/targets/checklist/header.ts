// The common header's parts for the checklist: which router and page it follows, how to use it
// and how to remove the rules again (in full at the end of the checklist).

import type { Plan } from '../../plan/types.js';
import type { HeaderParts } from '../types.js';
import type { ChecklistView } from './view.js';

export function header(plan: Plan, v: ChecklistView): HeaderParts {
  const tag = `synfw-${plan.profile.name}-`;
  const flag = `--router ${v.model}`;
  return {
    wanLine: `Router: ${v.router} (${flag}); page: ${v.page}`,
    about: [
      `A checklist for the router's web page: ${v.count} rule${v.count === 1 ? '' : 's'}, each with the fields the page asks for, in its order.`,
      `Rule names start with ${tag} (the tag with a dash: not every router takes a colon in a name).`,
      ...v.notes,
      ...(v.noRules ? [v.noRules] : []),
    ],
    apply: [...v.before, `For each rule: ${v.add} Fill in the fields in the order listed and tick them off. ${v.save}`, `Then test from outside (at the end: "Test from outside").`],
    remove: [v.count ? `Delete the rules ${tag}1 to ${tag}${v.count} (at the end: "Remove these rules" names each one).` : 'Nothing to remove: the checklist has no rule.'],
  };
}
