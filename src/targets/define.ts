// The skeleton every target runs on. A target declares what it is (info.ts) and supplies its model,
// header and helpers (index.ts); the skeleton does the rest the same way for all: it checks the
// format and the target's CLI options, refuses profile options the target cannot express (SFW301),
// resolves router.wan/lan with their defaults and checks them, compiles the format's template once,
// cuts rule texts to the comment field and reports the cuts once (SFW310).

import { UsageError, type Diagnostic } from '../diagnostics.js';
import type { Plan } from '../plan/types.js';
import { compileTemplate, type Template } from '../render/engine.js';
import { fitText } from '../render/text.js';
import { LINUX_IFNAME } from './shared/checks.js';
import { headerLines } from './shared/header.js';
import { sourcesRestricted } from './shared/sources.js';
import {
  CLI_OPTION_KEYS,
  TargetError,
  type CliFlag,
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

const KEY_NAME: Record<OptionKey, string> = { allowFrom: 'allowFrom', hairpin: 'hairpin', address6: 'nas.address6' };

/** Whether the profile sets the option; hairpin counts when set either way (refusals narrow it with `when`). */
const used = (plan: Plan, key: OptionKey): boolean =>
  key === 'allowFrom' ? sourcesRestricted(plan) : key === 'hairpin' ? plan.hairpin !== null : plan.nas.address6 !== undefined;

/** The refusals that apply to this plan in this format: the target's own, then the format's. */
export function refusals(info: TargetInfo, format: string, plan: Plan): Diagnostic[] {
  const declared: [OptionKey, Refusal][] = [
    ...(Object.entries(info.refuses ?? {}) as [OptionKey, Refusal][]),
    ...(Object.entries(info.formats[format]?.refuses ?? {}) as [OptionKey, Refusal][]),
  ];
  return declared
    .filter(([key, r]) => used(plan, key) && (r.when?.(plan) ?? true))
    .map(([key, r]) => ({
      code: 'SFW301',
      severity: 'error' as const,
      message: `target ${info.id} cannot express ${KEY_NAME[key]}: ${r.why}; remove it from the profile or choose another target`,
      ...(plan.keyPos[key] ? { pos: plan.keyPos[key] } : {}),
    }));
}

/** Why a value of a target's CLI option is wrong, or undefined. */
export function cliOptionProblem(info: TargetInfo, flag: CliFlag, value: unknown): string | undefined {
  const decl = info.cli?.[flag];
  if (!decl) return `--${flag} is not an option of target ${info.id}`;
  if (decl.kind === 'integer' && (typeof value !== 'number' || !Number.isInteger(value) || value < decl.min || value > decl.max)) {
    return `--${flag} must be a whole number from ${decl.min} to ${decl.max}, not ${String(value)}`;
  }
  return undefined;
}

/** The options with the target's declared defaults filled in, each checked. */
function withDefaults(info: TargetInfo, options: RenderOptions): RenderOptions {
  const out: RenderOptions = { ...options };
  for (const [flag, key] of Object.entries(CLI_OPTION_KEYS) as [CliFlag, keyof RenderOptions][]) {
    const decl = info.cli?.[flag];
    if (decl?.kind === 'integer' && out[key] === undefined) (out as unknown as Record<string, unknown>)[key] = decl.default;
    if (out[key] === undefined || !decl) continue;
    const problem = decl.kind === 'integer' ? cliOptionProblem(info, flag, out[key]) : undefined;
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

/** A TextFit for the target's comment field (or an uncounted one without it). */
function textFit(info: TargetInfo): { fit: TextFit; warning: () => Diagnostic[] } {
  let cut = 0;
  let first: TextAbout | undefined;
  const max = info.comments?.max ?? Infinity;
  const fit = ((text: string, measure?: (s: string) => string, about?: TextAbout): string => {
    const out = fitText(text, max, measure);
    if (out !== text) {
      cut++;
      first ??= about ?? {};
    }
    return out;
  }) as TextFit;
  Object.defineProperty(fit, 'cut', { get: () => cut });
  const warning = (): Diagnostic[] => {
    const c = info.comments;
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
      const refused = refusals(info, format, plan);
      if (refused.length) throw new TargetError(refused);
      const { fit, warning } = textFit(info);
      const ctx: RenderContext = { info, format, options, ...routerSides(info, plan), fit };
      const model = impl.model(plan, ctx);
      const header = headerLines(plan, ctx, impl.header(plan, model, ctx));
      const text = template(format)({ ...model, header });
      const warnings = [...(impl.warnings?.(plan, model, ctx) ?? []), ...warning()];
      return { text: impl.finish ? impl.finish(text, plan, model, ctx) : text, warnings };
    },
  };
}
