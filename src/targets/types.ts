// What a router target is: its declarations (info), read without loading its code, and the
// rendering the skeleton (define.ts) runs for it. See docs/architecture.md, "Adding a target".

import type { Diagnostic, SourcePos } from '../diagnostics.js';
import type { Plan } from '../plan/types.js';
import type { Helpers } from '../render/engine.js';

/**
 * What a plan may ask for that a target, one of its formats or one value of its choice options may
 * be unable to express: the profile options allowFrom, hairpin and nas.address6, and the shapes of
 * its forwards: port ranges (more than one port) and remaps (NAS ports that differ from WAN ports).
 */
export type OptionKey = 'allowFrom' | 'hairpin' | 'address6' | 'ranges' | 'remaps';

/**
 * Why a target cannot express an option (SFW301); `when` limits the refusal to some plans, `at`
 * names the profile position to report when the first use of the option is not the one refused.
 */
export interface Refusal {
  why: string | ((plan: Plan) => string);
  when?: (plan: Plan) => boolean;
  at?: (plan: Plan) => SourcePos | undefined;
}

export interface FormatInfo {
  /** File extension without the dot. */
  extension: string;
  description: string;
  /** Options only this format cannot express (the target's own refusals apply to every format). */
  refuses?: Partial<Record<OptionKey, Refusal>>;
}

/**
 * What router.wan and router.lan name on this router, and their defaults. The skeleton checks each
 * value against the kind's pattern (SFW304); without a LAN default, hairpin needs router.lan (SFW305).
 */
export interface RouterNames {
  names: 'linux' | 'zone' | 'interface-id' | 'interface-list';
  wan: string;
  /** Absent: no default (hairpin needs router.lan). */
  lan?: string;
  /** A stricter pattern than the kind's, and what it accepts in words. */
  valid?: { pattern: RegExp; what: string };
}

/** The field where rule texts go, for cutting them and for SFW310. */
export interface CommentField {
  /** "rule comment", "section name", ... */
  what: string;
  /** Longest text in bytes, as the field stores it. */
  max: number;
  /** Whose limit it is: "the kernel's 256 bytes". */
  limit: string;
}

/**
 * One value of a choice option (`--router fritzbox`): what it means, and what the target cannot
 * express or where its texts go when this value is chosen (beside the target's own declarations).
 */
export interface Choice {
  describe: string;
  /** Refused with this value only (SFW301 names the flag and value). */
  refuses?: Partial<Record<OptionKey, Refusal>>;
  /** The comment field with this value, in place of the target's. */
  comments?: CommentField;
}

/** A flag of `synfw gen` that only this target takes. */
export type CliOption =
  | { kind: 'file'; describe: string; alias?: string }
  | { kind: 'integer'; describe: string; default: number; min: number; max: number; alias?: string }
  | { kind: 'choice'; describe: string; default: string; choices: Record<string, Choice>; alias?: string };

/** The CLI flags targets may declare, and the RenderOptions key each fills. */
export const CLI_OPTION_KEYS = { merge: 'merge', 'upnp-max': 'upnpMax', 'upnp-lease': 'upnpLease', router: 'router' } as const;
export type CliFlag = keyof typeof CLI_OPTION_KEYS;

/** Metadata known without loading the target's code (for `synfw targets`, --help, file names). */
export interface TargetInfo {
  id: string;
  /** One line for `synfw targets`. */
  description: string;
  /** The default form first; its key is "default". */
  formats: Record<string, FormatInfo> & { default: FormatInfo };
  /** Options no format of the target can express. */
  refuses?: Partial<Record<OptionKey, Refusal>>;
  /** Absent when the output names no router interface (UPnP). */
  router?: RouterNames;
  /** Absent when the target does not cut rule texts or does not warn about it. */
  comments?: CommentField;
  cli?: Partial<Record<CliFlag, CliOption>>;
  /** Absent when synfw cannot read the router's state back (`synfw diff`, `synfw apply`). */
  state?: StateAccess;
}

