// The browser page (dist/synfw.html, built by `npm run build`) driven in headless Chromium as a
// user would drive it: its output is the CLI's byte for byte for every shipped profile, target and
// format (one core, two front ends), its diagnostics are the CLI's lines, it requests nothing but
// its own file and evaluates no code, hostile profile text stays text, and it is usable by keyboard
// and on a phone. Screenshots of its main states go to dist/test-artifacts/ for a reviewer.

import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TARGETS, targetIds } from '../../src/targets/index.js';
import { labDescribe } from '../lab/lab.js';
import { ARTIFACTS } from '../support/chromium.js';
import { ALL_PROFILES, HOSTILE_PROFILE, planOf, ROOT } from '../support/profiles.js';
import { BIN, cliEnv } from '../support/run-cli.js';
import { tempDir } from '../support/tmp.js';
import { browserAvailability, launch, loadProfile, PAGE_FILE, PAGE_URL, pick, settled, shown, watchedPage, type Watch } from './browser.js';

const run = promisify(execFile);

interface CliRun {
  status: number;
  stdout: string;
  /** stderr's lines. */
  lines: string[];
}

/** `synfw gen` from the profile's own directory, so that it names the file as the page does (its base name). */
async function cli(profile: string, args: string[]): Promise<CliRun> {
  try {
    const r = await run(process.execPath, [BIN, 'gen', basename(profile), ...args], { cwd: dirname(profile), env: cliEnv(), maxBuffer: 64 << 20 });
    return { status: 0, stdout: r.stdout, lines: r.stderr.split('\n').filter(Boolean) };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    if (typeof err.code !== 'number') throw e;
    return { status: err.code, stdout: err.stdout ?? '', lines: (err.stderr ?? '').split('\n').filter(Boolean) };
  }
}

/** Runs the calls at most `width` at a time (two cores: the browser needs one). */
async function pool<T>(jobs: Array<() => Promise<T>>, width: number): Promise<T[]> {
  const out: T[] = new Array<T>(jobs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < jobs.length) {
        const i = next++;
        out[i] = await jobs[i]!();
      }
    }),
  );
  return out;
}

const COMBOS = ALL_PROFILES.flatMap((profile) => targetIds.flatMap((target) => Object.keys(TARGETS[target].formats).map((format) => ({ profile, target, format }))));
const key = (c: { profile: string; target: string; format: string }) => `${c.profile} ${c.target} ${c.format}`;

/** No request but the page file, no CSP violation, no page or console error. */
async function expectClean(watch: Watch, allowed = PAGE_URL): Promise<void> {
  expect(watch.requests.filter((u) => u !== allowed)).toEqual([]);
  expect(await watch.violations()).toEqual([]);
  expect(watch.pageErrors).toEqual([]);
  expect(watch.consoleErrors).toEqual([]);
}

const screenshot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `web-${name}.png`), fullPage: true });

