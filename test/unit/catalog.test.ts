// The DSM port catalog: lint rules, the generated JSON, coverage of the 2020 seed table and the
// facts from the research that users depend on.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCatalogJson, jargonIn, lintCatalog, parseCatalogYaml } from '../../src/build/catalog.js';
import { openableSources } from '../../src/catalog/catalog.js';
import type { Catalog, CatalogApp, CatalogPort, Proto } from '../../src/catalog/types.js';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const yamlText = read('../../src/catalog/dsm-apps.yaml');
const catalog = parseCatalogYaml(yamlText);
const byId = new Map(catalog.apps.map((a) => [a.id, a]));
const byName = new Map<string, CatalogApp>();
for (const app of catalog.apps) {
  byName.set(app.id, app);
  for (const alias of app.aliases) byName.set(alias, app);
}

function app(id: string): CatalogApp {
  const a = byId.get(id);
  if (!a) throw new Error(`no app ${id}`);
  return a;
}
function port(appId: string, label: string): CatalogPort {
  const p = app(appId).ports.find((x) => x.label === label);
  if (!p) throw new Error(`no port ${appId}:${label}`);
  return p;
}
const ranges = (appId: string) => app(appId).ports.map((p) => `${p.port}${p.end ? `-${p.end}` : ''}/${p.proto}`);

