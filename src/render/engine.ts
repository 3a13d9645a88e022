// Handlebars, the way every target uses it: templates precompiled at build time (noEscape: router
// syntax is not HTML; strict: a misspelled field is an error, not an empty string; only the
// helpers the template calls are known), and an isolated runtime environment per template holding
// only its target's helpers and the shared partials it includes. Free text reaches the output only
// through a target's named escaping helpers.

import type HandlebarsApi from 'handlebars';
import runtime from 'handlebars/runtime.js';
import { ifBlock, unlessBlock } from './conditionals.js';
import { registerJoinedEach } from './each.js';
import { partials, templates } from './templates.generated.js';

// The runtime build has the same API minus the compiler; its type declarations do not say so.
const Handlebars = runtime as unknown as typeof HandlebarsApi;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Helper = (...args: any[]) => unknown;
export type Helpers = Record<string, Helper>;
export type Template = (view: object) => string;

export interface TemplateSpec {
  /** The helpers the template (with the partials it includes) calls, recorded when precompiled. */
  helpers: string[];
  /** The shared partials (templates/partials/) it includes. */
  partials: string[];
  spec: TemplateSpecification;
}

type TemplateSpecification = Parameters<typeof Handlebars.template>[0];

/** The precompiled templates/<name>.hbs ("iptables/restore") with the given helpers, which must cover every call. */
export function compileTemplate(name: string, helpers: Helpers): Template {
  const entry = Object.hasOwn(templates, name) ? templates[name] : undefined;
  if (!entry) throw new Error(`internal: no precompiled template "${name}" (run npm run generate)`);
  const missing = entry.helpers.filter((h) => !(h in helpers));
  if (missing.length) throw new Error(`internal: template ${name} calls helpers it was not given: ${missing.join(', ')}`);
  const env = Handlebars.create();
  registerJoinedEach(env);
  for (const [helperName, fn] of Object.entries(helpers)) {
    // Handlebars passes its options hash last; helpers take only their own arguments. (The
    // precompiled code calls them directly, through __direct below; the build fails on a call it
    // could not rewrite, so this is not a hot path.)
    env.registerHelper(helperName, (...args: unknown[]) => fn(...args.slice(0, -1)));
  }
  // What the precompiled code calls directly (src/build/templates.ts, directHelperCalls): the
  // helpers themselves. The runtime passes a helper entry that is not a function through as it is.
  const builtins = { each: env.helpers.each, if: env.helpers.if, unless: env.helpers.unless, with: env.helpers.with, ifBlock, unlessBlock };
  env.registerHelper('__direct', { ...helpers, ...builtins } as unknown as HandlebarsApi.HelperDelegate);
  for (const p of entry.partials) env.registerPartial(p, env.template(partials[p]!.spec));
  const template = env.template(entry.spec);
  return (view) => template(view);
}