/** How a router's current state is exported for `synfw diff`, and how `synfw apply` reaches it. */
export interface StateAccess {
  /** How a user exports what diff reads, as `synfw diff --help` lists it. */
  export: string;
  /** The header's "Check later" example, given "synfw diff NAME.yaml -t ID"; ipv6: the plan has IPv6 rules. */
  checkLater: (diff: string, ipv6: boolean) => string;
  /** Absent when the router has no shell synfw apply can use. */
  apply?: ApplyAccess;
}

export interface ApplyAccess {
  /** Commands run over ssh whose output, joined, is the export diff reads. */
  read: readonly string[];
  /** Runs the script given on stdin; with `upload`, the command that runs the uploaded file. */
  run: (file: string) => string;
  /** The file the script is copied to first (a router that runs no script from stdin). */
  upload?: (profile: string) => string;
  cleanup?: (file: string) => string;
}

export interface RenderOptions {
  /** synfw's version, for the header. */
  version: string;
  /** An alternate output form of the target ("restore", "config", ...); default "default". */
  format?: string;
  /** upnp: most mappings a range may expand to. */
  upnpMax?: number;
  /** upnp: lease duration in seconds (0 = permanent where the gateway allows it). */
  upnpLease?: number;
  /** pfsense, opnsense: the user's exported config.xml to merge into. */
  merge?: { file: string; text: string };
  /** checklist: the router model whose port-forwarding page the checklist follows. */
  router?: string;
}

export interface Rendered {
  text: string;
  /** Warnings the render produced (cut comments, ...). */
  warnings: Diagnostic[];
}

export interface Target {
  info: TargetInfo;
  /** Throws TargetError when the plan asks for something the target cannot express. */
  render(plan: Plan, options: RenderOptions): Rendered;
}

/** The rule a text belongs to, named in SFW310: "tcp 30005", and where the profile asks for it. */
export interface TextAbout {
  what?: string;
  pos?: SourcePos;
}

/** Cuts rule texts to the target's comment field and counts the cuts, for one SFW310. */
export interface TextFit {
  /**
   * `text` cut to the field (measured as `measure` gives it), or as it is; still unescaped. `about`
   * may be a function, called only for the first cut: nearly every text fits, and working out what
   * it is about for each of 10,000 rules was a cost of its own.
   */
  (text: string, measure?: (s: string) => string, about?: TextAbout | (() => TextAbout)): string;
  readonly cut: number;
}

/** What the skeleton resolved for one render, handed to the target's model and header. */
export interface RenderContext {
  info: TargetInfo;
  format: string;
  options: RenderOptions;
  /** router.<id>.wan, router.wan, or the target's default ("" for a target without router names). */
  wan: string;
  /** router.<id>.lan, router.lan, or the target's default; undefined when none exists. */
  lan: string | undefined;
  /** The profile key that set wan and lan ("router.openwrt.wan", "router.wan"), or null for the default. */
  wanKey: string | null;
  lanKey: string | null;
  /** Cuts texts to info.comments (uncounted when the target declares none). */
  fit: TextFit;
}

/** The parts of the header comment a target writes; headerLines adds the common ones. */
export interface HeaderParts {
  /** How the WAN line names the WAN (default: ctx.wan). */
  wan?: string;
  /** Replaces the whole "WAN: ..." line, for outputs that name no interface. */
  wanLine?: string;
  /** What the file does, before "Apply:". */
  about?: string[];
  apply: string[];
  remove: string[];
  /** After the remove lines. */
  notes?: string[];
}

/** The code of one target: the skeleton calls these in order. */
export interface TargetImpl<M extends object> {
  /** The escaping and formatting helpers its templates call. */
  helpers: Helpers;
  /** Everything the template prints (minus the header); throws TargetError for what it cannot do. */
  model(plan: Plan, ctx: RenderContext): M;
  header(plan: Plan, model: M, ctx: RenderContext): HeaderParts;
  /** Warnings beyond SFW310. */
  warnings?(plan: Plan, model: M, ctx: RenderContext): Diagnostic[];
  /** The final text from the rendered template (e.g. merged into the user's config.xml). */
  finish?(text: string, plan: Plan, model: M, ctx: RenderContext): string;
}

/** The plan asks for something this target cannot do: exit status 1 with these diagnostics. */
export class TargetError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => d.message).join('\n'));
    this.name = 'TargetError';
  }
}
