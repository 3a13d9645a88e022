// One diagnostic type for every stage (parse, schema, resolve, targets), printed gcc-style:
//   profiles/home.yaml:12:7: error SFW201: unknown app "plexx" (did you mean "plex"?)
// Every diagnostic is exactly one line: values from the profile are echoed through quote(), and
// formatDiagnostic escapes any line break that slips through, so a profile cannot print a line
// that looks like another diagnostic.

export type Severity = 'error' | 'warning';

export interface SourcePos {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

export interface Diagnostic {
  /** Stable code: SFW1xx parse and schema, SFW2xx catalog and resolve, SFW3xx targets. */
  code: string;
  severity: Severity;
  message: string;
  pos?: SourcePos;
  /** The file a diagnostic without a position is about (e.g. the --merge file); default: the profile. */
  file?: string;
}

/** Longest stretch of a profile value echoed in a message; longer values are cut with "...". */
const QUOTE_MAX = 80;

// Control characters, DEL, C1 controls, line and paragraph separators, bidi overrides: anything a
// terminal might treat as a line break or use to reorder or hide text.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** Text on one line, with every unsafe character escaped (file names in messages, summaries). */
export function escapeUnsafe(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
    return named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/**
 * A profile value as it appears in a message: double-quoted, with backslashes, quotes and every
 * unsafe character escaped, and cut after QUOTE_MAX characters (the length is then given).
 */
export function quote(value: string): string {
  const cut = value.length > QUOTE_MAX ? `${value.slice(0, QUOTE_MAX)}...` : value;
  const body = escapeUnsafe(cut.replace(/\\/g, '\\\\').replace(/"/g, '\\"'));
  return value.length > QUOTE_MAX ? `"${body}" (${value.length} characters)` : `"${body}"`;
}

export function formatDiagnostic(d: Diagnostic, fallbackFile = '<profile>'): string {
  const where = d.pos ? `${escapeUnsafe(d.pos.file)}:${d.pos.line}:${d.pos.column}` : escapeUnsafe(d.file ?? fallbackFile);
  return `${where}: ${d.severity} ${d.code}: ${escapeUnsafe(d.message)}`;
}

/** Every diagnostic names a file: the ones without a position are about the profile as a whole. */
export function withFile(diagnostics: readonly Diagnostic[], file: string): Diagnostic[] {
  return diagnostics.map((d) => (d.pos || d.file ? d : { ...d, file }));
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** By position (diagnostics without one first, as they concern the whole file), then code; stable. */
export function sortDiagnostics(ds: readonly Diagnostic[]): Diagnostic[] {
  return [...ds].sort(
    (a, b) => (a.pos?.line ?? 0) - (b.pos?.line ?? 0) || (a.pos?.column ?? 0) - (b.pos?.column ?? 0) || cmp(a.code, b.code),
  );
}

/** A profile the user must fix: exit status 1, diagnostics on stderr, nothing on stdout. */
export class ProfileError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => formatDiagnostic(d)).join('\n'));
    this.name = 'ProfileError';
  }
}

/** Bad flags, unknown target, unreadable file: exit status 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
