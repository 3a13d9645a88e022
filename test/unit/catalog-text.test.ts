// Everything synfw prints from the catalog is written for users: no research wording, no source
// keys, no reviewer notes (researchNote), and every source shown with a link. The outputs are
// rendered from the reviewable YAML, which still has the researchNote fields, so a report that
// printed one would be caught here.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jargonIn, parseCatalogYaml } from '../../src/build/catalog.js';
import { appDetail, appsTable, publicApp } from '../../src/cli/apps-report.js';
import { planJson, planTable } from '../../src/cli/plan-report.js';
import { whyReport } from '../../src/cli/why-report.js';
import type { Catalog } from '../../src/catalog/types.js';
import { planOf, SHIPPED_PROFILES } from '../support/profiles.js';

const yamlCatalog = parseCatalogYaml(readFileSync(new URL('../../src/catalog/dsm-apps.yaml', import.meta.url), 'utf8'));

/** Every text the CLI prints from a catalog: table, each app in detail and as JSON, `why` per port. */
function printed(c: Catalog): Array<[string, string]> {
  const out: Array<[string, string]> = [['apps', appsTable(c)]];
  for (const app of c.apps) {
    out.push([`apps ${app.id}`, appDetail(c, app)], [`apps ${app.id} --json`, JSON.stringify(publicApp(c, app))]);
  }
  const ports = new Set<string>(['5000/tcp', '5001/tcp', '80/tcp', '443/tcp']);
  for (const app of c.apps) for (const p of app.ports) ports.add(`${p.port}/${p.proto}`);
  for (const key of ports) {
    const [port, proto] = key.split('/') as [string, 'tcp' | 'udp'];
    out.push([`why ${key}`, whyReport(c, { port: Number(port), proto })]);
  }
  return out;
}

/** What is wrong with one printed text: research wording, bare source keys, reviewer notes, hidden sources. */
function problems(c: Catalog, text: string): string[] {
  const found = jargonIn(text);
  // Source titles may contain document ids (US-CERT "TA14-017A"); keys must not appear elsewhere.
  let rest = text;
  for (const s of c.sources) rest = rest.split(s.title).join('').split(JSON.stringify(s.title).slice(1, -1)).join('');
  found.push(...jargonIn(rest, c.sources.map((s) => s.key)).filter((w) => w.startsWith('names')));
  const notes = [...c.apps.map((a) => a.researchNote), ...c.apps.flatMap((a) => a.ports.map((p) => p.researchNote))];
  for (const n of notes) {
    if (n && text.includes(n.slice(0, 40))) found.push(`prints a researchNote ("${n.slice(0, 40)}...")`);
  }
  for (const s of c.sources) if (s.internal && text.includes(s.title)) found.push(`prints the internal source "${s.key}"`);
  for (const line of text.split('\n')) {
    if (/^ {2}\d+\. /.test(line) && !/: https?:\/\/\S+$/.test(line)) found.push(`source without a link: ${line.trim()}`);
  }
  return found;
}

describe('printed catalog text', () => {
  const outputs = printed(yamlCatalog);

  it('covers every app and port (the scan is not vacuous)', () => {
    expect(outputs.length).toBeGreaterThan(yamlCatalog.apps.length * 2 + 100);
    expect(yamlCatalog.apps.filter((a) => a.researchNote).length).toBeGreaterThan(10);
    expect(outputs.find(([what]) => what === 'apps data-replicator')![1]).toMatch(/Sources:\n {2}1\. .*: https:\/\//);
  });

  it.each(outputs)('%s has no research wording, keys, reviewer notes or unlinked sources', (_what, text) => {
    expect(problems(yamlCatalog, text)).toEqual([]);
  });

  it.each(SHIPPED_PROFILES)('`synfw plan %s` (table and JSON) has none either', (path) => {
    const plan = planOf(path);
    expect(problems(yamlCatalog, planTable(plan))).toEqual([]);
    expect(problems(yamlCatalog, planJson(plan))).toEqual([]);
  });

  it('the scan fails on research wording, a printed researchNote and an internal source', () => {
    const c = structuredClone(yamlCatalog);
    const dr = c.apps.find((a) => a.id === 'data-replicator')!;
    dr.notes = 'The seed prints all ports as TCP (S03) [unverified].';
    expect(problems(c, appDetail(c, dr))).toEqual(expect.arrayContaining(['mentions "the seed"', 'cites a seed row', 'says "unverified"']));
    dr.notes = dr.researchNote;
    expect(problems(c, appDetail(c, dr)).join('\n')).toMatch(/prints a researchNote/);
    dr.notes = `See ${c.sources.find((s) => s.key === 'PI23')!.key} for the list.`;
    expect(problems(c, appDetail(c, dr)).join('\n')).toMatch(/names the source key PI23/);
    // VPN Server's definition file is research material: openvpn cites it, and it is never shown.
    const internal = c.sources.find((s) => s.key === 'VPN')!;
    expect(internal.internal).toBe(true);
    expect(problems(yamlCatalog, appDetail(c, c.apps.find((a) => a.id === 'vpn-server-openvpn')!))).toEqual([]);
    delete internal.internal;
    internal.url = 'https://example.org/copy';
    expect(problems(yamlCatalog, appDetail(c, c.apps.find((a) => a.id === 'vpn-server-openvpn')!)).join('\n')).toMatch(/prints the internal source "VPN"/);
  });
});
