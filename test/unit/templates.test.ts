import Handlebars from 'handlebars';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildTemplatesModule, helpersUsed, specGetterBody, TEMPLATES_MODULE_PATH } from '../../src/build/templates.js';
import { compileTemplate } from '../../src/render/engine.js';
import { ifBlock, unlessBlock } from '../../src/render/conditionals.js';
import { cachedProgram } from '../../src/render/program-cache.js';
import { ROOT } from '../support/profiles.js';

describe('precompiled templates', () => {
  it('the committed module matches templates/*.hbs (run `npm run generate` when it does not)', () => {
    const committed = readFileSync(`${ROOT}${TEMPLATES_MODULE_PATH}`, 'utf8');
    expect(committed === buildTemplatesModule(new URL('templates/', `file://${ROOT}`)), `${TEMPLATES_MODULE_PATH} is stale: run npm run generate`).toBe(true);
  });

  it('records the helpers a template calls, not fields or built-in blocks', () => {
    expect(helpersUsed('{{#each rules}}{{shQuote comment}} {{port}}{{#if x}}{{upper (lower name)}}{{/if}}{{/each}}{{title}}')).toEqual(['lower', 'shQuote', 'upper']);
  });

  it('refuses to run a template without every helper it calls', () => {
    expect(() => compileTemplate('iptables/default', { shQuote: String })).toThrow(/calls helpers it was not given: /);
  });

  it('is strict: a missing field is an error, not an empty string', () => {
    const t = compileTemplate('miniupnpd/default', { confLine: (s: string) => s });
    expect(() => t({})).toThrow(/not defined/);
  });

  describe('precompiled code, made cheaper per rule', () => {
    const options = { noEscape: true, strict: true, knownHelpersOnly: true, knownHelpers: { shQuote: true, up: true } };
    const body = (source: string) => specGetterBody(Handlebars.precompile(source, options) as string, '', ['shQuote', 'up']);

    it('calls the target helpers with their arguments only, and the built-in blocks without the wrapper', () => {
      const code = body('{{shQuote a}}{{#each xs}}{{up this}}{{#if y}}{{shQuote y}}{{/if}}{{/each}}');
      expect(code).toContain('helpers.__direct.shQuote(lookupProperty(depth0,"a"))');
      expect(code).toContain('helpers.__direct.up(depth0)');
      expect(code).toContain('helpers.__direct.each.call(');
      expect(code).toContain('helpers.__direct.ifBlock(alias1,lookupProperty(depth0,"y"),cachedProgram(container, 1, data),container.noop)');
      expect(code).not.toContain('lookupProperty(helpers,');
      expect(code).toContain('cachedProgram(container, 0, data)');
    });

    it('leaves the conditionals of a spec to the built-in helpers when one has hash arguments (includeZero)', () => {
      const code = body('{{#if a includeZero=true}}x{{/if}}{{#unless b}}y{{/unless}}');
      expect(code).toContain('helpers.__direct.if.call(');
      expect(code).toContain('helpers.__direct.unless.call(');
      expect(code).not.toContain('Block(');
    });

    it('refuses a helper call it cannot rewrite whole (self-check: hash arguments)', () => {
      expect(() => body('{{shQuote a k=1}}')).toThrow(/helper calls of another shape: shQuote/);
    });

    it('renders as Handlebars does, missing fields still an error', () => {
      const helpers = { shQuote: (s: string) => `'${s}'`, up: (s: string) => s.toUpperCase() };
      const source = '{{name}} {{shQuote a}}:{{#each xs}}{{up this}}{{@index}}{{#if @last}}.{{else}},{{/if}}{{/each}}{{#unless xs}}none{{/unless}}{{#if n}}n{{/if}}{{#if z}}z{{/if}}';
      const spec = new Function('cachedProgram', `const LOC = []; ${body(source).replace(/^const LOC = \[[^\n]*\n/, '')}`)(cachedProgram);
      const env = Handlebars.create();
      env.registerHelper('__direct', { ...helpers, each: env.helpers.each, if: env.helpers.if, ifBlock, unlessBlock } as never);
      const ours = env.template(spec);
      const theirs = Handlebars.compile(source, { noEscape: true, strict: true });
      const views = [{ name: 'n', a: 'x', xs: ['p', 'q'], n: 0 }, { name: 'n', a: 'y', xs: [], n: () => 1 }, { name: 'n', a: 'z', xs: ['r'], n: '', z: [0] }];
      for (const view of views) {
        expect(ours(view)).toBe(theirs(view, { helpers }));
      }
      expect(ours({ name: 'n', a: 'x', xs: ['p', 'q'] })).toBe("n 'x':P0,Q1.");
      expect(ours({ name: 'n', a: 'y', xs: [], n: () => 1, z: [] })).toBe("n 'y':nonen");
      expect(() => ours({ a: 'x', xs: [] })).toThrow(/"name" not defined/);
    });
  });

  it('makes a block program once per data frame (self-check: a new frame gets a new program)', () => {
    let made = 0;
    const container = { fn: () => ((made++, () => '') as () => string), helpers: {}, partials: {} };
    const frame = {};
    const first = cachedProgram(container, 3, frame);
    expect(cachedProgram(container, 3, frame)).toBe(first);
    expect(made).toBe(1);
    expect(cachedProgram(container, 3, {})).not.toBe(first);
    expect(cachedProgram(container, 4, frame)).not.toBe(first);
    expect(made).toBe(3);
  });
});
