// Schema validation with the precompiled Ajv validator, and Ajv errors turned into diagnostics that
// name the profile's own keys, with line and column.

import { quote, type Diagnostic } from '../diagnostics.js';
import { didYouMean } from '../suggest.js';
import type { ParsedDocument } from './parse.js';
import type { Invalid } from './prune.js';
import { keysAt, requiredAt, validate as generatedValidate } from './schema-check.generated.js';
import type { Profile } from './types.js';

interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
}

const validate = generatedValidate as unknown as { (data: unknown): boolean; errors?: AjvError[] | null };

export type ValidateResult =
  | { ok: true; profile: Profile }
  | {
      ok: false;
      diagnostics: Diagnostic[];
      /** Every value the schema rejected. */
      invalid: Invalid[];
    };

export function validateProfile(doc: ParsedDocument, file: string): ValidateResult {
  if (validate(doc.data)) return { ok: true, profile: doc.data as Profile };
  const raw = validate.errors ?? [];
  const invalid = raw.map((e) =>
    e.keyword === 'additionalProperties'
      ? { pointer: `${e.instancePath}/${escapeToken(String(e.params.additionalProperty))}`, unknownKey: true }
      : { pointer: e.instancePath, unknownKey: false },
  );
  const diagnostics = dropUnmatchedBranches(raw).map((e) => toDiagnostic(e, doc, file));
  return { ok: false, diagnostics: dedupe(diagnostics), invalid };
}

const escapeToken = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * A oneOf (app short or long form, port or range) reports the failure of every branch. When one
 * branch got past its type check (it has errors of its own at the path, or any error below it),
 * the user meant that branch: keep its errors and drop the other branches' type errors and the
 * oneOf summary.
 */
function dropUnmatchedBranches(errors: AjvError[]): AjvError[] {
  const oneOfPaths = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
  // Paths that have a specific error: at the path itself (not a type or oneOf error), or below it.
  const specificAt = new Set<string>();
  for (const e of errors) {
    if (e.keyword !== 'type' && e.keyword !== 'oneOf') specificAt.add(e.instancePath);
    for (let p = e.instancePath; p.includes('/'); ) {
      p = p.slice(0, p.lastIndexOf('/'));
      if (oneOfPaths.has(p)) specificAt.add(p);
    }
  }
  const specific = (path: string) => specificAt.has(path);
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

/** Drops repeated diagnostics (a oneOf reports per branch); messages are compared only at one place. */
function dedupe(ds: Diagnostic[]): Diagnostic[] {
  const seen = new Map<string, string[]>();
  return ds.filter((d) => {
    const at = `${d.pos?.line}:${d.pos?.column}:${d.code}`;
    const messages = seen.get(at);
    if (!messages) {
      seen.set(at, [d.message]);
      return true;
    }
    if (messages.includes(d.message)) return false;
    messages.push(d.message);
    return true;
  });
}

/** "/apps/1/ports/0" -> "apps[1].ports[0]" */
export function displayPath(pointer: string): string {
  let out = '';
  for (const raw of pointer.split('/').slice(1)) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^\d+$/.test(token)) out += `[${token}]`;
    else if (/^[A-Za-z0-9_$-]+$/.test(token)) out += out ? `.${token}` : token;
    else out += out ? `[${quote(token)}]` : quote(token);
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
  if (typeof v === 'string') return `the string ${quote(v)}`;
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

/** What a string at this place must look like, for pattern errors and empty values. */
function requirement(generic: string): string {
  if (generic === '/name') return "lower-case letters, digits and '-', starting with a letter or digit";
  if (generic === '/nas/dsm/version') return 'a DSM version such as "7.2" or "7.2.2"';
  if (generic.startsWith('/router/')) return "an interface or zone name (letters, digits and _.@:+-)";
  if (generic === '/allowRisky/*') return 'an app id or app:label (e.g. "ssh" or "dsm:http")';
  if (generic === '/nas/address') return "the NAS's LAN IPv4 address, such as 192.168.1.10";
  if (generic === '/nas/address6') return "the NAS's global IPv6 address, such as 2001:db8::10";
  if (generic === '/allowFrom/*') return 'an address or CIDR, such as 198.51.100.0/24';
  if (/\/override\/[^/]+$/.test(generic)) return 'a port or a range "FIRST-LAST"';
  return "an id: lower-case letters, digits and '-'";
}

function patternMessage(pointer: string, value: unknown): string {
  const generic = schemaPathOf(pointer);
  const shown = quote(String(value));
  if (generic === '/allowRisky/*') return `allowRisky entry ${shown} must be ${requirement(generic)}`;
  return `${displayPath(pointer)} ${shown} must be ${requirement(generic)}`;
}

/** For a value written as nothing at all (`name:`): what the key needs instead. */
function emptyMessage(e: AjvError, where: string): string {
  const generic = schemaPathOf(e.instancePath);
  if (generic === '/apps/*') return `${where} has no value: give an app id or a mapping with "id"`;
  if (e.keyword === 'type') {
    const wanted = String(e.params.type).split(',').map((t) => TYPE_WORDS[t] ?? t);
    const parent = generic.slice(0, generic.lastIndexOf('/'));
    const key = generic.slice(generic.lastIndexOf('/') + 1);
    const required = (requiredAt as Record<string, string[]>)[parent]?.includes(key) || key === '*';
    return `${where} has no value: give ${wanted.join(' or ')}${required ? '' : ', or leave the key out'}`;
  }
  if (e.keyword === 'const') return `${where} has no value: write "version: 1"`;
  return `${where} has no value: it must be ${requirement(generic)}`;
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

  if (doc.offsets.get(e.instancePath)?.empty && e.keyword !== 'additionalProperties' && e.keyword !== 'required') {
    return err(e.keyword === 'const' ? 'SFW114' : 'SFW112', emptyMessage(e, where));
  }
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(e.params.additionalProperty);
      const valid = keysAt[schemaPathOf(e.instancePath) as keyof typeof keysAt] ?? [];
      const inWhere = e.instancePath ? ` in ${where}` : '';
      return err(
        'SFW110',
        `unknown key ${quote(key)}${inWhere}${didYouMean(key, valid)}; valid keys: ${valid.join(', ')}`,
        at(`${e.instancePath}/${escapeToken(key)}`, true),
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
      return err('SFW114', `unsupported profile version ${typeof value === 'number' ? value : describeValue(value)}: this synfw reads version 1`);
    case 'minimum':
    case 'maximum':
      return err('SFW203', `${where}: port ${String(value)} is out of range 1-65535`);
    case 'minItems':
      return err('SFW113', `${where} must not be empty`);
    case 'minLength':
      return err('SFW113', `${where} must not be empty: it must be ${requirement(schemaPathOf(e.instancePath))}`);
    case 'maxLength':
      return err('SFW113', `${where} is longer than ${String(e.params.limit)} characters`);
    case 'pattern':
      return err('SFW113', patternMessage(e.instancePath, value));
    default:
      return err('SFW113', `${where} is not valid (${e.keyword})`);
  }
}
