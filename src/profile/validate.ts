// Schema validation with the precompiled Ajv validator, and Ajv errors turned into diagnostics that
// name the profile's own keys, with line and column.

import type { Diagnostic } from '../diagnostics.js';
import { didYouMean } from '../suggest.js';
import type { ParsedDocument } from './parse.js';
import { keysAt, validate as generatedValidate } from './schema-check.generated.js';
import type { Profile } from './types.js';

interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
}

const validate = generatedValidate as unknown as { (data: unknown): boolean; errors?: AjvError[] | null };

export type ValidateResult = { ok: true; profile: Profile } | { ok: false; diagnostics: Diagnostic[] };

export function validateProfile(doc: ParsedDocument, file: string): ValidateResult {
  if (validate(doc.data)) return { ok: true, profile: doc.data as Profile };
  const errors = dropUnmatchedBranches(validate.errors ?? []);
  const diagnostics = errors.map((e) => toDiagnostic(e, doc, file));
  return { ok: false, diagnostics: dedupe(diagnostics) };
}

/**
 * A oneOf (app short or long form, port or range) reports the failure of every branch. When one
 * branch got past its type check (it has errors of its own at or below the path), the user meant
 * that branch: keep its errors and drop the other branches' type errors and the oneOf summary.
 */
function dropUnmatchedBranches(errors: AjvError[]): AjvError[] {
  const oneOfPaths = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
  const specific = (path: string) =>
    errors.some(
      (e) =>
        e.keyword !== 'type' &&
        e.keyword !== 'oneOf' &&
        (e.instancePath === path || e.instancePath.startsWith(`${path}/`)),
    );
  const out: AjvError[] = [];
  const mergedTypes = new Map<string, AjvError>();
  for (const e of errors) {
    if (!oneOfPaths.has(e.instancePath) || (e.keyword !== 'type' && e.keyword !== 'oneOf')) {
      out.push(e);
      continue;
    }
    if (specific(e.instancePath)) continue;
    // No branch matched even by type: one error listing the accepted types.
    if (e.keyword === 'type') {
      const merged = mergedTypes.get(e.instancePath);
      if (merged) merged.params.type = `${merged.params.type as string},${e.params.type as string}`;
      else {
        const copy = { ...e, params: { ...e.params } };
        mergedTypes.set(e.instancePath, copy);
        out.push(copy);
      }
    }
  }
  return out;
}

function dedupe(ds: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const key = `${d.pos?.line}:${d.pos?.column}:${d.code}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** "/apps/1/ports/0" -> "apps[1].ports[0]" */
export function displayPath(pointer: string): string {
  let out = '';
  for (const raw of pointer.split('/').slice(1)) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^\d+$/.test(token)) out += `[${token}]`;
    else out += out ? `.${/^[A-Za-z0-9_$-]+$/.test(token) ? token : JSON.stringify(token)}` : token;
  }
  return out || 'the profile';
}

function valueAt(data: unknown, pointer: string): unknown {
  let cur: unknown = data;
  for (const raw of pointer.split('/').slice(1)) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    cur = cur !== null && typeof cur === 'object' ? (cur as Record<string, unknown>)[token] : undefined;
  }
  return cur;
}

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `the string ${JSON.stringify(v)}`;
  return `${typeof v} ${String(v)}`;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  object: 'a mapping',
  array: 'a list',
};

function schemaPathOf(pointer: string): string {
  return pointer.replace(/\/\d+(?=\/|$)/g, '/*');
}

function patternMessage(pointer: string, value: unknown): string {
  const where = displayPath(pointer);
  const shown = JSON.stringify(value);
  const generic = schemaPathOf(pointer);
  if (generic === '/name') return `name ${shown} must be lower-case letters, digits and '-', starting with a letter or digit`;
  if (generic === '/nas/dsm/version') return `${where} ${shown} must be a DSM version such as "7.2" or "7.2.2"`;
  if (generic.startsWith('/router/')) return `${where} ${shown} is not a valid interface or zone name`;
  if (generic === '/allowRisky/*') return `allowRisky entry ${shown} must be an app id or app:label (e.g. "ssh" or "dsm:http")`;
  if (/\/override\/[^/]+$/.test(generic)) return `${where} ${shown} must be a port or a range "FIRST-LAST"`;
  return `${where} ${shown} is not a valid id: use lower-case letters, digits and '-'`;
}

function toDiagnostic(e: AjvError, doc: ParsedDocument, file: string): Diagnostic {
  const at = (pointer: string, useKey = false): Diagnostic['pos'] => {
    // Walk up to the nearest node the parser recorded (a missing key has no position of its own).
    for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
      const o = doc.offsets.get(p);
      if (o) return doc.lines.pos(file, useKey && o.key !== undefined ? o.key : o.value);
      if (p === '') return doc.lines.pos(file, 0);
    }
  };
  const where = displayPath(e.instancePath);
  const value = valueAt(doc.data, e.instancePath);
  const err = (code: string, message: string, pos = at(e.instancePath)): Diagnostic => ({
    code,
    severity: 'error',
    message,
    pos,
  });

  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(e.params.additionalProperty);
      const valid = keysAt[schemaPathOf(e.instancePath) as keyof typeof keysAt] ?? [];
      const inWhere = e.instancePath ? ` in ${where}` : '';
      return err(
        'SFW110',
        `unknown key "${key}"${inWhere}${didYouMean(key, valid)}; valid keys: ${valid.join(', ')}`,
        at(`${e.instancePath}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, true),
      );
    }
    case 'required': {
      const key = String(e.params.missingProperty);
      const inWhere = e.instancePath ? ` in ${where}` : '';
      return err('SFW111', `missing required key "${key}"${inWhere}`, at(e.instancePath, true));
    }
    case 'type': {
      const wanted = String(e.params.type)
        .split(',')
        .map((t) => TYPE_WORDS[t] ?? t);
      if (schemaPathOf(e.instancePath) === '/apps/*') {
        return err('SFW112', `${where} must be an app id or a mapping with "id", not ${describeValue(value)}`);
      }
      const hint =
        schemaPathOf(e.instancePath) === '/nas/dsm/version' && typeof value === 'number' ? ` (quote it: "${value}")` : '';
      return err('SFW112', `${where} must be ${wanted.join(' or ')}, not ${describeValue(value)}${hint}`);
    }
    case 'const':
      return err('SFW114', `unsupported profile version ${JSON.stringify(value)}: this synfw reads version 1`);
    case 'minimum':
    case 'maximum':
      return err('SFW203', `${where}: port ${String(value)} is out of range 1-65535`);
    case 'minItems':
      return err('SFW113', `${where} must not be empty`);
    case 'maxLength':
      return err('SFW113', `${where} is longer than ${String(e.params.limit)} characters`);
    case 'pattern':
      return err('SFW113', patternMessage(e.instancePath, value));
    default:
      return err('SFW113', `${where} is not valid (${e.keyword})`);
  }
}
