// The module graph of src/ keeps the shape docs/architecture.md describes: no import cycles, the
// pure core below the targets and the CLI, and targets that do not reach into each other or into
// the registry. Type-only imports count: a cycle of types is still a design that loops.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/profiles.js';

const SRC = join(ROOT, 'src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.generated.ts') ? [path] : [];
  });
}

/** Module -> the modules of src/ it imports (static, type-only and dynamic), as paths relative to src/. */
export function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sources(SRC)) {
    const text = readFileSync(file, 'utf8');
    const specs = [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^import\s+)'(\.{1,2}\/[^']+)'/gm)].map((m) => m[1]!);
    const deps = specs.map((s) => relative(SRC, resolve(dirname(file), s)).replace(/\.js$/, '.ts'));
    graph.set(relative(SRC, file), [...new Set(deps)].filter((d) => !d.endsWith('.json')));
  }
  return graph;
}

/** Strongly connected components with more than one module, or a module importing itself (Tarjan). */
export function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out;
}

const layer = (module: string): string => module.split('/')[0]!.replace(/\.ts$/, '');

describe('the module graph of src/', () => {
  const graph = importGraph();

  it('has no import cycle', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('finds cycles when there are some (self-check)', () => {
    expect(cycles(new Map([['a.ts', ['b.ts']], ['b.ts', ['c.ts']], ['c.ts', ['a.ts']], ['d.ts', ['a.ts']]]))).toEqual([['a.ts', 'b.ts', 'c.ts']]);
    expect(cycles(new Map([['a.ts', ['a.ts']]]))).toEqual([['a.ts']]);
    expect(graph.get('targets/index.ts')).toContain('targets/iptables/index.ts');
  });

  it('keeps the pure core below the targets and the CLI', () => {
    const core = new Set(['lib', 'render', 'plan', 'profile', 'resolve', 'catalog', 'diagnostics', 'suggest', 'pipeline']);
    const bad = [...graph].flatMap(([m, deps]) => (core.has(layer(m)) ? deps.filter((d) => ['targets', 'gen', 'cli', 'web'].includes(layer(d))).map((d) => `${m} -> ${d}`) : []));
    expect(bad).toEqual([]);
  });

  it('keeps targets out of the CLI, out of the registry and out of each other', () => {
    const bad: string[] = [];
    for (const [m, deps] of graph) {
      const parts = m.split('/');
      if (parts[0] !== 'targets' || parts.length < 3) continue;
      const own = parts[1]!;
      for (const d of deps) {
        const dp = d.split('/');
        if (dp[0] === 'cli' || d === 'targets/index.ts') bad.push(`${m} -> ${d}`);
        // A target may use shared/ and config-xml/ (the pfSense/OPNsense family), never another target.
        else if (dp[0] === 'targets' && dp.length > 2 && dp[1] !== own && !['shared', 'config-xml'].includes(dp[1]!)) bad.push(`${m} -> ${d}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('keeps the two front ends apart: only the CLI imports the CLI, only the page (src/web/) the page, and nothing Node-only runs in the page', () => {
    const frontEnds = ['cli', 'web'];
    const bad = [...graph].flatMap(([m, deps]) => deps.filter((d) => frontEnds.includes(layer(d)) && layer(d) !== layer(m)).map((d) => `${m} -> ${d}`));
    expect(bad).toEqual([]);
    // Everything the page bundles (all but the CLI, the build and the benchmarks) is free of node: modules.
    const usesNode = [...graph.keys()].filter((m) => /from 'node:/.test(readFileSync(join(SRC, m), 'utf8')));
    expect(usesNode.filter((m) => !['cli', 'build', 'bench'].includes(layer(m)))).toEqual([]);
    expect(usesNode).toContain('cli/read-input.ts');
    expect(graph.get('web/main.ts')).toContain('web/gen-one.ts');
  });
});
