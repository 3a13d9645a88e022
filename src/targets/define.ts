// The skeleton every target runs on. A target declares what it is (info.ts) and supplies its model,
// header and helpers (index.ts); the skeleton does the rest the same way for all: it checks the
// format and the target's CLI options, refuses profile options the target (or the value of one of
// its choice options, such as a router model) cannot express (SFW301),
// resolves router.wan/lan with their defaults and checks them, compiles the format's template once,
// cuts rule texts to the comment field and reports the cuts once (SFW310).

import { UsageError, type Diagnostic, type SourcePos } from '../diagnostics.js';
import { isRemapped, rangeSize } from '../plan/ranges.js';
import type { Forward, Plan } from '../plan/types.js';
import { compileTemplate, type Template } from '../render/engine.js';
import { fitText } from '../render/text.js';
import { LINUX_IFNAME } from './shared/checks.js';
import { headerLines } from './shared/header.js';
import { sourcesRestricted } from './shared/sources.js';
import {
  CLI_OPTION_KEYS,
  TargetError,
  type Choice,
  type CliFlag,
  type CliOption,
  type CommentField,
  type OptionKey,
  type Refusal,
  type RenderContext,
  type RouterNames,
  type RenderOptions,
  type Target,
  type TargetImpl,
  type TargetInfo,
  type TextAbout,
  type TextFit,
} from './types.js';

const KEY_NAME: Record<OptionKey, string> = {
  allowFrom: 'allowFrom',
  hairpin: 'hairpin',
  address6: 'nas.address6',
  ranges: 'port ranges',
  remaps: 'remapped ports',
};

const isRange = (f: Forward): boolean => rangeSize(f.external) > 1;

/** Whether the plan uses the option; hairpin counts when set either way (refusals narrow it with `when`). */
function used(plan: Plan, key: OptionKey): boolean {
  switch (key) {
    case 'allowFrom':
      return sourcesRestricted(plan);
    case 'hairpin':
      return plan.hairpin !== null;
    case 'address6':
      return plan.nas.address6 !== undefined;
    case 'ranges':
      return plan.forwards.some(isRange);
    case 'remaps':
      return plan.forwards.some(isRemapped);
  }
}

/** Where the profile asks for the option: its key, or the first forward of that shape. */
function usedAt(plan: Plan, key: OptionKey): SourcePos | undefined {
  if (key === 'ranges' || key === 'remaps') return plan.forwards.find(key === 'ranges' ? isRange : isRemapped)?.origins[0]?.pos;
  return plan.keyPos[key];
}

/** The value of each choice option (given or default), as "--flag value", with what it declares. */
function chosen(info: TargetInfo, options: Partial<RenderOptions>): { flag: string; choice: Choice }[] {
  const out: { flag: string; choice: Choice }[] = [];
  for (const [flag, decl] of Object.entries(info.cli ?? {}) as [CliFlag, CliOption][]) {
    if (decl.kind !== 'choice') continue;
    const value = String(options[CLI_OPTION_KEYS[flag]] ?? decl.default);
    const choice = Object.hasOwn(decl.choices, value) ? decl.choices[value] : undefined;
    if (choice) out.push({ flag: `--${flag} ${value}`, choice });
  }
  return out;
}

/** The refusals that apply to this plan in this format: the target's own, the format's, then the chosen values'. */
export function refusals(info: TargetInfo, format: string, plan: Plan, options: Partial<RenderOptions> = {}): Diagnostic[] {
  const entries = (r: Partial<Record<OptionKey, Refusal>> | undefined, by: string): [OptionKey, Refusal, string][] =>
    (Object.entries(r ?? {}) as [OptionKey, Refusal][]).map(([k, v]) => [k, v, by]);
  const declared = [
    ...entries(info.refuses, ''),
    ...entries(info.formats[format]?.refuses, ''),
    ...chosen(info, options).flatMap((c) => entries(c.choice.refuses, ` (${c.flag})`)),
  ];
  return declared
    .filter(([key, r]) => used(plan, key) && (r.when?.(plan) ?? true))
    .map(([key, r, by]) => {
      const pos = r.at?.(plan) ?? usedAt(plan, key);
      const why = typeof r.why === 'function' ? r.why(plan) : r.why;
      return {
        code: 'SFW301',
        severity: 'error' as const,
        message: `target ${info.id}${by} cannot express ${KEY_NAME[key]}: ${why}; remove it from the profile or choose another target`,
        ...(pos ? { pos } : {}),
      };
    });
}

