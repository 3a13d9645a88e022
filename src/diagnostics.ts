// One diagnostic type for every stage (parse, schema, resolve, targets), printed gcc-style:
//   profiles/home.yaml:12:7: error SFW201: unknown app "plexx" (did you mean "plex"?)

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
}

export function formatDiagnostic(d: Diagnostic, fallbackFile = '<profile>'): string {
  const where = d.pos ? `${d.pos.file}:${d.pos.line}:${d.pos.column}` : fallbackFile;
  return `${where}: ${d.severity} ${d.code}: ${d.message}`;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
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