labDescribe('the browser page in headless Chromium', browserAvailability(), { timeout: 120_000, hint: 'apt-get install chromium, then npm run build' }, () => {
  let browser: Browser;
  let expected: Map<string, Promise<CliRun>>;
  const timings: Record<string, number> = {};

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    // The CLI runs for every combination start now and go on while the browser works.
    const runs = pool(
      COMBOS.map((c) => () => cli(`${ROOT}${c.profile}`, ['-t', c.target, ...(c.format === 'default' ? [] : ['-f', c.format])])),
      2,
    );
    expected = new Map(COMBOS.map((c, i) => [key(c), runs.then((r) => r[i]!)]));
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    writeFileSync(join(ARTIFACTS, 'web-timings.json'), `${JSON.stringify(timings, null, 2)}\n`);
  });

  it('the request watch sees a request and aborts it, and the CSP event watch sees a violation (self-check)', async () => {
    const dir = tempDir();
    const probe = join(dir, 'probe.html');
    // No CSP: the image request goes out to the watch (and is aborted there, loopback only).
    writeFileSync(probe, '<!doctype html><img src="http://127.0.0.1:9/x.png"><p>probe</p>');
    const open = await watchedPage(browser, { allowed: `file://${probe}` });
    await open.page.goto(`file://${probe}`);
    await open.page.waitForLoadState('load');
    expect(open.watch.requests).toContain('http://127.0.0.1:9/x.png');
    await open.context.close();
    // With the page's own kind of CSP, eval is refused and reported.
    const strict = join(dir, 'strict.html');
    writeFileSync(strict, `<!doctype html><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'"><script>try { eval('1') } catch (e) { document.title = e.name }</script>`);
    const csp = await watchedPage(browser, { allowed: `file://${strict}` });
    await csp.page.goto(`file://${strict}`);
    expect(await csp.page.title()).toBe('EvalError');
    expect((await csp.watch.violations()).join()).toMatch(/script-src/);
    await csp.context.close();
  });

  it('has a CSP that allows only its own inline script and style (no eval, no request of any kind)', () => {
    const html = readFileSync(PAGE_FILE, 'utf8');
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    expect(policy.replace(/'sha256-[A-Za-z0-9+/]+={0,2}'/g, 'HASH')).toBe(
      "default-src 'none'; script-src HASH; style-src HASH; img-src 'none'; connect-src 'none'; font-src 'none'; base-uri 'none'; form-action 'none'",
    );
    expect(html.match(/<script\b/g)).toHaveLength(1);
    // No src or href attribute in the markup. The script's own text is left out: its templates
    // hold words such as OpenWrt's `uci set firewall.<id>.src=`, a string literal ending in src=".
    const markup = (page: string): string => page.replace(/(<script\b[^>]*>)[\s\S]*?(<\/script>)/g, '$1$2');
    expect(markup(html)).not.toMatch(/\b(?:src|href)="(?!#)/);
    // Self-check: an attribute in the markup is still found, also after a script.
    expect(markup('<script>x = ".src="</script><img src="a.png">')).toMatch(/\b(?:src|href)="(?!#)/);
    // The bundle calls neither eval nor the Function constructor.
    expect(html).not.toMatch(/\beval\s*\(|new Function\s*\(|\bFunction\s*\(\s*["'`]/);
  });

  it('first render: the empty page, well under a second, nothing requested', async () => {
    const { page, watch, context } = await watchedPage(browser);
    await page.goto(PAGE_URL);
    await settled(page);
    timings.firstRenderMs = Math.round(await page.evaluate(() => performance.getEntriesByName('synfw-first-render')[0]!.startTime));
    expect(timings.firstRenderMs).toBeLessThan(1000);
    expect((await shown(page)).status).toMatch(/Enter the NAS address/);
    expect(await page.locator('.catalog-row').count()).toBeGreaterThan(80);
    await screenshot(page, 'empty');
    await expectClean(watch);
    await context.close();
  });

  it('gives the CLI\'s output byte for byte, and its diagnostics, for every shipped profile, target and format', async () => {
    const { page, watch, context } = await watchedPage(browser);
    await page.goto(PAGE_URL);
    await settled(page);
    const mismatches: string[] = [];
    let compared = 0;
    for (const profile of ALL_PROFILES) {
      const started = Date.now();
      await loadProfile(page, `${ROOT}${profile}`);
      timings[`load ${profile} (ms)`] = Date.now() - started;
      const plan = planOf(profile);
      // The plan table: every forward, as the core plans it.
      const rows = await page.$$eval('#plan table:first-of-type tbody tr', (trs) => trs.map((tr) => [...tr.children].slice(0, 3).map((td) => td.textContent)));
      expect(rows, profile).toEqual(plan.forwards.map((f) => [`${f.external.first}${f.external.last !== f.external.first ? `-${f.external.last}` : ''}`, f.proto, `${plan.nas.address}:${f.internal.first}${f.internal.last !== f.internal.first ? `-${f.internal.last}` : ''}`]));
      for (const c of COMBOS.filter((x) => x.profile === profile)) {
        await pick(page, c.target, c.format);
        const got = await shown(page);
        const want = await expected.get(key(c))!;
        compared++;
        const ext = TARGETS[c.target].formats[c.format]!.extension;
        const name = `${plan.profile.name}.${c.target}${c.format === 'default' ? '' : `.${c.format}`}.${ext}`;
        if (want.status === 0) {
          if (got.output !== want.stdout) mismatches.push(`${key(c)}: output differs from the CLI's`);
          if (got.file !== name) mismatches.push(`${key(c)}: file ${got.file}, not ${name}`);
        } else if (got.output !== null) mismatches.push(`${key(c)}: the CLI failed (${want.status}) but the page shows output`);
        if (JSON.stringify(got.diagnostics) !== JSON.stringify(want.lines)) mismatches.push(`${key(c)}: diagnostics ${JSON.stringify(got.diagnostics)} != CLI ${JSON.stringify(want.lines)}`);
      }
      if (profile === 'profiles/home.yaml') {
        await pick(page, 'openwrt');
        await screenshot(page, 'typical');
      }
    }
    expect(mismatches).toEqual([]);
    expect(compared).toBe(COMBOS.length);
    // Some combinations are refused (SFW301): the comparison covered failures too.
    const failures = (await Promise.all(COMBOS.map((c) => expected.get(key(c))!))).filter((r) => r.status !== 0).length;
    expect(failures).toBeGreaterThan(0);
    expect(failures).toBeLessThan(COMBOS.length / 2);
    await expectClean(watch);
    await context.close();
  });

  it('keeps hostile profile text as text: no element, no script, no request comes out of it', async () => {
    const dir = tempDir();
    const evil = '<img src=x onerror="window.__pwned=1">';
    writeFileSync(
      join(dir, 'xss.yaml'),
      `version: 1\nname: xss\nnas: { address: 192.168.1.10 }\napps: [${JSON.stringify(evil)}, dsm]\ncustom:\n  - id: web\n    description: ${JSON.stringify(`<script>window.__pwned=2</script>${evil}&amp;`)}\n    ports: ["8080/tcp"]\n`,
    );
    const { page, watch, context } = await watchedPage(browser);
    await page.goto(PAGE_URL);
    const elements = () => page.evaluate(() => ({ scripts: document.scripts.length, injected: document.querySelectorAll('img, rule, iframe, object, embed, svg, math, style + style').length }));
    for (const profile of [`${ROOT}${HOSTILE_PROFILE}`, join(dir, 'xss.yaml')]) {
      await loadProfile(page, profile);
      expect(await elements(), profile).toEqual({ scripts: 1, injected: 0 });
      // Each description is in its field as the profile has it (a text area's value has "\n" for every line end).
      const descriptions = [...readFileSync(profile, 'utf8').matchAll(/description: ("(?:[^"\\]|\\.)*")/g)].map((m) => (JSON.parse(m[1]!) as string).replace(/\r\n?/g, '\n'));
      expect(descriptions.length).toBeGreaterThan(0);
      expect(await page.$$eval('[id$="--description"]', (els) => els.map((e) => (e as HTMLTextAreaElement).value))).toEqual(descriptions);
      const want = await cli(profile, ['-t', 'iptables']);
      expect((await shown(page)).diagnostics).toEqual(want.lines);
    }
    // The unknown app's id is shown as the characters it is, and echoed quoted in the diagnostics.
    expect(await page.locator('.cards code', { hasText: '<img' }).textContent()).toBe(evil);
    expect((await shown(page)).diagnostics.join('\n')).toContain('xss.yaml:4:9: error SFW113: apps[0] "<img src=x onerror=\\"window.__pwned=1\\">" must be an id');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await expectClean(watch);
    await context.close();
  });

  it('shows an error profile\'s diagnostics as the CLI prints them, each leading to its line and column; pasted too; not UTF-8 too', async () => {
    const dir = tempDir();
    const bad = 'version: 1\nnas:\n  address: 192.168.1.300\napps:\n  - synology-drvie-server\n  - id: dsm\n    ports: [http]\ncustom:\n  - id: game\n    ports: ["70000/tcp"]\n';
    writeFileSync(join(dir, 'bad.yaml'), bad);
    writeFileSync(join(dir, 'nas.yaml'), bad);
    writeFileSync(join(dir, 'latin.yaml'), Buffer.from('version: 1\nnas:\n  address: "caf\xe9"\napps: [dsm]\n', 'latin1'));
    const { page, watch, context } = await watchedPage(browser);
    await page.goto(PAGE_URL);
    await loadProfile(page, join(dir, 'bad.yaml'));
    const want = await cli(join(dir, 'bad.yaml'), ['-t', 'iptables']);
    expect(want.status).toBe(1);
    const got = await shown(page);
    expect(got.output).toBeNull();
    expect(got.diagnostics).toEqual(want.lines);
    expect(got.diagnostics.some((l) => /^bad\.yaml:5:5: error SFW201: /.test(l))).toBe(true);
    expect(got.status).toMatch(/error/);
    await screenshot(page, 'error');
    // "Show line 5, column 5" puts the caret there in the YAML.
    await page.getByRole('button', { name: 'Show line 5, column 5' }).click();
    expect(await page.evaluate(() => [document.activeElement?.id, (document.activeElement as HTMLTextAreaElement).selectionStart])).toEqual(['yaml', bad.indexOf('synology-drvie-server')]);

    await loadProfile(page, join(dir, 'latin.yaml'));
    const latin = await cli(join(dir, 'latin.yaml'), ['-t', 'iptables']);
    expect((await shown(page)).diagnostics).toEqual(latin.lines);
    expect(latin.lines[0]).toMatch(/^latin\.yaml:3:16: error SFW100: /);
    await expectClean(watch);
    await context.close();

    // Pasted into a fresh page: the profile is named as the form names one, nas.yaml.
    const fresh = await watchedPage(browser);
    await fresh.page.goto(PAGE_URL);
    await fresh.page.fill('#yaml', bad);
    await settled(fresh.page);
    expect((await shown(fresh.page)).diagnostics).toEqual((await cli(join(dir, 'nas.yaml'), ['-t', 'iptables'])).lines);
    await expectClean(fresh.watch);
    await fresh.context.close();
  });

  it('builds a profile from the form by keyboard; the YAML it shows and downloads gives the CLI the same output', async () => {
    const dir = tempDir();
    const { page, watch, context } = await watchedPage(browser);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(PAGE_URL);
    await settled(page);
    // The first stop is the skip link; then the NAS address.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to the results');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('nas-address');
    await page.keyboard.type('192.168.1.20');
    await page.focus('#app-search');
    await page.keyboard.type('openvpn');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('app--vpn-server-openvpn');
    await page.keyboard.press('Space');
    await settled(page);
    await page.fill('#app-search', 'photos');
    await page.check('#app--synology-photos');
    await settled(page);
    // Photos is served by DSM: its risky http port, ticked by keyboard, goes into allowRisky.
    await page.focus('[id="port--1--http"]');
    await page.keyboard.press('Space');
    await settled(page);
    await page.click('text=Add custom port');
    await settled(page);
    await page.fill('[id="custom--0--ports"]', '27015/udp, 27016/tcp');
    await page.fill('[id="custom--0--description"]', 'Game <b>server</b> "quoted"');
    await settled(page);
    await pick(page, 'nftables');

    const yaml = await page.inputValue('#yaml');
    // Typed key by key while the form redraws around the field: every character arrived.
    expect(yaml).toContain('  address: 192.168.1.20\n');
    expect(yaml).toContain('allowRisky: ["synology-photos:http"]');
    const [profileDownload] = await Promise.all([page.waitForEvent('download'), page.click('#download-profile')]);
    expect(profileDownload.suggestedFilename()).toBe('nas.yaml');
    await profileDownload.saveAs(join(dir, 'nas.yaml'));
    expect(readFileSync(join(dir, 'nas.yaml'), 'utf8')).toBe(yaml);
    const want = await cli(join(dir, 'nas.yaml'), ['-t', 'nftables']);
    const got = await shown(page);
    expect(want.status).toBe(0);
    expect(got.output).toBe(want.stdout);
    expect(got.diagnostics).toEqual(want.lines);
    for (const port of ['1194', '5000', '5001', '27015', '27016']) expect(got.output).toContain(port);

    const [outputDownload] = await Promise.all([page.waitForEvent('download'), page.click('#download-output')]);
    expect(outputDownload.suggestedFilename()).toBe('nas.nftables.nft');
    await outputDownload.saveAs(join(dir, 'out.nft'));
    expect(readFileSync(join(dir, 'out.nft'), 'utf8')).toBe(want.stdout);
    await page.click('#copy-output');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(want.stdout);
    await expectClean(watch);
    await context.close();
  });

  it('offers each target\'s own options from its declarations; --upnp-lease, --merge and a choice give the CLI\'s output', async () => {
    const dir = tempDir();
    copyFileSync(`${ROOT}profiles/home.yaml`, join(dir, 'home.yaml'));
    copyFileSync(`${ROOT}test/fixtures/pfsense/full-backup.xml`, join(dir, 'full-backup.xml'));
    const { page, watch, context } = await watchedPage(browser);
    await page.goto(PAGE_URL);
    await loadProfile(page, join(dir, 'home.yaml'));
    for (const id of targetIds) {
      await pick(page, id);
      const fields = await page.$$eval('[id^="option-"]:is(input, select)', (els) => els.map((e) => e.id.slice('option-'.length)));
      expect(fields.sort(), id).toEqual(Object.keys(TARGETS[id].cli ?? {}).sort());
      expect(await page.$$eval('#format option', (os) => os.map((o) => (o as HTMLOptionElement).value)), id).toEqual(Object.keys(TARGETS[id].formats));
    }
    await pick(page, 'upnp');
    await page.fill('#option-upnp-lease', '3600');
    await settled(page);
    const upnp = await cli(join(dir, 'home.yaml'), ['-t', 'upnp', '--upnp-lease', '3600']);
    expect((await shown(page)).output).toBe(upnp.stdout);
    expect(upnp.stdout).toContain('3600');
    await pick(page, 'pfsense');
    await page.setInputFiles('#option-merge', join(dir, 'full-backup.xml'));
    await settled(page);
    const merged = await cli(join(dir, 'home.yaml'), ['-t', 'pfsense', '--merge', 'full-backup.xml']);
    expect(merged.status).toBe(0);
    expect((await shown(page)).output).toBe(merged.stdout);
    expect(merged.stdout).not.toBe((await expected.get('profiles/home.yaml pfsense default'))!.stdout);
    // A choice option (the checklist's --router): every value is offered; a non-default one gives the CLI's output.
    const choice = targetIds.flatMap((id) => Object.entries(TARGETS[id].cli ?? {}).flatMap(([flag, d]) => (d.kind === 'choice' ? [{ id, flag, d }] : [])))[0];
    if (choice) {
      await pick(page, choice.id);
      expect(await page.$$eval(`#option-${choice.flag} option`, (os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(Object.keys(choice.d.choices));
      const value = Object.keys(choice.d.choices).find((c) => c !== choice.d.default)!;
      await page.selectOption(`#option-${choice.flag}`, value);
      await settled(page);
      const want = await cli(join(dir, 'home.yaml'), ['-t', choice.id, `--${choice.flag}`, value]);
      expect((await shown(page)).output).toBe(want.stdout);
      expect(want.stdout).not.toBe((await expected.get(`profiles/home.yaml ${choice.id} default`))!.stdout);
    }
    await expectClean(watch);
    await context.close();
  });

  it('names every control, keeps 4.5:1 contrast, and fits a phone screen', async () => {
    const { page, watch, context } = await watchedPage(browser, { width: 360, height: 740 });
    await page.goto(PAGE_URL);
    await loadProfile(page, `${ROOT}profiles/office.yaml`);
    await page.click('.catalog-row summary');
    const unnamed = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('input, select, textarea, button, summary, a, [tabindex]')]
        .filter((el) => el.checkVisibility())
        .filter((el) => {
          const labelled = el.getAttribute('aria-labelledby')?.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
          const labels = 'labels' in el ? [...((el as HTMLInputElement).labels ?? [])].map((l) => l.textContent).join(' ') : '';
          const own = ['BUTTON', 'SUMMARY', 'A'].includes(el.tagName) ? el.textContent : '';
          return !`${el.getAttribute('aria-label') ?? ''}${labelled ?? ''}${labels}${own}`.trim();
        })
        .map((el) => el.outerHTML.slice(0, 100)),
    );
    expect(unnamed).toEqual([]);

    const lowContrast = (): Promise<string[]> =>
      page.evaluate(() => {
        const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
        const lum = ([r, g, b]: number[]) => [r!, g!, b!].map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4)).reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i]!, 0);
        const background = (el: Element | null): number[] => {
          for (; el; el = el.parentElement) {
            const c = rgb(getComputedStyle(el).backgroundColor);
            if (c.length === 3 || (c[3] ?? 0) > 0) return c;
          }
          return [255, 255, 255];
        };
        const bad: string[] = [];
        const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walk.nextNode(); n; n = walk.nextNode()) {
          const el = n.parentElement!;
          if (!n.textContent?.trim() || !el.checkVisibility() || el.closest('[disabled], .visually-hidden, option')) continue;
          const style = getComputedStyle(el);
          const [a, b] = [lum(rgb(style.color)), lum(background(el))];
          const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
          const size = parseFloat(style.fontSize);
          const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
          if (ratio < (large ? 3 : 4.5)) bad.push(`${ratio.toFixed(2)} ${style.color} on ${background(el).join(',')}: ${n.textContent.trim().slice(0, 40)}`);
        }
        return bad;
      });
    expect(await lowContrast()).toEqual([]);
    // Self-check: grey on white fails.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'grey';
      p.textContent = 'grey text';
      p.style.color = '#999';
      document.body.prepend(p);
    });
    expect(await lowContrast()).toEqual([expect.stringContaining('grey text')]);
    await page.evaluate(() => document.getElementById('grey')!.remove());

    // No sideways scrolling of the page on a phone (wide tables and the output scroll in place).
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await pick(page, 'mikrotik');
    await screenshot(page, 'phone');
    await expectClean(watch);
    await context.close();
  });
});
