// checklist: the HTML page in a real browser (headless Chromium from the Debian package, driven by
// playwright-core, which never downloads a browser of its own). The page must load without a
// single network request and without script, show hostile strings as text (never as elements),
// give every check box a label that ticks it, keep text contrast at WCAG AA or better, and print.
// Screenshots go to dist/test-artifacts/ for a person to look at.

import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { plainText } from '../../src/render/escape/text.js';
import type { ModelId } from '../../src/targets/checklist/models.js';
import { loadTarget } from '../../src/targets/index.js';
import { labDescribe, type Availability } from '../lab/lab.js';
import { ARTIFACTS, CHROMIUM, CHROMIUM_FLAGS } from '../support/chromium.js';
import { HOSTILE_PROFILE, VERSION, planOf, profileSlug } from '../support/profiles.js';

/** Browser profiles of this run: synfw-<pid>-chromium-XXXXXX, swept when their run is gone. */
const PROFILE_DIR = /^synfw-(\d+)-chromium-[A-Za-z0-9]{6}$/;

const avail: Availability = existsSync(CHROMIUM) ? { ok: true } : { ok: false, why: `${CHROMIUM} not found` };

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const CASES: [string, ModelId][] = [
  ['profiles/home.yaml', 'fritzbox'],
  ['profiles/home.yaml', 'generic'],
  [HOSTILE_PROFILE, 'generic'],
  [HOSTILE_PROFILE, 'asus'],
  ['profiles/linux-router.yaml', 'generic'],
  ['profiles/restricted.yaml', 'generic'],
];

/** The only elements the page may have: anything else came from somewhere it should not. */
const TAGS = ['HTML', 'HEAD', 'META', 'TITLE', 'STYLE', 'BODY', 'DIV', 'H1', 'H2', 'H3', 'PRE', 'P', 'STRONG', 'UL', 'OL', 'LI', 'INPUT', 'LABEL', 'SPAN'];

labDescribe('checklist HTML in headless Chromium', avail, { timeout: 120_000, hint: 'install the Debian package chromium' }, () => {
  let context: BrowserContext;
  let dir: string;
  const target = loadTarget('checklist');

  beforeAll(async () => {
    for (const entry of readdirSync(tmpdir())) {
      const m = PROFILE_DIR.exec(entry);
      if (m && Number(m[1]) !== process.pid && !alive(Number(m[1]))) rmSync(join(tmpdir(), entry), { recursive: true, force: true });
    }
    dir = mkdtempSync(join(tmpdir(), `synfw-${process.pid}-chromium-`));
    mkdirSync(ARTIFACTS, { recursive: true });
    context = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS, offline: true, javaScriptEnabled: true });
  });

  afterAll(async () => {
    await context?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Loads a page and reads what the checks need from the DOM; `requests` collects every request it makes. */
  async function open(html: string) {
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('websocket', (w) => requests.push(w.url()));
    await page.setContent(html, { waitUntil: 'load' });
    const facts = await page.evaluate(() => {
      const all = [...document.querySelectorAll('*')];
      const boxes = [...document.querySelectorAll<HTMLInputElement>('input')];
      const luminance = (rgb: string): number => {
        const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? ['0', '0', '0']).slice(0, 3).map((v) => {
          const c = Number(v) / 255;
          return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
      };
      const background = (el: Element | null): string => {
        for (let e = el; e; e = e.parentElement) {
          const bg = getComputedStyle(e).backgroundColor;
          if (bg && !/rgba\(0, 0, 0, 0\)|transparent/.test(bg)) return bg;
        }
        return 'rgb(255, 255, 255)';
      };
      // The lowest contrast of any element that holds text of its own.
      let worst = Infinity;
      let worstAt = '';
      for (const el of all) {
        if (![...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim())) continue;
        const a = luminance(getComputedStyle(el).color);
        const b = luminance(background(el));
        const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        if (ratio < worst) [worst, worstAt] = [ratio, `${el.tagName}.${el.className}`];
      }
      const first = boxes[0];
      const label = first?.labels?.[0];
      label?.click();
      return {
        tags: [...new Set(all.map((e) => e.tagName))],
        scripts: document.scripts.length,
        boxes: boxes.length,
        unlabelled: boxes.filter((b) => b.type !== 'checkbox' || b.labels?.length !== 1 || !b.labels[0]!.textContent!.trim()).map((b) => b.id),
        tickedByLabel: first?.checked ?? false,
        text: document.body.innerText.replace(/\s+/g, ' '),
        title: document.title,
        h1: document.querySelectorAll('h1').length,
        worst,
        worstAt,
      };
    });
    return { page, requests, facts };
  }

  test('the checks can fail (self-check): a request, a foreign element, poor contrast, an unlabelled box are seen', async () => {
    const { page, requests, facts } = await open(
      '<!DOCTYPE html><html><head><title>x</title></head><body><h1 style="color:#bbbbbb">low</h1><rule>x</rule><input type="checkbox" id="a"><img src="http://127.0.0.1:9/x.png"></body></html>',
    );
    expect(requests).toEqual(['http://127.0.0.1:9/x.png']);
    expect(facts.tags.filter((t) => !TAGS.includes(t)).sort()).toEqual(['IMG', 'RULE']);
    expect(facts.worst).toBeLessThan(4.5);
    expect(facts.unlabelled).toEqual(['a']);
    await page.close();
  });

  test.each(CASES)('%s --router %s: no request, text only, labelled boxes, contrast, screenshots', async (profile, model) => {
    const plan = planOf(profile);
    const html = (await target).render(plan, { version: VERSION, router: model, format: 'html' }).text;
    const { page, requests, facts } = await open(html);

    expect(requests).toEqual([]);
    expect(facts.scripts).toBe(0);
    expect(facts.tags.filter((t) => !TAGS.includes(t))).toEqual([]);
    expect(facts.boxes).toBeGreaterThan(0);
    expect(facts.unlabelled).toEqual([]);
    expect(facts.tickedByLabel).toBe(true);
    expect(facts.h1).toBe(1);
    expect(facts.title).toMatch(/^Port forwarding checklist: /);
    expect(facts.worst, facts.worstAt).toBeGreaterThanOrEqual(4.5);
    for (const o of plan.forwards.flatMap((f) => f.origins).filter((x) => x.kind === 'custom')) {
      expect(facts.text).toContain(plainText(o.name).replace(/\s+/g, ' ').trim());
    }
    // Every value the router needs is on the page as text.
    for (const f of plan.forwards) expect(facts.text).toContain(String(f.external.first));
    expect(facts.text).toContain(plan.nas.address);

    const shot = join(ARTIFACTS, `checklist-${profileSlug(profile)}-${model}.png`);
    await page.screenshot({ path: shot, fullPage: true });
    await page.emulateMedia({ media: 'print' });
    const printShot = join(ARTIFACTS, `checklist-${profileSlug(profile)}-${model}-print.png`);
    await page.screenshot({ path: printShot, fullPage: true });
    for (const file of [shot, printShot]) expect(statSync(file).size).toBeGreaterThan(10_000);
    if (profile === 'profiles/home.yaml' && model === 'fritzbox') {
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    }
    expect(requests).toEqual([]);
    await page.close();
  });
});
