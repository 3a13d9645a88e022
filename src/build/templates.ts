// Precompiles templates/<target>/<format>.hbs and the shared templates/partials/*.hbs into one
// generated module, so the CLI loads only Handlebars' small runtime and no template is parsed or
// compiled at start-up. Each precompiled spec sits behind a getter, so that V8 compiles (and the CLI's
// code cache holds) only the templates a run renders, not those of all nine targets. The output is
// committed; a test fails when it is stale (`npm run generate`).

import Handlebars from 'handlebars';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { inlinePartials, precompileAst } from './inline-partials.js';

export const TEMPLATES_MODULE_PATH = 'src/render/templates.generated.ts';

/** The folder of templates every target may include with {{> name}}. */
export const PARTIALS_DIR = 'partials';

const BUILTIN = new Set(['each', 'if', 'unless', 'with', 'lookup', 'log', 'blockHelperMissing', 'helperMissing']);

type Node = { type: string; [key: string]: unknown };

function walk(source: string, visit: (n: Node) => void): void {
  const go = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(go);
    const n = node as Node;
    visit(n);
    for (const value of Object.values(n)) if (value && typeof value === 'object') go(value);
  };
  go(Handlebars.parse(source));
}

/** Names the template calls as helpers: mustaches and sub-expressions with arguments, blocks. */
export function helpersUsed(source: string): string[] {
  const found = new Set<string>();
  walk(source, (n) => {
    const path = n.path as { type?: string; original?: string } | undefined;
    const called =
      (n.type === 'BlockStatement' || ((n.type === 'MustacheStatement' || n.type === 'SubExpression') && ((n.params as unknown[])?.length || n.hash))) &&
      path?.type === 'PathExpression';
    if (called && !BUILTIN.has(path!.original!)) found.add(path!.original!);
  });
  return [...found].sort();
}

/** Shared partials the template includes ({{> name}}), not its own inline ones ({{#*inline}}). */
export function partialsUsed(source: string): string[] {
  const used = new Set<string>();
  const inline = new Set<string>();
  walk(source, (n) => {
    const name = (n.name as { original?: string } | undefined)?.original;
    if ((n.type === 'PartialStatement' || n.type === 'PartialBlockStatement') && name) used.add(name);
    if (n.type === 'DecoratorBlock' && (n.path as { original?: string }).original === 'inline') {
      const param = (n.params as { original?: string }[])[0]?.original;
      if (param) inline.add(param);
    }
  });
  return [...used].filter((p) => !inline.has(p)).sort();
}

interface Source {
  name: string;
  source: string;
}

/** templates/<dir>/<file>.hbs as "<dir>/<file>", sorted; the partials folder apart. */
function readTemplates(dir: URL): { templates: Source[]; partials: Source[] } {
  const templates: Source[] = [];
  const partials: Source[] = [];
  for (const sub of readdirSync(dir).sort()) {
    const subUrl = new URL(`${sub}/`, dir);
    if (!statSync(subUrl).isDirectory()) throw new Error(`templates/${sub}: templates live in templates/<target>/<format>.hbs`);
    for (const f of readdirSync(subUrl).filter((x) => x.endsWith('.hbs')).sort()) {
      const entry = { name: `${sub}/${f.slice(0, -4)}`, source: readFileSync(new URL(f, subUrl), 'utf8') };
      if (sub === PARTIALS_DIR) partials.push({ ...entry, name: f.slice(0, -4) });
      else templates.push(entry);
    }
  }
  return { templates, partials };
}

/** The precompiled template, with the partials it includes without arguments compiled into it (src/build/inline-partials.ts). */
function precompile(source: string, helpers: string[], partials: ReadonlyMap<string, string>): { spec: string; called: string[] } {
  const { ast, called } = inlinePartials(source, partials);
  const spec = precompileAst(ast, {
    noEscape: true,
    strict: true,
    preventIndent: true,
    knownHelpersOnly: true,
    knownHelpers: Object.fromEntries(helpers.map((h) => [h, true])),
  });
  return { spec, called };
}

/** A source location as the precompiler writes it into the code (JSON; never inside a string literal, where `"` is escaped). */
const LOC = /\{"start":\{"line":\d+,"column":\d+\},"end":\{"line":\d+,"column":\d+\}\}/g;

/** A block program without parent contexts or block parameters, as the precompiler calls for it. */
const PROGRAM_CALL = /container\.program\((\d+), data, 0\)/g;

/**
 * The precompiled spec as the body of a getter, with its source locations made constants. The
 * precompiled code writes a location object literal into every field lookup and helper call (for
 * the error a missing field throws), which allocates three objects each time; with 10,000 rules
 * that was millions of objects for the garbage collector. Nothing changes them, so one of each is
 * made when the spec is read.
 */
export function specGetterBody(spec: string, indent: string, helpers: readonly string[] = []): string {
  const locs: string[] = [];
  const index = new Map<string, number>();
  const code = spec.replace(LOC, (loc) => {
    let i = index.get(loc);
    if (i === undefined) {
      i = locs.length;
      index.set(loc, i);
      locs.push(loc);
    }
    return `LOC[${i}]`;
  });
  // A block's program for the same data frame is made once (src/render/program-cache.ts). Not for
  // programs with decorators (inline partials), which the runtime runs on every wrap.
  const cached = code.replace(PROGRAM_CALL, (call, i: string) => (code.includes(`"${i}_d":`) ? call : `cachedProgram(container, ${i}, data)`));
  return `${indent}const LOC = [${locs.join(',')}];\n${indent}return ${directHelperCalls(cached, helpers)};`;
}

