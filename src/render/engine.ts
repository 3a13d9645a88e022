// Handlebars, the way every target uses it: an isolated environment per target holding only that
// target's helpers, templates compiled with noEscape (router syntax is not HTML) and strict (a
// misspelled field is an error, not an empty string). Free text reaches the output only through a
// target's named escaping helpers.

import Handlebars from 'handlebars';
import { readFileSync } from 'node:fs';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Helper = (...args: any[]) => unknown;
export type Helpers = Record<string, Helper>;
export type Template = (view: object) => string;

const templatesDir = new URL('../../templates/', import.meta.url);

/** Compiles templates/<name>.hbs with the given helpers. */
export function compileTemplate(name: string, helpers: Helpers): Template {
  const source = readFileSync(new URL(`${name}.hbs`, templatesDir), 'utf8');
  return compileSource(source, helpers);
}

export function compileSource(source: string, helpers: Helpers): Template {
  const env = Handlebars.create();
  for (const [helperName, fn] of Object.entries(helpers)) {
    // Handlebars passes its options hash last; helpers take only their own arguments.
    env.registerHelper(helperName, (...args: unknown[]) => fn(...args.slice(0, -1)));
  }
  const knownHelpers = Object.fromEntries(Object.keys(helpers).map((h) => [h, true]));
  const template = env.compile(source, {
    noEscape: true,
    strict: true,
    knownHelpers,
    knownHelpersOnly: true,
    preventIndent: true,
  });
  return (view) => template(view);
}
