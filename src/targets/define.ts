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
  type RenderOptions,
  type Target,
  type TargetImpl,
  type TargetInfo,
  type TextAbout,
  type TextFit,
} from './types.js';

const KEY_NAME: Record<OptionKey, string> = { allowFrom: 'allowFrom', hairpin: 'hairpin', address6: 'nas.address6' };

const used = (plan: Plan, key: OptionKey): boolean =>
  key === 'allowFrom' ? sourcesRestricted(plan) : key === 'hairpin' ? plan.hairpin : plan.nas.address6 !== undefined;

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

const interfaceError = (info: TargetInfo, code: string, message: string, pos: Plan['keyPos']['wan']): TargetError =>
  new TargetError([{ code, severity: 'error', message: `target ${info.id}: ${message}`, ...(pos ? { pos } : {}) }]);

/** router.wan and router.lan with the target's defaults; Linux interface names are checked here. */
export function routerSides(info: TargetInfo, plan: Plan): { wan: string; lan: string | undefined } {
  const names = info.router;
  if (!names) return { wan: '', lan: undefined };
  const wan = plan.router.wan ?? names.wan;
  const lan = plan.router.lan ?? names.lan;
  if (names.names !== 'linux') return { wan, lan };
  const notIfname = (key: 'wan' | 'lan', value: string): TargetError =>
    interfaceError(info, 'SFW304', `router.${key} "${value}" is not a Linux interface name (at most 15 characters: letters, digits, _ . @ : + -)`, plan.keyPos[key]);
  if (!LINUX_IFNAME.test(wan)) throw notIfname('wan', wan);
  // router.lan matters only for hairpin (it may name another target's zone otherwise).
  if (!plan.hairpin) return { wan, lan: undefined };
  if (lan === undefined) throw interfaceError(info, 'SFW305', 'hairpin needs router.lan (the LAN interface, e.g. br-lan)', plan.keyPos.hairpin);
  if (!LINUX_IFNAME.test(lan)) throw notIfname('lan', lan);
  if (lan === wan) throw interfaceError(info, 'SFW304', `router.lan "${lan}" is the WAN interface too; hairpin needs the LAN interface`, plan.keyPos.lan);
  return { wan, lan };
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
