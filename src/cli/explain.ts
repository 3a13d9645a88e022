// `synfw explain CODE`: the code's section of docs/diagnostics.md, which ships with the package.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { quote, UsageError } from '../diagnostics.js';
import { suggest } from '../suggest.js';

const DOC = fileURLToPath(new URL('../../docs/diagnostics.md', import.meta.url));

export interface CodeSection {
  code: string;
  title: string;
  text: string;
}

/** The "## SFWnnn: title" sections of the diagnostics page. */
export function codeSections(markdown: string): CodeSection[] {
  const parts = markdown.split(/^(?=## SFW\d{3}\b)/m).slice(1);
  return parts.map((part) => {
    const [heading = '', ...rest] = part.split('\n');
    const m = /^## (SFW\d{3}):?\s*(.*)$/.exec(heading)!;
    // The section ends where the next top-level part of the page begins.
    const body = rest.join('\n').split(/^# /m)[0]!.trimEnd();
    return { code: m[1]!, title: m[2]!, text: `${m[1]}: ${m[2]}\n${body}\n` };
  });
}

export function explain(code: string | undefined, markdown = readFileSync(DOC, 'utf8')): string {
  const sections = codeSections(markdown);
  if (code === undefined) return `${sections.map((s) => `${s.code}  ${s.title}`).join('\n')}\n\n\`synfw explain CODE\` says more about one.\n`;
  const wanted = code.toUpperCase().replace(/^(\d{3})$/, 'SFW$1');
  const found = sections.find((s) => s.code === wanted);
  if (!found) {
    const close = suggest(wanted, sections.map((s) => s.code));
    throw new UsageError(`no diagnostic code ${quote(code)}${close ? ` (did you mean ${close}?)` : ''}; \`synfw explain\` lists them`);
  }
  return found.text;
}
