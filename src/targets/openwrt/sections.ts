// One shape for UCI sections, which both OpenWrt forms print: the sh script as `uci set` and
// `uci add_list` commands, the config form as /etc/config/firewall text.

export interface SectionOption {
  key: string;
  /** Not yet quoted: the templates quote every value. */
  value: string;
  /** A list entry (`uci add_list`, `list`) rather than an option. */
  list?: boolean;
}

export interface Section {
  type: 'redirect' | 'rule';
  /** Section name, [A-Za-z0-9_] only. */
  id: string;
  /** One line without free text for a comment above the section. */
  summary: string;
  options: SectionOption[];
}

/** An option as the templates print it: its section's id beside it, so the option loop reads no parent context. */
export type PrintableOption = Required<SectionOption> & { section: string };

export type PrintableSection = Omit<Section, 'options'> & { options: PrintableOption[] };

/**
 * Sections with every option's `list` flag set (the templates are strict about missing fields) and
 * its section's id: a block that reads `../` makes Handlebars build a new program and a new stack
 * of contexts for every option (src/render/program-cache.ts), about 90,000 of them for 10,000 ports.
 */
export function printable(sections: readonly Section[]): PrintableSection[] {
  return sections.map((s) => ({ ...s, options: s.options.map((o) => ({ key: o.key, value: o.value, list: o.list === true, section: s.id })) }));
}
