import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { inlinePartials, precompileAst } from '../../src/build/inline-partials.js';

const OPTIONS = { noEscape: true, strict: true, preventIndent: true };

/** The template with the partials compiled into it, and as Handlebars runs it with the partials called. */
function both(source: string, partials: Record<string, string>) {
  const { ast, called } = inlinePartials(source, new Map(Object.entries(partials)));
  const env = Handlebars.create();
  for (const [name, p] of Object.entries(partials)) env.registerPartial(name, env.compile(p, OPTIONS));
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const inlined = env.template(new Function(`return ${precompileAst(ast, OPTIONS)}`)());
  return { inlined, called, called_: env.compile(source, OPTIONS) };
}

describe('partials compiled into the template that includes them', () => {
  const partials = {
    links: '{{#each needed}}\ncheck {{name}}\n{{/each}}\n',
    match: '{{#if s}}-s {{s}} {{/if}}-p {{p}}',
    parent: '{{../x}}',
  };
  const source = 'start\n{{#each rules}}\n  {{> match}} -j {{j}}\n{{/each}}\n{{> links}}\n  {{> links}}\nend {{> match}}\n';
  const view = { rules: [{ s: 'a', p: 'tcp', j: 'ACCEPT' }, { s: null, p: 'udp', j: 'DROP' }], needed: [{ name: 'eth0' }, { name: 'br0' }], s: 'z', p: 'p' };

  it('give the same output as calling them, standalone lines and inline calls alike', () => {
    const { inlined, called, called_ } = both(source, partials);
    expect(called).toEqual([]);
    expect(inlined(view)).toBe(called_(view));
    expect(inlined(view)).toBe('start\n  -s a -p tcp -j ACCEPT\n  -p udp -j DROP\ncheck eth0\ncheck br0\n  check eth0\ncheck br0\nend -s z -p p\n');
  });

  it('keep the strict lookups: a missing field is still an error', () => {
    const { inlined } = both(source, partials);
    expect(() => inlined({ ...view, rules: [{ s: null, j: 'x' }] })).toThrow(/"p" not defined/);
  });

  it('leave calls with a context or hash, and partials that read a parent context, to run time (self-check)', () => {
    const { called } = both('{{> match this}}{{> match s=1}}{{#each rules}}{{> parent}}{{/each}}{{> match}}', partials);
    expect(called).toEqual(['match', 'parent']);
    const { called: shadowed } = both('{{#each rules as |p|}}{{> match}}{{/each}}', partials);
    expect(shadowed).toEqual(['match']);
  });
});