/** The start of a call of a known helper in precompiled code, up to its first argument. */
const HELPER_HEAD = /lookupProperty\(helpers,"([A-Za-z_$][\w$]*)"\)\.call\((?:alias\d+|depth0 != null \? depth0 : \(container\.nullContext \|\| \{\}\)),/g;
/** The end of that call: its options (no hash arguments, no block). */
const HELPER_TAIL = /,\{"name":"([A-Za-z_$][\w$]*)","hash":\{\},"data":data,"loc":LOC\[\d+\]\}\)/g;

/** A call of a built-in block helper that does not use the options' lookup function (only `lookup` does). */
const BLOCK_HELPER = /lookupProperty\(helpers,"(each|if|unless|with)"\)\.call\(/g;

/**
 * The target's helpers called as plain functions of their arguments (`helpers.__direct.shQuote(x)`,
 * see src/render/engine.ts) instead of through Handlebars' helper call: the runtime wraps every
 * helper to copy a lookup function into its options, so each call made an options object, its
 * hash, an arguments object and three calls, for every escaped field of every rule. Target
 * helpers only take their own arguments (they never see the options), and the arguments are
 * looked up exactly as before. The built-in block helpers are called with their options as
 * before, only without the wrapper (they never read the lookup function it adds). The build fails
 * if a call of a target helper has another shape, rather than leaving it half rewritten.
 */
export function directHelperCalls(code: string, helpers: readonly string[]): string {
  const known = new Set(helpers);
  const heads = new Map<string, number>();
  const count = (name: string, by: number): void => void heads.set(name, (heads.get(name) ?? 0) + by);
  const out = code
    .replace(HELPER_HEAD, (call, name: string) => (known.has(name) ? (count(name, 1), `helpers.__direct.${name}(`) : call))
    .replace(HELPER_TAIL, (options, name: string) => (known.has(name) ? (count(name, -1), ')') : options));
  const blocks = directConditionals(out.replace(BLOCK_HELPER, (_call, name: string) => `helpers.__direct.${name}.call(`));
  const unpaired = [...heads].filter(([, n]) => n !== 0).map(([name]) => name);
  const left = helpers.filter((h) => blocks.includes(`lookupProperty(helpers,${JSON.stringify(h)})`));
  if (unpaired.length || left.length) throw new Error(`templates: helper calls of another shape: ${[...unpaired, ...left].join(', ')}`);
  return blocks;
}

/** A block program as the precompiled code passes it. */
const PROGRAM = String.raw`cachedProgram\(container, \d+, data\)|container\.program\([^()]*\)|container\.noop`;
/** The options of an {{#if}} or {{#unless}} without hash arguments. */
const CONDITIONAL_TAIL = new RegExp(String.raw`,\{"name":"(if|unless)","hash":\{\},"fn":(${PROGRAM}),"inverse":(${PROGRAM}),"data":data,"loc":LOC\[\d+\]\}\)`, 'g');
const CONDITIONAL_HEAD = /helpers\.__direct\.(if|unless)\.call\(/g;

/**
 * {{#if}} and {{#unless}} as a plain call with their two programs (`helpers.__direct.ifBlock(ctx,
 * value, fn, inverse)`, src/render/conditionals.ts) instead of the built-in helper with an options
 * object and its hash for every condition of every rule. Only when every conditional of the spec
 * has that shape (no hash arguments such as includeZero): otherwise the spec is left as it is.
 */
export function directConditionals(code: string): string {
  const heads = code.match(CONDITIONAL_HEAD)?.length ?? 0;
  const tails = code.match(CONDITIONAL_TAIL)?.length ?? 0;
  if (heads !== tails) return code;
  return code
    .replace(CONDITIONAL_HEAD, (_call, name: string) => `helpers.__direct.${name}Block(`)
    .replace(CONDITIONAL_TAIL, (_options, _name: string, fn: string, inverse: string) => `,${fn},${inverse})`);
}

/** The generated module: name -> { helpers, partials, spec }, for templates and shared partials. */
export function buildTemplatesModule(dir: URL): string {
  const { templates, partials } = readTemplates(dir);
  const partialHelpers = new Map(partials.map((p) => [p.name, helpersUsed(p.source)]));
  const partialSources = new Map(partials.map((p) => [p.name, p.source]));
  const entry = ({ name, source }: Source, indent: string, inline: ReadonlyMap<string, string>): string => {
    const uses = partialsUsed(source);
    const missing = uses.filter((p) => !partialHelpers.has(p));
    if (missing.length) throw new Error(`template ${name} includes partials that templates/${PARTIALS_DIR}/ does not have: ${missing.join(', ')}`);
    // A template's helpers include those of the partials it includes: they run in its environment.
    const helpers = [...new Set([...helpersUsed(source), ...uses.flatMap((p) => partialHelpers.get(p)!)])].sort();
    const { spec, called } = precompile(source, helpers, inline);
    // Only the partials it still calls at run time are registered with it.
    const registered = uses.filter((p) => called.includes(p));
    return `${indent}${JSON.stringify(name)}: {\n${indent}  helpers: ${JSON.stringify(helpers)},\n${indent}  partials: ${JSON.stringify(registered)},\n${indent}  get spec() {
${specGetterBody(spec, `${indent}    `, helpers)}
${indent}  },\n${indent}},`;
  };
  return `// GENERATED from templates/**/*.hbs by src/build/templates.ts: do not edit.
// Run \`npm run generate\` after changing a template.
// @ts-nocheck
import type { TemplateSpec } from './engine.js';
import { cachedProgram } from './program-cache.js';

export const templates: Record<string, TemplateSpec> = {
${templates.map((t) => entry(t, '  ', partialSources)).join('\n')}
};

export const partials: Record<string, TemplateSpec> = {
${partials.map((p) => entry(p, '  ', new Map())).join('\n')}
};
`;
}
