import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildTemplatesModule, helpersUsed, TEMPLATES_MODULE_PATH } from '../../src/build/templates.js';
import { compileTemplate } from '../../src/render/engine.js';
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
});
