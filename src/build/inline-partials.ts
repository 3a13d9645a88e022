// Shared partials included without arguments ({{> name}}) are compiled into the template that
// includes them, instead of being called at run time. Handlebars' partial call is costly per use
// (a call through resolvePartial, invokePartial and the partial's own template wrapper, with an
// options object each time): a partial inside the loop over 10,000 rules was a fifth of a render.
// A partial without a context argument or hash runs on the caller's context and data, so its
// statements in place of the call give the same output. Both are parsed the way Handlebars parses
// them on their own (standalone lines and `~` stripped per template), and the result is compiled
// without parsing it again.

import Handlebars from 'handlebars';

type Node = { type: string; [key: string]: unknown };
type Program = Node & { body: Node[]; blockParams?: string[] };

/** Every node below `node`, `node` included. */
function* nodes(node: unknown): Generator<Node> {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const n of node) yield* nodes(n);
    return;
  }
  yield node as Node;
  for (const value of Object.values(node)) if (value && typeof value === 'object') yield* nodes(value);
}

/** Why the partial cannot run as part of its caller, or undefined. */
function notInlinable(partial: Program, callerBlockParams: Set<string>): string | undefined {
  for (const n of nodes(partial)) {
    // Its own partials, decorators and @partial-block are resolved at run time.
    if (n.type === 'PartialStatement' || n.type === 'PartialBlockStatement' || n.type === 'DecoratorBlock' || n.type === 'Decorator') return n.type;
    if (n.type !== 'PathExpression') continue;
    const path = n as Node & { depth: number; data: boolean; parts: string[] };
    // `../` in a partial starts from the partial's own context stack, not the caller's.
    if (path.depth > 0) return '../';
    // A caller's block parameter would shadow the field of the same name.
    if (!path.data && path.parts[0] !== undefined && callerBlockParams.has(path.parts[0])) return `block parameter ${path.parts[0]}`;
  }
  return undefined;
}

/**
 * The template's AST with the argument-free calls of the given partials replaced by their
 * statements, and the partials it still calls at run time. For templates compiled with
 * preventIndent (as all are): without it, Handlebars indents every line of an indented partial.
 */
export function inlinePartials(source: string, partials: ReadonlyMap<string, string>): { ast: Program; called: string[] } {
  const ast = Handlebars.parse(source) as unknown as Program;
  const blockParams = new Set<string>();
  for (const n of nodes(ast)) for (const p of (n as Program).blockParams ?? []) blockParams.add(p);
  const called = new Set<string>();
  const visit = (program: Program): void => {
    const body: Node[] = [];
    for (const statement of program.body) {
      if (statement.type === 'PartialStatement') {
        const name = (statement.name as { original?: string }).original ?? '';
        const partial = partials.get(name);
        const plain = !(statement.params as unknown[]).length && !statement.hash;
        // Parsed again for every call: the compiler annotates the nodes it compiles.
        const parsed = partial !== undefined && plain ? (Handlebars.parse(partial) as unknown as Program) : undefined;
        if (parsed && !notInlinable(parsed, blockParams)) {
          // A standalone call's indentation is printed once before the partial (preventIndent).
          const indent = statement.indent as string | undefined;
          if (indent) body.push({ type: 'ContentStatement', original: indent, value: indent, loc: statement.loc });
          body.push(...parsed.body);
          continue;
        }
        called.add(name);
      }
      if (statement.type === 'PartialBlockStatement') called.add((statement.name as { original?: string }).original ?? '');
      for (const key of ['program', 'inverse'] as const) if (statement[key]) visit(statement[key] as Program);
      body.push(statement);
    }
    program.body = body;
  };
  visit(ast);
  return { ast, called: [...called].sort() };
}

/** Handlebars.precompile of an AST that is already parsed (precompile would strip its whitespace again). */
export function precompileAst(ast: Program, options: PrecompileOptions): string {
  const hb = Handlebars as unknown as {
    Compiler: new () => { compile(ast: unknown, options: object): unknown };
    JavaScriptCompiler: new () => { compile(environment: unknown, options: object): string };
  };
  const opts = { data: true, ...options };
  return new hb.JavaScriptCompiler().compile(new hb.Compiler().compile(ast, opts), opts);
}

type PrecompileOptions = NonNullable<Parameters<typeof Handlebars.precompile>[1]>;
