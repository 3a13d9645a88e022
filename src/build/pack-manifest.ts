// `npm pack` / `npm publish` helper: the published package.json must not carry the `prepare`
// script that builds a checkout after `npm ci`, because npm 11 then warns every user installing the
// tarball that an install script was blocked (the package is prebuilt; nothing needs to run).
// `strip` (prepack) saves package.json and removes the script; `restore` (postpack) puts it back.

import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const paths = (root: string) => ({ manifest: `${root}/package.json`, saved: `${root}/.package.json.prepack` });

/** The package.json as published: without the checkout's build step. */
export function publishedManifest(text: string): string {
  const pkg = JSON.parse(text) as { scripts?: Record<string, string> };
  delete pkg.scripts?.prepare;
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

export function strip(root = ROOT): void {
  const { manifest, saved } = paths(root);
  copyFileSync(manifest, saved);
  writeFileSync(manifest, publishedManifest(readFileSync(manifest, 'utf8')));
}

export function restore(root = ROOT): void {
  const { manifest, saved } = paths(root);
  if (!existsSync(saved)) return;
  copyFileSync(saved, manifest);
  rmSync(saved);
}

const action = process.argv[2];
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (action === 'strip') strip();
  else if (action === 'restore') restore();
  else {
    console.error('usage: node dist/build/pack-manifest.js strip|restore');
    process.exitCode = 2;
  }
}
