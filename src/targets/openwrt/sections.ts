// The UCI sections both OpenWrt forms print: the sh script as `uci set` and `uci add_list`
// commands (templates/openwrt/default.hbs), the config form as /etc/config/firewall text
// (config.hbs). One view per section type, with a field per option: the templates print the
// options in the order below, the constant ones ('DNAT', 'ipv4', ...) themselves. (A generic list
// of options was a loop of its own in every section, with an {{#if}} per option: about 90,000
// iterations for 10,000 ports, most of the template's time.)
//
// redirect: name, target 'DNAT', src, src_ip?, src_dport, dest, dest_ip, dest_port?, proto (list:
//   tcp, udp), family 'ipv4', reflection?, reflection_src?
// rule:     name, family 'ipv6', src, src_ip (list), dest, dest_ip, dest_port, proto (list: tcp,
//   udp), target 'ACCEPT'
// src and dest are the zones, dest_ip the NAS address: the same for every section, in the model.

/** A list entry with its section's id beside it, so the list loop reads no parent context (`../`). */
export interface ListEntry {
  section: string;
  value: string;
}

interface SectionView {
  /** Section name, [A-Za-z0-9_] only. */
  id: string;
  /** One line without free text for a comment above the section. */
  summary: string;
  /** The name option, made fit for it (nameText); values are not yet quoted, the templates quote them. */
  name: string;
  /** proto list entries: tcp (first), udp. */
  tcp: boolean;
  udp: boolean;
}

export interface RedirectSection extends SectionView {
  srcIp: string | null;
  srcDport: string;
  /** Omitted (null) for an identity range: fw3/fw4 then DNAT without a port, which keeps it. */
  destPort: string | null;
  reflection: '0' | '1' | null;
  /** 'internal' with reflection '1'. */
  reflectionSrc: string | null;
}

export interface RuleSection extends SectionView {
  srcIps: ListEntry[];
  destPort: string;
}

