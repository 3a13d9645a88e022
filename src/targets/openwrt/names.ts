// The name option of redirects and rules: the rule text made fit for it (fittedName), and for a
// render's redirects, with what consecutive sections share made fit once (RedirectNames).
// A redirect's text is "<tag> <apps> <proto>/<ports>[ -> <port>][ from <source>][ <custom names>]"
// (redirectText): the sections of one app or custom entry differ only in the numbers in the
// middle. nameText changes single characters (control runs, `"`, `%`) and trims the ends, so the
// text's nameText is the nameText of its parts put together, when the parts before the custom
// names come out of nameText as they went in and end in a character trim keeps (they are checked
// once each); and its length is theirs added up. A text that would not fit the field is left to
// fittedName, which cuts it and counts the cut, so every name is what fittedName makes of it.

import type { Forward, Plan, PortRange } from '../../plan/types.js';
import { nameText } from '../../render/escape/uci.js';
import { byteLength } from '../../render/text.js';
import { appsOf, cutAbout, originNames, profileTag, ruleText } from '../shared/text.js';
import type { RenderContext, TextAbout } from '../types.js';

/** ruleText for one or two protocols and the ports one section covers, plus the allowed source. */
export function redirectText(plan: Plan, fs: readonly Forward[], ext: PortRange, int: PortRange, source?: string): string {
  const text = ruleText(plan, fs, { external: ext, internal: int });
  if (source === undefined) return text;
  // The source goes before the free-text names, so cutting a long name never cuts it away.
  const names = originNames(fs);
  const fixed = names ? text.slice(0, text.length - names.length - 1) : text;
  return `${fixed} from ${source}${names ? ` ${names}` : ''}`;
}

/**
 * The name option: nameText of the text cut to the field (ctx.fit counts the cut, measuring
 * nameText). A text that fits was measured as it is, so its nameText is not made a second time.
 */
export function fittedName(ctx: RenderContext, text: string, about: () => TextAbout): string {
  let measured: string | undefined;
  let name = '';
  const fitted = ctx.fit(text, (s) => ((measured = s), (name = nameText(s))), about);
  return fitted === measured ? name : nameText(fitted);
}

/** A part nameText keeps as it is, one byte per character, ending in a character trim keeps. */
const kept = (part: string): boolean => part !== '' && nameText(part) === part && byteLength(part) === part.length;

export class RedirectNames {
  private readonly tag: string;
  /** "<tag> <apps>" for the last apps array read, or null when nameText would change it. */
  private appsArray: readonly string[] | undefined;
  private head: string | null = null;
  /** " <custom names>" made fit for the name, and its length in bytes, for the last names read. */
  private names: string | undefined;
  private tail = '';
  private tailBytes = 0;
  /** " from <source>" per allowFrom source, or null when nameText would change it. */
  private readonly froms = new Map<string, string | null>();

  constructor(
    private readonly plan: Plan,
    private readonly ctx: RenderContext,
    /** The field's size in bytes (info.comments.max). */
    private readonly max: number,
  ) {
    this.tag = profileTag(plan);
  }

  /**
   * fittedName(ctx, redirectText(plan, fs, ext, int, source)). `word` and `ports` are what the
   * text says for the protocols and the WAN ports ("tcp+udp", formatRange(ext)), `nasPort` the
   * NAS port of a remapped section (formatRange(int)).
   */
  name(fs: readonly Forward[], word: string, ext: PortRange, int: PortRange, ports: string, nasPort: string, source: string | null): string {
    const head = this.headOf(fs);
    const from = source === null ? '' : this.fromOf(source);
    if (head !== null && from !== null) {
      // Numbers, proto words and " -> ": nothing nameText changes, ending in a digit.
      const fixed = `${head} ${word}/${ports}${ext.first === int.first ? '' : ` -> ${nasPort}`}${from}`;
      this.tailOf(originNames(fs));
      if (fixed.length + this.tailBytes <= this.max) return fixed + this.tail;
    }
    return fittedName(this.ctx, redirectText(this.plan, fs, ext, int, source ?? undefined), () => cutAbout(fs));
  }

  private headOf(fs: readonly Forward[]): string | null {
    const apps = fs[0]!.apps;
    // The forwards of one app or custom entry share their apps array (the resolver makes them so):
    // the head of the last such array is kept.
    const shared = fs.length === 1 || (fs.length === 2 && fs[1]!.apps === apps);
    if (shared && apps === this.appsArray) return this.head;
    const text = `${this.tag} ${appsOf(fs)}`;
    const head = kept(text) ? text : null;
    if (shared) {
      this.head = head;
      this.appsArray = apps;
    }
    return head;
  }

  private tailOf(names: string): void {
    if (names === this.names) return;
    this.names = names;
    // "x": a character nameText keeps, so that only the names' end is trimmed, as in the text.
    this.tail = names ? nameText(`x ${names}`).slice(1) : '';
    this.tailBytes = byteLength(this.tail);
  }

  private fromOf(source: string): string | null {
    let from = this.froms.get(source);
    if (from === undefined) {
      from = ` from ${source}`;
      if (!kept(from.slice(1))) from = null;
      this.froms.set(source, from);
    }
    return from;
  }
}
