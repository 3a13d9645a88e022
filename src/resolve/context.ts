// Shared state of one resolve run: the diagnostics found so far and a way to point at the profile.

import type { Diagnostic, SourcePos } from '../diagnostics.js';
import type { ParsedDocument } from '../profile/parse.js';

export class ResolveContext {
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    private readonly doc: ParsedDocument | undefined,
    readonly file: string,
  ) {}

  /** Position of a JSON pointer's value (or its key), falling back to the nearest ancestor. */
  pos(pointer: string, key = false): SourcePos | undefined {
    if (!this.doc) return undefined;
    for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
      const o = this.doc.offsets.get(p);
      if (o) return this.doc.lines.pos(this.file, key && o.key !== undefined ? o.key : o.value);
      if (p === '') return undefined;
    }
  }

  has(pointer: string): boolean {
    return this.doc?.offsets.has(pointer) ?? false;
  }

  error(code: string, message: string, pointer: string, key = false): void {
    this.diagnostics.push({ code, severity: 'error', message, pos: this.pos(pointer, key) });
  }

  warn(code: string, message: string, pointer: string, key = false): void {
    this.diagnostics.push({ code, severity: 'warning', message, pos: this.pos(pointer, key) });
  }
}

export function pointerKey(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
