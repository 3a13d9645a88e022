// libxml2's xmllint as a second, independent XML parser for the config.xml outputs.

import { spawnSync } from 'node:child_process';

/**
 * Runs `xmllint --noout -` on the text: undefined when it accepts it, its complaint otherwise, or
 * 'missing' when xmllint is not installed (the caller skips unless CI=true).
 */
export function xmllint(text: string): string | undefined | 'missing' {
  const r = spawnSync('xmllint', ['--noout', '-'], { input: text, encoding: 'utf8' });
  if (r.error) return 'missing';
  return r.status === 0 ? undefined : r.stderr || `exit ${r.status}`;
}

export const haveXmllint = xmllint('<a/>') !== 'missing';
/** Skip tests that need xmllint when it is missing, except in CI where a missing tool must fail. */
export const skipXmllint = !haveXmllint && process.env.CI !== 'true';