describe('catalog lint', () => {
  it('dsm-apps.yaml has no lint problems', () => {
    expect(lintCatalog(catalog)).toEqual([]);
  });

  // A tiny valid catalog; each case below breaks one rule.
  const good = (): Catalog => ({
    newestDsm: '7.2',
    apps: [
      {
        id: 'dsm',
        name: 'DSM',
        aliases: ['ds-finder'],
        ports: [
          { label: 'https', port: 5001, proto: 'tcp', exposure: 'public', configurable: true, purpose: 'p', sources: ['S12'] },
          { label: 'http', port: 5000, proto: 'tcp', exposure: 'risky', configurable: true, purpose: 'p', sources: ['X'] },
        ],
        sources: ['X'],
      },
      {
        id: 'demo',
        name: 'Demo',
        aliases: [],
        servedBy: { app: 'dsm', dsm: { introduced: '7.0' } },
        dsm: { introduced: '6.2', removed: '7.2.2', legacy: true },
        ports: [
          { label: 'range-tcp', port: 100, end: 110, proto: 'tcp', exposure: 'lan-only', configurable: false, purpose: 'p', sources: ['X'] },
          { label: 'range-udp', port: 100, end: 110, proto: 'udp', exposure: 'outbound', configurable: false, purpose: 'p', sources: ['S80'] },
        ],
        sources: ['X', 'S01'],
      },
      {
        id: 'tool',
        name: 'Tool',
        aliases: [],
        thirdParty: true,
        vendor: 'Tool Inc.',
        ports: [
          {
            label: 'peer',
            port: 100,
            proto: 'tcp',
            exposure: 'public',
            encrypted: false,
            configurable: true,
            purpose: 'p',
            notes: 'meant for the internet, not encrypted',
            sources: ['X', 'R'],
            researchNote: 'why',
          },
          // Outbound ports claim nothing on the NAS: no shared entry with dsm's 5001.
          { label: 'out', port: 5001, proto: 'tcp', exposure: 'outbound', configurable: false, purpose: 'p', sources: ['X'] },
        ],
        sources: ['X'],
        researchNote: 'why',
      },
    ],
    shared: [{ port: 100, proto: 'tcp', apps: ['demo', 'tool'], note: 'n' }],
    sources: [
      { key: 'X', title: 'x', url: 'https://example.org/x' },
      { key: 'KB20', title: 'the 2020 port table', url: 'https://example.org/kb' },
      { key: 'R', title: 'a copy nobody can open', internal: true },
    ],
  });
  const demo = (c: Catalog) => c.apps[1] as CatalogApp;
  const demoPort = (c: Catalog, i: number) => demo(c).ports[i] as CatalogPort;
  const tool = (c: Catalog) => c.apps[2] as CatalogApp;
  const peer = (c: Catalog) => tool(c).ports[0] as CatalogPort;
  const shared0 = (c: Catalog) => c.shared[0]!;

  it('accepts the minimal valid catalog (tcp and udp may share a range)', () => {
    expect(lintCatalog(good())).toEqual([]);
  });

  const cases: Array<[string, (c: Catalog) => void, RegExp]> = [
    ['id not kebab-case', (c) => { demo(c).id = 'Demo_App'; }, /id "Demo_App" is not kebab-case/],
    ['duplicate id', (c) => { demo(c).id = 'dsm'; }, /duplicate id "dsm"/],
    ['alias not kebab-case', (c) => { demo(c).aliases = ['Old Name']; }, /alias "Old Name" is not kebab-case/],
    ['alias used twice', (c) => { demo(c).aliases = ['ds-finder']; }, /alias "ds-finder" is already taken by alias of dsm/],
    ['alias shadows an id', (c) => { (c.apps[0] as CatalogApp).aliases = ['demo']; }, /alias "demo" is already taken by app demo/],
    ['duplicate label', (c) => { demoPort(c, 1).label = 'range-tcp'; }, /duplicate label "range-tcp"/],
    ['port 0', (c) => { demoPort(c, 0).port = 0; }, /port 0 is not an integer in 1-65535/],
    ['port above 65535', (c) => { demoPort(c, 1).port = 65536; }, /port 65536 is not an integer/],
    ['end not above port', (c) => { demoPort(c, 0).end = 100; }, /end 100 must be a port number above 100/],
    ['overlapping ranges, same proto', (c) => { demoPort(c, 1).proto = 'tcp'; demoPort(c, 1).port = 110; demoPort(c, 1).end = 120; }, /"range-tcp" and "range-udp" overlap on tcp/],
    ['exact duplicate port', (c) => { demo(c).ports.push({ ...demoPort(c, 0), label: 'again' }); }, /"range-tcp" and "again" overlap on tcp/],
    ['missing exposure', (c) => { delete (demoPort(c, 0) as Partial<CatalogPort>).exposure; }, /exposure "undefined" is not public/],
    ['bad proto', (c) => { (demoPort(c, 0) as { proto: string }).proto = 'tcp/udp'; }, /proto "tcp\/udp" is not tcp or udp/],
    ['port without sources', (c) => { demoPort(c, 0).sources = []; }, /\(range-tcp\) sources: needs at least one source/],
    ['unknown source key on a port', (c) => { demoPort(c, 0).sources = ['KB99']; }, /unknown source "KB99"/],
    ['unknown source key on an app', (c) => { demo(c).sources = ['NOPE']; }, /demo sources: unknown source "NOPE"/],
    ['seed row out of range', (c) => { demoPort(c, 0).sources = ['S81']; }, /unknown source "S81"/],
    ['seed row S00', (c) => { demo(c).sources = ['S00']; }, /unknown source "S00"/],
    ['served app defines its own https', (c) => { demoPort(c, 0).label = 'https'; }, /label "https" is inherited from dsm/],
    ['served app defines its own http', (c) => { demoPort(c, 1).label = 'http'; }, /label "http" is inherited from dsm/],
    ['version without minor', (c) => { demo(c).dsm = { introduced: '7' }; }, /introduced "7" is not a quoted/],
    ['unquoted version (a YAML number)', (c) => { demo(c).dsm = { removed: 7 as unknown as string }; }, /removed "7" is not a quoted/],
    ['bad newestDsm', (c) => { c.newestDsm = 'latest'; }, /newestDsm "latest"/],
    ['introduced not before removed', (c) => { demo(c).dsm = { introduced: '7.2', removed: '7.2.0' }; }, /introduced 7.2 is not before removed 7.2.0/],
    ['bad port window', (c) => { demoPort(c, 0).dsm = { introduced: '7.0', removed: '6.2' }; }, /\(range-tcp\) dsm: introduced 7.0 is not before removed 6.2/],
    ['bad servedBy window', (c) => { demo(c).servedBy = { app: 'dsm', dsm: { removed: 'x' } }; }, /servedBy.dsm: removed "x"/],
    ['servedBy an unknown server', (c) => { demo(c).servedBy = { app: 'web-station' }; }, /servedBy.app "web-station" is not in the catalog/],
    ['server without web ports', (c) => { (c.apps[0] as CatalogApp).ports.pop(); }, /servedBy.app "dsm" has no tcp ports labelled http and https/],
    ['unknown key (typo)', (c) => { (demo(c) as unknown as Record<string, unknown>).alias = []; }, /unknown key "alias"/],
    ['duplicate source key', (c) => { c.sources.push({ key: 'X', title: 'again', url: 'https://example.org' }); }, /duplicate source key "X"/],
    // Sources a user can open
    ['source without url', (c) => { delete c.sources[0]!.url; }, /sources\[0\]: needs a url a user can open/],
    ['url that is not a link', (c) => { c.sources[0]!.url = 'example.org/x'; }, /url "example.org\/x" is not an http\(s\) address/],
    ['port with only an internal source', (c) => { peer(c).sources = ['R']; }, /tool ports\[0\] \(peer\) sources: needs at least one source a user can open/],
    ['seed rows without the 2020 table', (c) => { c.sources.splice(1, 1); }, /cites seed row S12, but the catalog has no source KB20/],
    // Third-party apps and unencrypted public ports
    ['third-party app without vendor', (c) => { delete tool(c).vendor; }, /tool: a third-party app needs a vendor/],
    ['vendor without thirdParty', (c) => { demo(c).vendor = 'Someone'; }, /demo: vendor is only for third-party apps/],
    ['encrypted: false on a risky port', (c) => { (c.apps[0] as CatalogApp).ports[1]!.encrypted = false; }, /\(http\): encrypted: false is for public ports/],
    ['encrypted: true', (c) => { peer(c).encrypted = true; }, /\(peer\): encrypted is only written as false/],
    ['unencrypted public port without notes', (c) => { delete peer(c).notes; }, /\(peer\): an unencrypted public port needs notes/],
    // Ports two apps listen on
    ['two apps on one port without a shared entry', (c) => { c.shared = []; }, /demo \(range-tcp\) and tool \(peer\) both listen on 100\/tcp: add a shared entry/],
    ['shared entry for the other protocol', (c) => { shared0(c).proto = 'udp'; }, /both listen on 100\/tcp/],
    ['shared entry naming an app that does not listen there', (c) => { shared0(c).apps.push('dsm'); }, /shared\[0\] \(100\/tcp\): app "dsm" does not listen on 100\/tcp/],
    ['shared entry naming an unknown app', (c) => { shared0(c).apps.push('nope'); }, /app "nope" is not in the catalog/],
    ['shared entry with one app', (c) => { shared0(c).apps = ['demo']; }, /apps must list at least two different apps/],
    ['shared entry without a note', (c) => { shared0(c).note = ' '; }, /note is missing/],
    ['shared missing', (c) => { delete (c as Partial<Catalog>).shared; }, /shared must be a list/],
    // Printed text is for users
    ['notes about the seed', (c) => { demo(c).notes = 'The seed printed 139/445 as TCP/UDP'; }, /demo notes: printed text mentions "the seed"/],
    ['a seed row in a purpose', (c) => { demoPort(c, 0).purpose = 'RPC, see S51'; }, /\(range-tcp\) purpose: printed text cites a seed row/],
    ['[unverified] in port notes', (c) => { peer(c).notes = '[unverified] port value'; }, /\(peer\) notes: printed text says "unverified"/],
    ['a bracketed source key in a shared note', (c) => { shared0(c).note = 'amplification vector [TA14]'; }, /shared\[0\] \(100\/tcp\) note: printed text cites a source key in brackets/],
    ['"not identified" in a source title', (c) => { c.sources[0]!.title = 'notes file (repository not identified)'; }, /sources\[0\]: printed text says "not identified"/],
    ['a bare source key in notes', (c) => { c.sources.push({ key: 'KB25', title: 't', url: 'https://example.org/kb25' }); demo(c).notes = 'KB25 adds DSM ports'; }, /printed text names the source key KB25/],
    ['"as printed" in a name', (c) => { demo(c).name = 'Demo, as printed'; }, /demo name: printed text says "as printed"/],
    ['researchNote that is not text', (c) => { peer(c).researchNote = 3 as unknown as string; }, /\(peer\): researchNote must be text/],
  ];
  it.each(cases)('reports %s', (_name, breakIt, expected) => {
    const c = good();
    breakIt(c);
    const problems = lintCatalog(c);
    expect(problems.some((p) => expected.test(p)), problems.join('\n')).toBe(true);
  });

  it('research wording may stay in researchNote, which the generated JSON leaves out', () => {
    const c = good();
    peer(c).researchNote = 'The seed printed this as TCP (S09) [unverified]';
    expect(lintCatalog(c)).toEqual([]);
    const json = buildCatalogJson(JSON.stringify(c));
    expect(json).not.toContain('researchNote');
    expect(json).not.toContain('The seed printed');
    expect(JSON.parse(json).apps[2].ports[0]).toMatchObject({ label: 'peer', encrypted: false });
  });

  it('jargonIn finds each kind of research wording and passes plain text', () => {
    expect(jargonIn('The seed printed 139/445 as TCP/UDP')).toEqual(['mentions "the seed"']);
    expect(jargonIn('"DSM 5.2 Archiving Backup" (S06) is dropped')).toEqual(['cites a seed row']);
    expect(jargonIn('[unverified] default for MailPlus')).toEqual(['says "unverified"']);
    expect(jargonIn('Copy (repository not identified)')).toEqual(['says "not identified"']);
    expect(jargonIn('UDP amplification vector [TA14]')).toEqual(['cites a source key in brackets']);
    expect(jargonIn('KB25 adds DSM ports', ['KB25'])).toEqual(['names the source key KB25']);
    expect(jargonIn('Synology\'s 2020 port table lists 1024; check Synology Contacts before forwarding 5555.', ['KB25', 'PI23'])).toEqual([]);
  });

  it('every shared entry of the shipped catalog is needed: without it the lint fails', () => {
    expect(catalog.shared.length).toBeGreaterThan(20);
    catalog.shared.forEach((entry, i) => {
      const without = { ...catalog, shared: catalog.shared.filter((_, j) => j !== i) };
      const problems = lintCatalog(without).join('\n');
      expect(problems, `shared[${i}] ${entry.port}/${entry.proto}`).toMatch(/both listen on .*: add a shared entry that says why/);
    });
  });

  it('every port of the shipped catalog has a class, a purpose and a source a user can open', () => {
    const classes = ['public', 'risky', 'lan-only', 'outbound'];
    for (const app of catalog.apps) {
      for (const p of app.ports) {
        const where = `${app.id}:${p.label}`;
        expect(classes, where).toContain(p.exposure);
        expect(p.purpose.trim().length, where).toBeGreaterThan(2);
        const open = openableSources(catalog, p.sources);
        expect(open.length, `${where} has no source a user can open`).toBeGreaterThan(0);
        for (const s of open) expect(s.url, where).toMatch(/^https?:\/\/\S+$/);
      }
    }
  });

  it('buildCatalogJson refuses a catalog with problems', () => {
    const bad = yamlText.replace('label: https\n        port: 5001', 'label: https\n        port: 0');
    expect(bad).not.toBe(yamlText);
    expect(() => buildCatalogJson(bad)).toThrow(/port 0 is not an integer/);
  });
});

