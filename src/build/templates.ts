// Precompiles templates/*.hbs into one generated module, so the CLI loads only Handlebars' small
// runtime and no template is parsed or compiled at start-up. The output is committed; a test
// fails when it is stale (`npm run generate`).

import Handlebars from 'handlebars';
import { readdirSync, readFileSync } from 'node:fs';

export const TEMPLATES_MODULE_PATH = 'src/render/templates.generated.ts';

const BUILTIN = new Set(['each', 'if', 'unless', 'with', 'lookup', 'log', 'blockHelperMissing', 'helperMissing']);

type Node = { type: string; [key: string]: unknown };

/** Names the template calls as helpers: mustaches and sub-expressions with arguments, blocks. */
export function helpersUsed(source: string): string[] {
  const found = new Set<string>();
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as Node;
    const path = n.path as { type?: string; original?: string } | undefined;
    const called =
      (n.type === 'BlockStatement' || ((n.type === 'MustacheStatement' || n.type === 'SubExpression') && ((n.params as unknown[])?.length || n.hash))) &&
      path?.type === 'PathExpression';
    if (called && !BUILTIN.has(path!.original!)) found.add(path!.original!);
    for (const value of Object.values(n)) if (value && typeof value === 'object') visit(value);
  };
  visit(Handlebars.parse(source));
  return [...found].sort();
}

/** The generated module: name -> { helpers, spec } for every template in `dir`. */
export function buildTemplatesModule(dir: URL): string {
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.hbs'))
    .sort()
    .map((f) => f.slice(0, -4));
  const entries = names.map((name) => {
    const source = readFileSync(new URL(`${name}.hbs`, dir), 'utf8');
    const helpers = helpersUsed(source);
    const spec = Handlebars.precompile(source, {
      noEscape: true,
      strict: true,
      preventIndent: true,
      knownHelpersOnly: true,
      knownHelpers: Object.fromEntries(helpers.map((h) => [h, true])),
    });
    return `  ${JSON.stringify(name)}: {\n    helpers: ${JSON.stringify(helpers)},\n    spec: ${spec},\n  },`;
  });
  return `// GENERATED from templates/*.hbs by src/build/templates.ts: do not edit.
// Run \`npm run generate\` after changing a template.
// @ts-nocheck
import type { TemplateSpec } from './engine.js';

export const templates: Record<string, TemplateSpec> = {
${entries.join('\n')}
};
`;
}
