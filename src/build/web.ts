// Bundles the browser page, dist/synfw.html: the pure core and src/web/ as one inline script,
// the stylesheet inline, in one HTML file that needs nothing else (file:// or any static host).
// Its Content-Security-Policy allows exactly that script and that stylesheet (by hash) and nothing
// else: no request of any kind, no eval, no other inline code.

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../../', import.meta.url));
export const WEB_PAGE = `${root}dist/synfw.html`;

const csp = (script: string, style: string): string => {
  const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
  return [
    "default-src 'none'",
    `script-src ${hash(script)}`,
    `style-src ${hash(style)}`,
    "img-src 'none'",
    "connect-src 'none'",
    "font-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
};

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** "handlebars 4.7.8 (MIT), ...": the packages inside the bundle, from esbuild's list of inputs. */
function bundledPackages(inputs: string[]): string {
  const names = new Set(inputs.flatMap((p) => [...p.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)\//g)].map((m) => m[1]!)));
  return [...names]
    .sort()
    .map((name) => {
      const pkg = JSON.parse(readFileSync(`${root}node_modules/${name}/package.json`, 'utf8')) as { version: string; license?: string };
      return `${name} ${pkg.version} (${pkg.license ?? 'see its package'})`;
    })
    .join(', ');
}

/**
 * The script made safe to inline: an inline script ends at the first "</script", and "<!--" and
 * "<script" change how HTML reads the rest. In minified code they only occur inside string,
 * template and regular-expression literals (the XML templates' "<!--"), where "\x3C" is the same
 * "<"; the tests compare every output with the CLI's, byte for byte.
 */
export function inlineSafe(script: string): string {
  return script.replace(/<(?=\/script|!--|script)/gi, '\\x3C');
}

/** Fills the template's {{slots}} in one pass, so that nothing inserted is read as a slot. */
function fill(template: string, slots: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    if (!Object.hasOwn(slots, name)) throw new Error(`page.html: no value for {{${name}}}`);
    return slots[name]!;
  });
}

export async function bundleWeb(): Promise<{ file: string; bytes: number }> {
  const version = (JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { version: string }).version;
  const result = await build({
    entryPoints: [`${root}src/web/main.ts`],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'browser',
    format: 'iife',
    target: ['chrome109', 'firefox115', 'safari15.6'],
    minify: true,
    charset: 'ascii',
    legalComments: 'none',
    define: { SYNFW_VERSION: JSON.stringify(version) },
    logLevel: 'warning',
  });
  const script = inlineSafe(result.outputFiles[0]!.text);
  const style = readFileSync(`${root}src/web/page.css`, 'utf8');
  const html = fill(readFileSync(`${root}src/web/page.html`, 'utf8'), {
    csp: csp(script, style),
    css: style,
    js: script,
    version: escapeHtml(version),
    licenses: escapeHtml(bundledPackages(Object.keys(result.metafile.inputs))),
  });
  mkdirSync(`${root}dist`, { recursive: true });
  writeFileSync(WEB_PAGE, html);
  return { file: WEB_PAGE, bytes: Buffer.byteLength(html) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await bundleWeb();
}