describe('catalog.generated.json', () => {
  it('is exactly what the build makes from dsm-apps.yaml', () => {
    const committed = read('../../src/catalog/catalog.generated.json');
    const fresh = buildCatalogJson(yamlText);
    expect(committed === fresh, 'src/catalog/catalog.generated.json is stale: run `npm run generate`').toBe(true);
    expect(fresh.endsWith('}\n')).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------- seed
interface SeedRow {
  row: string;
  section: string;
  name: string;
  ports: string;
  protocol: string;
}
interface Ref {
  app: string;
  label: string;
}
interface CoverageEntry {
  printed: string | string[];
  app?: string;
  label?: string;
  also?: Ref[];
  correction?: string;
  replacedBy?: Ref;
  note?: string;
}
interface CoverageRow {
  row: string;
  covers: string[];
  note?: string;
  ports: CoverageEntry[];
}

const seedRows = JSON.parse(read('../fixtures/seed-rows.json')) as SeedRow[];
const coverage = (JSON.parse(read('../fixtures/seed-coverage.json')) as { rows: CoverageRow[] }).rows;

/**
 * The port/proto tokens a seed row prints, e.g. "6890-6999/udp". Numbers inside version strings
 * ("DSM 2.0.1-3.0401") are not ports. A "(TCP)" or "(UDP)" right after a port overrides the
 * row's protocol cell; otherwise the cell applies as printed ("TCP/UDP" gives both, "DRBD" stays).
 */
function printedTokens(row: Pick<SeedRow, 'ports' | 'protocol'>): string[] {
  const rowProtos = row.protocol.toLowerCase().split('/');
  const text = row.ports.replace(/\d+(?:\.\d+)+/g, ' ');
  const tokens: string[] = [];
  for (const m of text.matchAll(/(\d+)(?:\s*-\s*(\d+))?(?:\s*\((TCP|UDP)\))?/g)) {
    const range = m[2] ? `${m[1]}-${m[2]}` : `${m[1]}`;
    for (const proto of m[3] ? [m[3].toLowerCase()] : rowProtos) tokens.push(`${range}/${proto}`);
  }
  return tokens;
}

interface Span {
  port: number;
  end: number;
  proto: string;
}
function parseToken(token: string): Span {
  const m = /^(\d+)(?:-(\d+))?\/([a-z]+)$/.exec(token);
  if (!m) throw new Error(`bad printed token "${token}"`);
  return { port: Number(m[1]), end: Number(m[2] ?? m[1]), proto: m[3] as string };
}
/** Several printed ports that together form one contiguous range of one protocol. */
function coalesce(tokens: string[]): Span | string {
  const spans = tokens.map(parseToken).sort((a, b) => a.port - b.port);
  const first = spans[0];
  if (!first) return 'empty printed list';
  let end = first.end;
  for (const s of spans.slice(1)) {
    if (s.proto !== first.proto) return `mixed protocols in ${tokens.join(', ')}`;
    if (s.port !== end + 1) return `${tokens.join(', ')} is not one contiguous range`;
    end = s.end;
  }
  return { port: first.port, end, proto: first.proto };
}
const asList = (p: string | string[]) => (Array.isArray(p) ? p : [p]);
const fmt = (s: Span) => `${s.port}${s.end !== s.port ? `-${s.end}` : ''}/${s.proto}`;

/** Everything wrong with one coverage row for its seed row; empty when it checks out. */
function coverageProblems(seed: SeedRow, cov: CoverageRow | undefined): string[] {
  const problems: string[] = [];
  if (!cov || cov.row !== seed.row) return [`${seed.row}: no coverage entry (found ${cov?.row ?? 'nothing'})`];
  const at = (msg: string) => problems.push(`${seed.row} ${seed.name}: ${msg}`);

  if (cov.covers.length === 0) at('covers is empty');
  const covered = new Set<string>();
  for (const name of cov.covers) {
    const a = byName.get(name);
    if (!a) at(`covers "${name}", which is neither an app id nor an alias`);
    else {
      covered.add(a.id);
      if (a.servedBy) covered.add(a.servedBy.app);
    }
  }

  const checkRef = (ref: Ref, span: Span | undefined, what: string) => {
    const a = byId.get(ref.app);
    const p = a?.ports.find((x) => x.label === ref.label);
    if (!p) return at(`${what} ${ref.app}:${ref.label} does not exist`);
    if (span && fmt({ port: p.port, end: p.end ?? p.port, proto: p.proto }) !== fmt(span)) {
      at(`${what} ${ref.app}:${ref.label} is ${fmt({ port: p.port, end: p.end ?? p.port, proto: p.proto })}, printed ${fmt(span)}`);
    }
  };

  const printed: string[] = [];
  for (const entry of cov.ports) {
    const tokens = asList(entry.printed);
    printed.push(...tokens);
    const isHeld = entry.app !== undefined || entry.label !== undefined;
    const isCorrection = entry.correction !== undefined;
    if (isHeld === isCorrection) {
      at(`${tokens.join(', ')} needs either app+label or a correction, not ${isHeld ? 'both' : 'neither'}`);
      continue;
    }
    if (isCorrection) {
      if (entry.correction?.trim() === '') at(`${tokens.join(', ')} has an empty correction`);
      if (entry.replacedBy) checkRef(entry.replacedBy, undefined, 'replacedBy');
      continue;
    }
    const span = coalesce(tokens);
    if (typeof span === 'string') {
      at(span);
      continue;
    }
    if (span.proto !== 'tcp' && span.proto !== 'udp') at(`${fmt(span)} is not a transport protocol and needs a correction`);
    for (const ref of [{ app: entry.app ?? '', label: entry.label ?? '' }, ...(entry.also ?? [])]) {
      checkRef(ref, span, 'held by');
      if (!covered.has(ref.app)) at(`${ref.app} holds ${fmt(span)} but is not covered (nor serving a covered app)`);
    }
  }
  if (printedTokens(seed).length === 0) at(`no port numbers found in "${seed.ports}"`);
  const missing = multisetMinus(printedTokens(seed), printed);
  const extra = multisetMinus(printed, printedTokens(seed));
  if (missing.length > 0) at(`the seed cell "${seed.ports}" prints ${missing.join(', ')}, which the coverage does not account for`);
  if (extra.length > 0) at(`the coverage lists ${extra.join(', ')}, which the seed cell does not print`);
  return problems;
}

function multisetMinus(a: string[], b: string[]): string[] {
  const rest = [...b];
  return a.filter((x) => {
    const i = rest.indexOf(x);
    if (i < 0) return true;
    rest.splice(i, 1);
    return false;
  });
}

describe('seed table (2020) coverage', () => {
  it('seed-rows.json has the 80 rows numbered as in the research', () => {
    expect(seedRows.map((r) => r.row)).toEqual(Array.from({ length: 80 }, (_, i) => `S${String(i + 1).padStart(2, '0')}`));
    const anchors: Record<string, string> = {
      S01: 'Synology Assistant',
      S02: 'Active Backup for Business',
      S09: 'BT',
      S12: 'DSM',
      S21: 'CIFS',
      S22: 'CIFS',
      S23: 'FTP, FTP over SSL, FTP over TLS',
      S28: 'Audio Station',
      S32: 'Cloud Station',
      S40: 'Migration Assistant',
      S55: 'Video Station',
      S57: 'VPN Server (OpenVPN)',
      S60: 'DS audio',
      S71: 'Bonjour',
      S80: 'Telnet',
    };
    for (const [row, name] of Object.entries(anchors)) {
      expect(seedRows.find((r) => r.row === row)?.name, row).toBe(name);
    }
  });

  it('printedTokens reads ports, ranges, per-port protocols and skips version numbers', () => {
    expect(printedTokens({ ports: '16881 (for DSM 2.0.1 or above); 6890-6999 (for DSM 2.0.1-3.0401 or earlier version)', protocol: 'TCP/UDP' })).toEqual([
      '16881/tcp',
      '16881/udp',
      '6890-6999/tcp',
      '6890-6999/udp',
    ]);
    expect(printedTokens({ ports: '1900 (UDP), 5000 (HTTP, additional port can be added)', protocol: 'TCP/UDP' })).toEqual([
      '1900/udp',
      '5000/tcp',
      '5000/udp',
    ]);
    expect(printedTokens({ ports: '7400-7499', protocol: 'DRBD' })).toEqual(['7400-7499/drbd']);
  });

  it('every seed row has a coverage entry, in order', () => {
    expect(coverage.map((r) => r.row)).toEqual(seedRows.map((r) => r.row));
  });

  it.each(seedRows.map((r, i) => [r.row, r.name, i] as const))('%s %s is covered port by port', (_row, _name, i) => {
    const seed = seedRows[i] as SeedRow;
    expect(coverageProblems(seed, coverage[i])).toEqual([]);
  });

  it('the coverage check fails when a printed port is dropped or wrong', () => {
    const seed = seedRows.find((r) => r.row === 'S25') as SeedRow;
    const cov = coverage.find((r) => r.row === 'S25') as CoverageRow;
    const dropped = { ...cov, ports: cov.ports.slice(1) };
    const wrongProto = { ...cov, ports: cov.ports.map((p, i) => (i === 0 ? { ...p, label: 'rpcbind-udp' } : p)) };
    const noReason = { ...cov, ports: cov.ports.map((p, i) => (i === 0 ? { printed: p.printed, correction: ' ' } : p)) };
    const unknownApp = { ...cov, covers: ['nfs-server'] };
    expect(coverageProblems(seed, cov)).toEqual([]);
    expect(coverageProblems(seed, dropped).join('\n')).toMatch(/prints 111\/tcp, which the coverage does not account for/);
    expect(coverageProblems(seed, wrongProto).join('\n')).toMatch(/nfs:rpcbind-udp is 111\/udp, printed 111\/tcp/);
    expect(coverageProblems(seed, noReason).join('\n')).toMatch(/empty correction/);
    expect(coverageProblems(seed, unknownApp).join('\n')).toMatch(/covers "nfs-server", which is neither/);
  });

  it('the coverage check fails when a seed cell gains a port', () => {
    const seed = seedRows.find((r) => r.row === 'S57') as SeedRow;
    const cov = coverage.find((r) => r.row === 'S57') as CoverageRow;
    expect(coverageProblems({ ...seed, ports: `${seed.ports}, 1196` }, cov).join('\n')).toMatch(/prints 1196\/udp/);
  });
});

// ----------------------------------------------------------------------------- research facts
describe('catalog facts from the research', () => {
  const only = (appId: string, portNumber: number) => app(appId).ports.filter((p) => p.port === portNumber);
  const has = (appId: string, portNumber: number, proto: Proto) => only(appId, portNumber).some((p) => p.proto === proto);

  it('newest DSM is 7.2.2', () => {
    expect(catalog.newestDsm).toBe('7.2.2');
  });

  it('dsm and web-station have the labels the resolver relies on', () => {
    expect(port('dsm', 'https')).toMatchObject({ port: 5001, proto: 'tcp', exposure: 'public', configurable: true });
    expect(port('dsm', 'http')).toMatchObject({ port: 5000, proto: 'tcp', exposure: 'risky', configurable: true });
    expect(port('web-station', 'https')).toMatchObject({ port: 443, proto: 'tcp', exposure: 'public' });
    expect(port('web-station', 'http')).toMatchObject({ port: 80, proto: 'tcp', exposure: 'risky' });
  });

  it('has every app proposed in research section 2', () => {
    const ids = `dsm file-station central-management-system web-station reverse-proxy ssh sftp telnet snmp smb ws-discovery afp nfs ftp tftp
      webdav-server rsync-server iscsi storage-console bonjour lpr ipp network-mfp ups-server ntp-server synology-assistant dhcp-server dns-server
      radius-server ldap-server synology-directory-server proxy-server syslog-server mariadb active-backup-business hyper-backup-destination
      hyper-backup-vault snapshot-replication lun-backup data-replicator synology-high-availability migration-assistant synology-drive-server
      synology-drive-sharesync synology-office synology-chat synology-calendar synology-contacts carddav-server note-station mailplus-server
      mail-server mail-station synology-photos photo-station synology-moments audio-station video-station media-server itunes-server
      logitech-media-server download-station surveillance-station vpn-server-openvpn vpn-server-l2tp-ipsec vpn-server-pptp wireguard tailscale
      quickconnect hybrid-share container-manager virtual-machine-manager cifs-scale-out-cluster presto-file-server`.split(/\s+/);
    expect(ids).toHaveLength(74);
    expect(ids.filter((id) => !byId.has(id))).toEqual([]);
  });

  it('LPR 515 is tcp, never udp', () => {
    expect(ranges('lpr')).toEqual(['515/tcp']);
  });

  it('SNMP 161 is udp only', () => {
    expect(ranges('snmp')).toEqual(['161/udp']);
  });

  it('SMB: 445/tcp risky, 137/udp lan-only, no udp 139/445', () => {
    expect(only('smb', 445)).toMatchObject([{ proto: 'tcp', exposure: 'risky' }]);
    expect(only('smb', 137)).toMatchObject([{ proto: 'udp', exposure: 'lan-only' }]);
    expect(only('smb', 139)).toMatchObject([{ proto: 'tcp' }]);
    expect(app('smb').aliases).toContain('cifs');
  });

  it('FTP passive range is 55536-55899/tcp, port 20 is outbound', () => {
    expect(port('ftp', 'passive')).toMatchObject({ port: 55536, end: 55899, proto: 'tcp', configurable: true });
    expect(port('ftp', 'active-data')).toMatchObject({ port: 20, exposure: 'outbound' });
    expect(app('ftp').ports.some((p) => p.port === 1025)).toBe(false);
  });

  it('NFS includes 662 and 4045 on tcp and udp', () => {
    for (const n of [111, 662, 892, 2049, 4045]) {
      expect(has('nfs', n, 'tcp') && has('nfs', n, 'udp'), String(n)).toBe(true);
    }
  });

  it('OpenVPN is 1194/udp only (no 1195), PPTP 1723/tcp only (no 2001)', () => {
    expect(ranges('vpn-server-openvpn')).toEqual(['1194/udp']);
    expect(port('vpn-server-openvpn', 'openvpn').exposure).toBe('public');
    expect(ranges('vpn-server-pptp')).toEqual(['1723/tcp']);
    expect(port('vpn-server-pptp', 'pptp').exposure).toBe('risky');
  });

  it('L2TP/IPsec: 500 and 4500 udp public, 1701/udp risky', () => {
    expect(port('vpn-server-l2tp-ipsec', 'ike')).toMatchObject({ port: 500, proto: 'udp', exposure: 'public' });
    expect(port('vpn-server-l2tp-ipsec', 'nat-t')).toMatchObject({ port: 4500, proto: 'udp', exposure: 'public' });
    expect(port('vpn-server-l2tp-ipsec', 'l2tp')).toMatchObject({ port: 1701, proto: 'udp', exposure: 'risky' });
  });

  it('MailPlus has submission 587/tcp', () => {
    expect(port('mailplus-server', 'submission')).toMatchObject({ port: 587, proto: 'tcp', exposure: 'public' });
  });

  it('Synology Photos runs via DSM from 7.0; Photo Station and Moments end at 7.0; Video Station at 7.2.2', () => {
    expect(app('synology-photos').servedBy).toEqual({ app: 'dsm' });
    expect(app('synology-photos').dsm?.introduced).toBe('7.0');
    expect(app('photo-station').servedBy?.app).toBe('web-station');
    expect(app('photo-station').dsm?.removed).toBe('7.0');
    expect(app('synology-moments').dsm?.removed).toBe('7.0');
    expect(app('video-station').dsm?.removed).toBe('7.2.2');
  });

  it('Hyper Backup Vault runs via DSM only from DSM 7.0', () => {
    expect(app('hyper-backup-vault').servedBy).toEqual({ app: 'dsm', dsm: { introduced: '7.0' } });
    expect(port('hyper-backup-vault', 'vault')).toMatchObject({ port: 6281, proto: 'tcp', exposure: 'risky' });
  });

  it('Bonjour 5353/udp is lan-only', () => {
    expect(only('bonjour', 5353)).toMatchObject([{ proto: 'udp', exposure: 'lan-only' }]);
  });

  it('Active Backup for Business: 5510/tcp risky, remote-host ports outbound', () => {
    expect(only('active-backup-business', 5510)).toMatchObject([{ proto: 'tcp', exposure: 'risky' }]);
    for (const n of [443, 902, 445, 5985, 5986]) {
      expect(only('active-backup-business', n), String(n)).toMatchObject([{ proto: 'tcp', exposure: 'outbound' }]);
    }
  });

  it('Synology Drive Server: 6690/tcp public, former name cloud-station', () => {
    expect(only('synology-drive-server', 6690)).toMatchObject([{ proto: 'tcp', exposure: 'public' }]);
    expect(app('synology-drive-server').aliases).toEqual(expect.arrayContaining(['cloud-station', 'cloudstation']));
    expect(port('synology-drive-sharesync', 'sharesync')).toMatchObject({ port: 6690, exposure: 'outbound' });
  });

  it('WireGuard: 51820/udp public, third party', () => {
    expect(only('wireguard', 51820)).toMatchObject([{ proto: 'udp', exposure: 'public' }]);
    expect(app('wireguard').thirdParty).toBe(true);
  });

  it('BT is 16881 tcp+udp public; the pre-DSM-3 range 6890-6999 is gone', () => {
    expect(port('download-station', 'bt-tcp')).toMatchObject({ port: 16881, proto: 'tcp', exposure: 'public' });
    expect(port('download-station', 'bt-udp')).toMatchObject({ port: 16881, proto: 'udp', exposure: 'public' });
    expect(app('download-station').ports.some((p) => p.port === 6890)).toBe(false);
  });

  it('discovery and cluster ports are lan-only', () => {
    expect(port('synology-assistant', 'discovery')).toMatchObject({ port: 9997, end: 9999, proto: 'udp', exposure: 'lan-only' });
    expect(app('dhcp-server').ports.every((p) => p.exposure === 'lan-only')).toBe(true);
    expect(app('synology-high-availability').ports.every((p) => p.exposure === 'lan-only')).toBe(true);
    expect(app('media-server').ports.every((p) => p.exposure === 'lan-only')).toBe(true);
    expect(port('migration-assistant', 'drbd')).toMatchObject({ proto: 'tcp', exposure: 'lan-only' });
  });

  it('apps with nothing to forward say why', () => {
    for (const id of ['quickconnect', 'container-manager']) {
      expect(app(id).ports, id).toEqual([]);
      expect(app(id).servedBy, id).toBeUndefined();
      expect(app(id).notes, id).toBeTruthy();
    }
    expect(port('tailscale', 'direct').notes).toMatch(/no forwarding required/);
  });

  it('mobile and desktop clients resolve to the service they use', () => {
    const clients: Record<string, string> = {
      'ds-audio': 'audio-station',
      'ds-cam': 'surveillance-station',
      'ds-cloud': 'synology-drive-server',
      'ds-file': 'file-station',
      'ds-finder': 'dsm',
      'ds-get': 'download-station',
      'ds-note': 'note-station',
      'ds-photo': 'photo-station',
      'ds-video': 'video-station',
      'synology-drive-mobile': 'dsm',
      'moments-mobile': 'synology-moments',
      'directory-server': 'ldap-server',
      mysql: 'mariadb',
      cifs: 'smb',
    };
    for (const [alias, id] of Object.entries(clients)) expect(byName.get(alias)?.id, alias).toBe(id);
  });

  it('TFTP 69/udp is lan-only: its transfers move to ephemeral ports', () => {
    expect(port('tftp', 'tftp')).toMatchObject({ port: 69, proto: 'udp', exposure: 'lan-only' });
  });

  it('Calendar 38443/38008 and Contacts 5555 exist only before DSM 7; CalDAV over HTTPS is public', () => {
    expect(port('synology-calendar', 'caldav-https')).toMatchObject({ port: 38443, proto: 'tcp', exposure: 'public', dsm: { removed: '7.0' } });
    expect(port('synology-calendar', 'caldav-http')).toMatchObject({ port: 38008, proto: 'tcp', exposure: 'risky', dsm: { removed: '7.0' } });
    expect(port('synology-contacts', 'carddav')).toMatchObject({ port: 5555, proto: 'tcp', exposure: 'risky', dsm: { removed: '7.0' } });
    expect(app('synology-calendar').notes).toMatch(/\/caldav\//);
    expect(port('carddav-server', 'https')).toMatchObject({ port: 8443, exposure: 'public' });
  });

  it('BitTorrent peer ports are public but marked unencrypted, with a reason', () => {
    for (const [id, labels] of [['download-station', ['bt-tcp', 'bt-udp']], ['transmission', ['peer-tcp', 'peer-udp']], ['qbittorrent', ['peer-tcp', 'peer-udp']]] as const) {
      for (const l of labels) expect(port(id, l), `${id}:${l}`).toMatchObject({ exposure: 'public', encrypted: false, notes: expect.any(String) });
    }
    expect(port('download-station', 'bt-tcp').notes).toMatch(/not encrypted/);
  });

  it('WS-Transfer 5357 is tcp and lan-only because its discovery is multicast', () => {
    expect(port('ws-discovery', 'ws-transfer')).toMatchObject({ port: 5357, proto: 'tcp', exposure: 'lan-only' });
    expect(port('ws-discovery', 'ws-transfer').purpose).toMatch(/TCP.*multicast \(3702\/udp\)/);
  });

  it('MariaDB: 3306, configurable, and the note tells DSM 6 upgraders about 3307', () => {
    expect(port('mariadb', 'mysql')).toMatchObject({ port: 3306, proto: 'tcp', exposure: 'risky', configurable: true });
    expect(port('mariadb', 'mysql').notes).toMatch(/3307.*override: \{ mysql: 3307 \}/s);
  });

  it('Data Replicator keeps NetBIOS and discovery on UDP, with the reason recorded for reviewers', () => {
    expect(ranges('data-replicator')).toEqual(['445/tcp', '139/tcp', '137/udp', '138/udp', '9997-9999/udp']);
    expect(app('data-replicator').researchNote).toMatch(/Do not "fix" them to TCP/);
    expect(app('data-replicator').notes).toMatch(/UDP/);
  });

  it("Let's Encrypt: exactly 80/tcp, public but unencrypted, not movable", () => {
    expect(app('letsencrypt').ports).toHaveLength(1);
    expect(port('letsencrypt', 'http-01')).toMatchObject({ port: 80, proto: 'tcp', exposure: 'public', encrypted: false, configurable: false });
    expect(port('letsencrypt', 'http-01').notes).toMatch(/acme-challenge/);
    expect(app('letsencrypt').notes).toMatch(/Synology DDNS/);
    expect(byName.get('lets-encrypt')?.id).toBe('letsencrypt');
  });

  // Port/proto and class of every third-party app, as its project's documentation gives them.
  const thirdParty: Record<string, string[]> = {
    plex: ['32400/tcp public', '1900/udp lan-only', '32469/tcp lan-only', '32410/udp lan-only', '32412-32414/udp lan-only', '8324/tcp lan-only', '5353/udp lan-only'],
    jellyfin: ['8920/tcp public', '8096/tcp risky', '7359/udp lan-only', '1900/udp lan-only'],
    emby: ['8920/tcp public', '8096/tcp risky'],
    syncthing: ['22000/tcp public', '22000/udp public', '21027/udp lan-only', '8384/tcp risky'],
    'home-assistant': ['8123/tcp risky'],
    transmission: ['51413/tcp public', '51413/udp public', '9091/tcp risky'],
    qbittorrent: ['6881/tcp public', '6881/udp public', '8080/tcp risky'],
    minio: ['9000/tcp risky', '9001/tcp risky'],
    nextcloud: ['8080/tcp risky'],
    immich: ['2283/tcp risky'],
    vaultwarden: [],
    gitea: ['3000/tcp risky', '222/tcp risky'],
    wireguard: ['51820/udp public'],
    tailscale: ['41641/udp public'],
    'logitech-media-server': ['3483/tcp risky', '3483/udp lan-only', '9002/tcp risky'],
  };
  it.each(Object.entries(thirdParty))('third-party %s: ports, classes, vendor and sources', (id, expected) => {
    const a = app(id);
    expect(a.ports.map((p) => `${p.port}${p.end ? `-${p.end}` : ''}/${p.proto} ${p.exposure}`)).toEqual(expected);
    expect(a.thirdParty).toBe(true);
    expect(a.vendor).toBeTruthy();
    expect(openableSources(catalog, a.sources).length).toBeGreaterThan(0);
  });

  it('marks exactly those apps third-party (Presto File Server is Synology\'s own)', () => {
    expect(catalog.apps.filter((a) => a.thirdParty).map((a) => a.id).sort()).toEqual(Object.keys(thirdParty).sort());
    expect(app('presto-file-server').thirdParty).toBeUndefined();
  });

  it('Vaultwarden has nothing of its own to forward and says to use the reverse proxy', () => {
    expect(app('vaultwarden').notes).toMatch(/reverse-proxy/);
  });

  it('apps served through DSM or Web Station have no web ports of their own', () => {
    for (const a of catalog.apps.filter((x) => x.servedBy)) {
      expect(a.ports.filter((p) => p.label === 'http' || p.label === 'https'), a.id).toEqual([]);
    }
  });
});