/** Why a value of a target's CLI option is wrong, or undefined. */
export function cliOptionProblem(info: TargetInfo, flag: CliFlag, value: unknown): string | undefined {
  const decl = info.cli?.[flag];
  if (!decl) return `--${flag} is not an option of target ${info.id}`;
  if (decl.kind === 'integer' && (typeof value !== 'number' || !Number.isInteger(value) || value < decl.min || value > decl.max)) {
    return `--${flag} must be a whole number from ${decl.min} to ${decl.max}, not ${String(value)}`;
  }
  if (decl.kind === 'choice' && (typeof value !== 'string' || !Object.hasOwn(decl.choices, value))) {
    return `--${flag} must be one of ${Object.keys(decl.choices).join(', ')}, not "${String(value)}"`;
  }
  return undefined;
}

/** The options with the target's declared defaults filled in, each checked. */
function withDefaults(info: TargetInfo, options: RenderOptions): RenderOptions {
  const out: RenderOptions = { ...options };
  for (const [flag, key] of Object.entries(CLI_OPTION_KEYS) as [CliFlag, keyof RenderOptions][]) {
    const decl = info.cli?.[flag];
    if ((decl?.kind === 'integer' || decl?.kind === 'choice') && out[key] === undefined) (out as unknown as Record<string, unknown>)[key] = decl.default;
    if (out[key] === undefined || !decl) continue;
    const problem = decl.kind === 'file' ? undefined : cliOptionProblem(info, flag, out[key]);
    if (problem) throw new UsageError(problem);
  }
  return out;
}

/** What each kind of router name may look like, in words for the error. */
const NAMES: Record<RouterNames['names'], { pattern: RegExp; what: string }> = {
  linux: { pattern: LINUX_IFNAME, what: 'a Linux interface name (1-15 characters: letters, digits, _ . @ : + -)' },
  zone: { pattern: /^[A-Za-z_.][A-Za-z0-9/_.-]*$/, what: 'an OpenWrt firewall zone name (a letter, _ or . first, then letters, digits, / _ . -)' },
  'interface-id': { pattern: /^(wan|lan|opt[1-9][0-9]*)$/, what: 'an interface id such as wan, lan or opt1 (Interfaces > Assignments)' },
  // eslint-disable-next-line no-control-regex
  'interface-list': { pattern: /^[^\u0000-\u001f\u007f]+$/, what: 'a RouterOS interface list name' },
};

export interface RouterSides {
  wan: string;
  lan: string | undefined;
  wanKey: string | null;
  lanKey: string | null;
}

/** One side: router.<id>.<side>, router.<side>, or the default, with the key that set it. */
function side(info: TargetInfo, plan: Plan, key: 'wan' | 'lan'): { value: string | undefined; key: string | null; posKey: string } {
  const own = plan.router.targets?.[info.id]?.[key];
  if (own !== undefined) return { value: own, key: `router.${info.id}.${key}`, posKey: `${info.id}.${key}` };
  const all = plan.router[key];
  if (all !== undefined) return { value: all, key: `router.${key}`, posKey: key };
  return { value: info.router?.[key], key: null, posKey: key };
}

const routerError = (info: TargetInfo, code: string, message: string, pos: Plan['keyPos'][string]): TargetError =>
  new TargetError([{ code, severity: 'error', message: `target ${info.id}: ${message}`, ...(pos ? { pos } : {}) }]);

/**
 * router.wan and router.lan for this target (its own keys first, then the shared ones, then its
 * defaults), each checked against what the target's names look like (SFW304).
 */
