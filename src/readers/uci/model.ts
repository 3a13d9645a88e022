// The section model shared by the UCI readers (config.ts here, the tests' replay of uci commands): what fw3/fw4 accept as
// section types and redirect and rule options, and the rules both the config parser and the script replay
// enforce on names, values and repetitions.

export class UciParseError extends Error {
  constructor(message: string, readonly line?: number) {
    super(line === undefined ? message : `line ${line}: ${message}`);
    this.name = 'UciParseError';
  }
}

export interface UciSection {
  type: string;
  /** The section name; anonymous sections get "@type[n]" as `uci show` would print. */
  id: string;
  options: Map<string, string>;
  lists: Map<string, string[]>;
}

/** Section types fw3/fw4 read from /etc/config/firewall. */
export const SECTION_TYPES = new Set(['defaults', 'zone', 'forwarding', 'rule', 'redirect', 'nat', 'ipset', 'include', 'helper']);

/** Options fw4's parse_redirect knows (fw4.uc), which fw3 shares. */
export const REDIRECT_OPTIONS = new Set([
  'enabled', 'name', 'family', 'src', 'dest', 'ipset', 'helper', 'proto', 'src_ip', 'src_mac', 'src_port', 'src_dip', 'src_dport',
  'dest_ip', 'dest_port', 'extra', 'limit', 'limit_burst', 'utc_time', 'start_date', 'stop_date', 'start_time', 'stop_time',
  'weekdays', 'monthdays', 'mark', 'reflection', 'reflection_src', 'reflection_zone', 'counter', 'target',
]);
/** Redirect options fw4 parses as lists (PARSE_LIST). */
const REDIRECT_LISTS = new Set(['proto', 'src_mac', 'reflection_zone']);

/** Options fw4's parse_rule knows (fw4.uc); fw3's rules.c has the same names but dscp and log. */
export const RULE_OPTIONS = new Set([
  'enabled', 'name', 'family', 'src', 'dest', 'device', 'direction', 'ipset', 'helper', 'set_helper', 'proto', 'src_ip', 'src_mac',
  'src_port', 'dest_ip', 'dest_port', 'icmp_type', 'extra', 'limit', 'limit_burst', 'utc_time', 'start_date', 'stop_date',
  'start_time', 'stop_time', 'weekdays', 'monthdays', 'mark', 'set_mark', 'set_xmark', 'dscp', 'set_dscp', 'counter', 'log',
  'log_limit', 'target',
]);
/** Rule options fw4 parses as lists (PARSE_LIST) and fw3 declares with FW3_LIST. */
const RULE_LISTS = new Set(['proto', 'src_ip', 'src_mac', 'src_port', 'dest_ip', 'dest_port', 'icmp_type']);

const KNOWN: Record<string, [Set<string>, Set<string>]> = { redirect: [REDIRECT_OPTIONS, REDIRECT_LISTS], rule: [RULE_OPTIONS, RULE_LISTS] };

export const NAME = /^[A-Za-z0-9_]+$/;
// uci_validate_text: no control characters but tab (current uci also refuses CR and LF).
// eslint-disable-next-line no-control-regex
export const BAD_TEXT = /[\u0000-\u0008\u000a-\u001f]/;

/** The model both parsers build; enforces the strict rules on names, types, options and values. */
export class UciModel {
  readonly sections: UciSection[] = [];
  private anon = new Map<string, number>();

  find(id: string): UciSection | undefined {
    return this.sections.find((s) => s.id === id);
  }

  add(type: string, id: string | undefined, line?: number): UciSection {
    if (!SECTION_TYPES.has(type)) throw new UciParseError(`unknown section type ${JSON.stringify(type)}`, line);
    if (id === undefined) {
      const n = this.anon.get(type) ?? 0;
      this.anon.set(type, n + 1);
      id = `@${type}[${n}]`;
    } else {
      if (!NAME.test(id)) throw new UciParseError(`invalid section name ${JSON.stringify(id)}`, line);
      if (this.find(id)) throw new UciParseError(`section ${id} defined twice (uci would merge the two)`, line);
    }
    const s: UciSection = { type, id, options: new Map(), lists: new Map() };
    this.sections.push(s);
    return s;
  }

  remove(id: string): void {
    const i = this.sections.findIndex((s) => s.id === id);
    if (i >= 0) this.sections.splice(i, 1);
  }

  set(s: UciSection, option: string, value: string, list: boolean, line?: number): void {
    if (!NAME.test(option)) throw new UciParseError(`invalid option name ${JSON.stringify(option)}`, line);
    const known = KNOWN[s.type];
    if (known && !known[0].has(option)) throw new UciParseError(`unknown ${s.type} option ${option}`, line);
    if (value === '') throw new UciParseError(`empty value for ${option} (uci would delete the option)`, line);
    if (BAD_TEXT.test(value)) throw new UciParseError(`control character in the value of ${option}`, line);
    if (s.options.has(option)) throw new UciParseError(`option ${option} set twice in ${s.id}`, line);
    if (!list) {
      if (s.lists.has(option)) throw new UciParseError(`option ${option} is already a list in ${s.id}`, line);
      s.options.set(option, value);
      return;
    }
    if (known && !known[1].has(option)) throw new UciParseError(`${s.type} option ${option} is not a list`, line);
    s.lists.set(option, [...(s.lists.get(option) ?? []), value]);
  }
}