export function routerSides(info: TargetInfo, plan: Plan): RouterSides {
  const names = info.router;
  if (!names) return { wan: '', lan: undefined, wanKey: null, lanKey: null };
  const valid = names.valid ?? NAMES[names.names];
  const check = (s: ReturnType<typeof side>, which: 'wan' | 'lan'): void => {
    if (s.value === undefined || s.key === null || valid.pattern.test(s.value)) return;
    const hint = s.key === `router.${which}` ? `; router.${which} applies to every target: set router.${info.id}.${which} for ${info.id}` : '';
    throw routerError(info, 'SFW304', `${s.key} "${s.value}" is not ${valid.what}${hint}`, plan.keyPos[s.posKey]);
  };
  const wan = side(info, plan, 'wan');
  const lan = side(info, plan, 'lan');
  check(wan, 'wan');
  // A LAN without a default matters only for hairpin (it may name another target's zone otherwise).
  const needsLan = names.lan !== undefined || plan.hairpin === true;
  if (needsLan) check(lan, 'lan');
  if (names.lan === undefined && plan.hairpin === true) {
    if (lan.value === undefined) throw routerError(info, 'SFW305', `hairpin needs router.lan or router.${info.id}.lan (the LAN interface, e.g. br-lan)`, plan.keyPos.hairpin);
    if (lan.value === wan.value) throw routerError(info, 'SFW304', `${lan.key} "${lan.value}" is the WAN interface too; hairpin needs the LAN interface`, plan.keyPos[lan.posKey]);
  }
  return { wan: wan.value!, lan: needsLan ? lan.value : undefined, wanKey: wan.key, lanKey: needsLan ? lan.key : null };
}

/** A TextFit for the comment field (or an uncounted one without it). */
function textFit(info: TargetInfo, comments: CommentField | undefined): { fit: TextFit; warning: () => Diagnostic[] } {
  let cut = 0;
  let first: TextAbout | undefined;
  const max = comments?.max ?? Infinity;
  const fit = ((text: string, measure?: (s: string) => string, about?: TextAbout | (() => TextAbout)): string => {
    const out = fitText(text, max, measure);
    if (out !== text) {
      cut++;
      first ??= (typeof about === 'function' ? about() : about) ?? {};
    }
    return out;
  }) as TextFit;
  Object.defineProperty(fit, 'cut', { get: () => cut });
  const warning = (): Diagnostic[] => {
    const c = comments;
    if (!c || cut === 0) return [];
    const which = first?.what ? ` (${cut === 1 ? 'the one' : 'first'} for ${first.what})` : '';
    const message = `target ${info.id}: ${cut} ${c.what}${cut === 1 ? '' : 's'}${which} cut to ${c.limit}; they end in "...", and the rules themselves are complete`;
    return [{ code: 'SFW310', severity: 'warning', message, ...(first?.pos ? { pos: first.pos } : {}) }];
  };
  return { fit, warning };
}

export function defineTarget<M extends object>(info: TargetInfo, impl: TargetImpl<M>): Target {
  const templates = new Map<string, Template>();
  const template = (format: string): Template => {
    let t = templates.get(format);
    if (!t) templates.set(format, (t = compileTemplate(`${info.id}/${format}`, impl.helpers)));
    return t;
  };
  return {
    info,
    render(plan, given) {
      const format = given.format ?? 'default';
      if (!Object.hasOwn(info.formats, format)) {
        throw new UsageError(`target ${info.id} has no format "${format}"; its formats: ${Object.keys(info.formats).join(', ')}`);
      }
      const options = withDefaults(info, given);
      const refused = refusals(info, format, plan, options);
      if (refused.length) throw new TargetError(refused);
      // A chosen value's comment field (a router model's name field) replaces the target's.
      const comments = chosen(info, options).find((c) => c.choice.comments)?.choice.comments ?? info.comments;
      const { fit, warning } = textFit(info, comments);
      const ctx: RenderContext = { info, format, options, ...routerSides(info, plan), fit };
      const model = impl.model(plan, ctx);
      const header = headerLines(plan, ctx, impl.header(plan, model, ctx));
      const text = template(format)({ ...model, header });
      const warnings = [...(impl.warnings?.(plan, model, ctx) ?? []), ...warning()];
      return { text: impl.finish ? impl.finish(text, plan, model, ctx) : text, warnings };
    },
  };
}
