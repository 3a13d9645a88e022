// The router models the checklist follows: for each one, what its port-forwarding page asks for,
// in the order it asks, with the limits it has, and where each fact comes from. This module is
// data only; docs/targets.md ("checklist") lists the same facts with their sources for readers.
//
// `seen`: the cited text was read (a stored copy of the vendor page, manual or firmware source)
// when the model was written; false: the fact is from the vendor page named, as it was known, and
// was not read again here. Facts with seen: false are the first to check against a real router.

/** The ids of `--router`, the generic checklist first (the default). */
export const MODEL_IDS = ['generic', 'srm', 'fritzbox', 'asus', 'tplink', 'netgear', 'unifi'] as const;
export type ModelId = (typeof MODEL_IDS)[number];

export interface Sourced<T> {
  value: T;
  source: string;
  seen: boolean;
  /** What the source says beyond the value, or how synfw chose it. */
  note?: string;
}

/**
 * What one field of the page holds. The checklist fills each kind from the rule:
 * name (the rule's name), device (the NAS picked in the page's device list), ip (the NAS address
 * typed in), protocol, external / internal (WAN / NAS port or range in one box), externalFirst /
 * externalLast / internalFirst / internalLast (ranges in two boxes; a missing Last box follows
 * from the other side's range), sameRange (Netgear's "same port range" check box), source (the
 * source restriction), ipv4 / ipv6 (FRITZ!Box's "enable sharing for" boxes), fixed (a field whose
 * value is always the same, such as a WAN interface).
 */
export type FieldKind =
  | 'name'
  | 'device'
  | 'ip'
  | 'protocol'
  | 'external'
  | 'externalFirst'
  | 'externalLast'
  | 'internal'
  | 'internalFirst'
  | 'internalLast'
  | 'sameRange'
  | 'source'
  | 'ipv4'
  | 'ipv6'
  | 'fixed';

export interface FieldSpec {
  kind: FieldKind;
  /** The field's label on the page. */
  label: string;
  /** For kind fixed: the value to choose. */
  value?: string;
  /** What to do with the field when the rule has nothing for it ("leave empty", "Any"); without it the field is not listed then. */
  empty?: string;
  /** Words before the value, where the page asks for a choice first ("Limited, " then the address). */
  prefix?: string;
}

export interface RouterModel {
  id: ModelId;
  /** "AVM FRITZ!Box (FRITZ!OS 7)". */
  title: string;
  /** Where the page is, as its menus name it. */
  page: Sourced<string>;
  /** What to do on the page once, before the first rule. */
  before: string[];
  /** How to open the form for one rule. */
  add: string;
  /** How to save one rule. */
  save: string;
  /** How to delete one rule again. */
  remove: string;
  /** The form's fields in the order it asks for them. */
  fields: Sourced<FieldSpec[]>;
  /** What the protocol menu calls TCP, UDP and both at once (null: no such choice, two rules). */
  protocols: Sourced<{ tcp: string; udp: string; both: string | null }>;
  /** The rule name: at most `max` characters out of `allowed` (synfw's names are letters, digits, space, - and . only). */
  name: Sourced<{ max: number; allowed: RegExp; what: string }>;
  /** Whether a rule takes a port range, and how a range is written in one box ("6001-6010"). */
  ranges: Sourced<{ separator: string } | null>;
  /**
   * How a rule sends WAN ports to other NAS ports: "ranges", a NAS range of the same length (or a
   * first NAS port the rest follows from); "single", one NAS port for a one-port rule only (the NAS
   * port box takes a single port, and a range keeps its port numbers).
   */
  remap: Sourced<'ranges' | 'single'>;
  /** A source restriction: none, one address or network per rule, or a list. */
  source: Sourced<'none' | 'one' | 'list'>;
  /** IPv6: none on this page, a per-rule switch that opens the NAS ports on its IPv6 address, or a list of allow rules. */
  ipv6: Sourced<'none' | 'per-rule' | 'list'>;
  /** NAT loopback (hairpin) as a setting the checklist can name, or none. */
  hairpin: Sourced<'setting' | 'none'>;
  /** Most rules the page keeps (null: no limit documented). */
  maxRules: Sourced<number | null>;
}

/** Characters of every name synfw builds: the profile name and app ids are [a-z0-9-]; the rest is "synfw-", digits and spaces. */
const SAFE_NAME = /^[A-Za-z0-9 ._-]*$/;

/** For facts no vendor documents: what synfw does instead, said where the fact is listed. */
const UNDOCUMENTED = 'not documented';

const AVM_HELP = 'https://service.avm.de/help/en/FRITZ-Box-7530/019p2/hilfe_portfreigabe';
const AVM_MANUAL = 'http://38.142.81.21:8001/manual/avm/fritzbox-7560/operation-manual-english/page-63.html';
const ASUS_PAGE = 'https://github.com/RMerl/asuswrt-merlin.ng/blob/master/release/src/router/www/Advanced_VirtualServer_Content.asp';
const ASUS_FAQ = 'https://www.asus.com/support/faq/1037906/';
const TPLINK_FAQ = 'https://www.tp-link.com/us/support/faq/1379/';
const TPLINK_STORY = 'https://community.tp-link.com/en/home/stories/detail/714';
const NETGEAR_KB = 'https://kb.netgear.com/24290/How-do-I-add-a-custom-port-forwarding-service-on-my-NETGEAR-router';
const NETGEAR_MANUAL = 'https://19216811.live/netgear-r8500-manual/36';
const UNIFI_HELP = 'https://help.ui.com/hc/en-us/articles/235723207-UniFi-Port-Forwarding-Configuration-and-Troubleshooting';
const UNIFI_API = 'https://github.com/paultyng/terraform-provider-unifi/blob/main/docs/resources/port_forward.md';
const SRM_HELP = 'https://kb.synology.com/en-global/SRM/help/SRM/NetworkCenter/port';
const SRM_FIREWALL = 'https://www.synology.com/en-my/knowledgebase/SRM/help/SRM/NetworkCenter/security_firewall';

const thirtyChars = (source: string, seen: boolean, note?: string): Sourced<RouterModel['name']['value']> => ({
  value: { max: 30, allowed: SAFE_NAME, what: 'letters, digits, space, - _ .' },
  source,
  seen,
  ...(note ? { note } : {}),
});

const none = <T>(value: T, source: string, seen: boolean, note?: string): Sourced<T> => ({ value, source, seen, ...(note ? { note } : {}) });

export const MODELS: Record<ModelId, RouterModel> = {
  generic: {
    id: 'generic',
    title: 'any router with a port-forwarding page',
    page: none('the port forwarding page (also called Virtual Server, NAT or Port Sharing)', 'synfw', true),
    before: ['Open the router\'s web page and find its port forwarding page (Virtual Server, NAT, Port Sharing).'],
    add: 'Add a new rule (Add, Create, New).',
    save: 'Save the rule (Save, OK, Apply).',
    remove: 'Select the rule and delete it, then save.',
    fields: none(
      [
        { kind: 'name', label: 'Name' },
        { kind: 'protocol', label: 'Protocol' },
        { kind: 'external', label: 'External (WAN) port' },
        { kind: 'ip', label: 'Internal (NAS) IP address' },
        { kind: 'internal', label: 'Internal (NAS) port' },
        { kind: 'source', label: 'Source (allowed from)' },
      ],
      'synfw',
      true,
      'The fields most pages have, in the order most ask for them; the source field only when the profile sets allowFrom.',
    ),
    protocols: none({ tcp: 'TCP', udp: 'UDP', both: 'TCP and UDP' }, 'synfw', true),
    name: none({ max: 64, allowed: SAFE_NAME, what: 'letters, digits, space, - _ .' }, 'synfw', true, 'Routers that take fewer characters keep at least the start, synfw-<profile>-<rule>.'),
    ranges: none({ separator: '-' }, 'synfw', true),
    remap: none('ranges', 'synfw', true),
    source: none('list', 'synfw', true),
    ipv6: none('list', 'synfw', true),
    hairpin: none('setting', 'synfw', true),
    maxRules: none(null, 'synfw', true),
  },

  srm: {
    id: 'srm',
    title: 'Synology Router (SRM)',
    page: none('Network Center > Port Forwarding > Port Forwarding', SRM_HELP, false),
    before: ['Sign in to SRM and open Network Center > Port Forwarding, tab Port Forwarding.'],
    add: 'Click Create.',
    save: 'Click OK, then Apply.',
    remove: 'Select the rule, click Delete, then Apply.',
    fields: none(
      [
        { kind: 'name', label: 'Name' },
        { kind: 'ip', label: 'Private IP' },
        { kind: 'external', label: 'Public port' },
        { kind: 'internal', label: 'Private port' },
        { kind: 'protocol', label: 'Protocol' },
      ],
      SRM_HELP,
      false,
    ),
    protocols: none({ tcp: 'TCP', udp: 'UDP', both: 'TCP/UDP' }, SRM_HELP, false),
    name: thirtyChars(SRM_HELP, false, `Name length ${UNDOCUMENTED}; synfw keeps names to 30 characters.`),
    ranges: none({ separator: '-' }, SRM_HELP, false),
    remap: none('ranges', SRM_HELP, false),
    source: none('none', SRM_HELP, false, `Port forwarding rules have no source field; SRM firewall rules (${SRM_FIREWALL}) filter by source IP on another page.`),
    ipv6: none('none', SRM_FIREWALL, true, 'Port forwarding is IPv4; IPv6 access is allowed with firewall rules (Network Center > Security > Firewall).'),
    hairpin: none('none', SRM_HELP, false, 'The port forwarding page has no NAT loopback setting.'),
    maxRules: none(null, SRM_HELP, false, UNDOCUMENTED),
  },

  fritzbox: {
    id: 'fritzbox',
    title: 'AVM FRITZ!Box',
    page: none('Internet > Permit Access > Port Sharing', AVM_HELP, true),
    before: [
      'Sign in at http://fritz.box and open Internet > Permit Access > Port Sharing.',
      'Port sharing is set up per device: click "Add Device for Sharing" and choose the NAS (or enter its IP address), then add each rule below to that device.',
    ],
    add: 'In the NAS\'s sharing settings click "New Sharing", choose "Port Sharing" and the application "Other application".',
    save: 'Click OK for the rule; when all rules are in, click OK for the device and then Apply.',
    remove: 'Edit the NAS\'s entry under Port Sharing, delete the rule (or the whole device entry), then click Apply.',
    fields: none(
      [
        { kind: 'device', label: 'Device' },
        { kind: 'name', label: 'Application / Server service' },
        { kind: 'protocol', label: 'Protocol' },
        { kind: 'internalFirst', label: 'Port to device' },
        { kind: 'internalLast', label: 'through port' },
        { kind: 'externalFirst', label: 'External port (IPv4)' },
        { kind: 'ipv4', label: 'Enable sharing for IPv4' },
        { kind: 'ipv6', label: 'Enable sharing for IPv6' },
      ],
      AVM_HELP,
      true,
      'The help names the sharing by "Application / Server service", "Protocol", "Port to device" and "External port"; the device comes first because port sharing is always configured for one device.',
    ),
    protocols: none({ tcp: 'TCP', udp: 'UDP', both: null }, AVM_MANUAL, true, 'TCP and UDP (and ESP, GRE without ports); no choice for both: TCP and UDP are two sharings.'),
    name: thirtyChars(AVM_HELP, true, `Name length ${UNDOCUMENTED}; synfw keeps names to 30 characters.`),
    ranges: none({ separator: '-' }, AVM_MANUAL, true, 'The firewall is opened for TCP and UDP "when entering the port range".'),
    remap: none('ranges', AVM_HELP, true, '"Port to device" and "External port" are separate: the external range starts at the port given and is as long as the device range.'),
    source: none('none', AVM_HELP, true, 'A sharing has no source field.'),
    ipv6: none('per-rule', AVM_MANUAL, true, 'For IPv6 a port can be opened for each device: the device\'s own ports on its IPv6 address, without translation.'),
    hairpin: none('none', AVM_HELP, true, 'The port sharing page has no NAT loopback setting.'),
    maxRules: none(null, AVM_HELP, true, UNDOCUMENTED),
  },

  asus: {
    id: 'asus',
    title: 'ASUS router (ASUSWRT)',
    page: none('Advanced Settings > WAN > Virtual Server / Port Forwarding', ASUS_FAQ, false, 'The firmware page (WAN menu, "Virtual Server / Port Forwarding") links this FAQ as its help.'),
    before: ['Sign in at http://router.asus.com and open Advanced Settings > WAN > Virtual Server / Port Forwarding.', 'Set "Enable Port Forwarding" to ON.'],
    add: 'Click "Add profile".',
    save: 'Click OK (the router applies the list at once).',
    remove: 'Click the delete button at the end of the rule\'s row in the port forwarding list.',
    fields: none(
      [
        { kind: 'name', label: 'Service Name' },
        { kind: 'protocol', label: 'Protocol' },
        { kind: 'external', label: 'External Port' },
        { kind: 'internal', label: 'Internal Port' },
        { kind: 'ip', label: 'Internal IP Address' },
        { kind: 'source', label: 'Source IP', empty: 'leave empty (any source)' },
      ],
      ASUS_PAGE,
      true,
      'The "Add profile" dialog of the firmware\'s web page, in order; Internal Port and Source IP are optional.',
    ),
    protocols: none({ tcp: 'TCP', udp: 'UDP', both: 'BOTH' }, ASUS_PAGE, true, 'The menu offers TCP, UDP, BOTH and OTHER.'),
    name: none(
      { max: 30, allowed: SAFE_NAME, what: 'up to 30 characters, not < > \' %' },
      ASUS_PAGE,
      true,
      'vts_desc_x has maxlength 30 and the page rejects < > \' %.',
    ),
    ranges: none({ separator: ':' }, ASUS_PAGE, true, 'External Port takes ports and ranges, "2302:2400,6073" (- and ~ are read as :), up to 60 characters.'),
    remap: none('single', ASUS_PAGE, true, 'Internal Port takes one port number (maxlength 5), or nothing for the external port(s) unchanged.'),
    source: none('one', ASUS_PAGE, true, 'Source IP takes one IPv4 address or network (CIDR); rules may repeat a port for different sources.'),
    ipv6: none('none', ASUS_PAGE, true, 'The page forwards IPv4 only (its fields take IPv4 addresses).'),
    hairpin: none('none', ASUS_PAGE, true, 'The page has no NAT loopback setting.'),
    maxRules: none(64, ASUS_PAGE, true, 'profileMaxNum = 64: the list takes at most 64 rules.'),
  },

  tplink: {
    id: 'tplink',
    title: 'TP-Link router (Archer)',
    page: none('Advanced > NAT Forwarding > Virtual Servers', TPLINK_STORY, true),
    before: ['Sign in at http://tplinkwifi.net and open Advanced > NAT Forwarding > Virtual Servers.'],
    add: 'Click Add.',
    save: 'Make sure "Enable this entry" is ticked and click Save.',
    remove: 'Click the delete (trash) icon of the rule in the Virtual Servers list.',
    fields: none(
      [
        { kind: 'name', label: 'Service Type' },
        { kind: 'external', label: 'External Port' },
        { kind: 'ip', label: 'Internal IP' },
        { kind: 'internal', label: 'Internal Port' },
        { kind: 'protocol', label: 'Protocol' },
      ],
      TPLINK_FAQ,
      false,
    ),
    protocols: none({ tcp: 'TCP', udp: 'UDP', both: 'ALL' }, TPLINK_FAQ, false),
    name: thirtyChars(TPLINK_FAQ, false, `Name length ${UNDOCUMENTED}; synfw keeps names to 30 characters.`),
    ranges: none({ separator: '-' }, TPLINK_FAQ, false, 'External Port takes a port or a range, XX-XX.'),
    remap: none('single', TPLINK_FAQ, false, 'Internal Port takes one port, or stays empty for the same port(s) as outside.'),
    source: none('none', TPLINK_FAQ, false),
    ipv6: none('none', TPLINK_FAQ, false),
    hairpin: none('none', TPLINK_FAQ, false),
    maxRules: none(null, TPLINK_FAQ, false, UNDOCUMENTED),
  },

  netgear: {
    id: 'netgear',
    title: 'NETGEAR router (Nighthawk)',
    page: none('ADVANCED > Advanced Setup > Port Forwarding / Port Triggering', NETGEAR_MANUAL, true),
    before: ['Sign in at http://routerlogin.net and open ADVANCED > Advanced Setup > Port Forwarding / Port Triggering.', 'Select "Port Forwarding".'],
    add: 'Click "Add Custom Service".',
    save: 'Click Apply.',
    remove: 'Select the rule in the port forwarding list and click "Delete Service".',
    fields: none(
      [
        { kind: 'name', label: 'Service Name' },
        { kind: 'protocol', label: 'Protocol' },
        { kind: 'externalFirst', label: 'External Starting Port' },
        { kind: 'externalLast', label: 'External Ending Port' },
        { kind: 'sameRange', label: 'Use the same port range for Internal port' },
        { kind: 'internalFirst', label: 'Internal Starting Port' },
        { kind: 'ip', label: 'Internal IP address' },
      ],
      NETGEAR_KB,
      false,
    ),
    protocols: none({ tcp: 'TCP', udp: 'UDP', both: 'TCP/UDP' }, NETGEAR_KB, false),
    name: thirtyChars(NETGEAR_KB, false, `Name length ${UNDOCUMENTED}; synfw keeps names to 30 characters.`),
    ranges: none({ separator: '-' }, NETGEAR_KB, false, 'External Starting and Ending Port.'),
    remap: none('ranges', NETGEAR_KB, false, 'Internal Starting Port; the internal range is as long as the external one.'),
    source: none('none', NETGEAR_KB, false),
    ipv6: none('none', NETGEAR_KB, false),
    hairpin: none('none', NETGEAR_KB, false),
    maxRules: none(null, NETGEAR_KB, false, UNDOCUMENTED),
  },

  unifi: {
    id: 'unifi',
    title: 'UniFi gateway (UniFi Network)',
    page: none('Settings > Routing > Port Forwarding', UNIFI_HELP, false, 'Older UniFi Network versions: Settings > Firewall & Security > Port Forwarding.'),
    before: ['Open UniFi Network and go to Settings > Routing > Port Forwarding (older versions: Settings > Firewall & Security).'],
    add: 'Click "Create Entry".',
    save: 'Click Add (or Apply Changes).',
    remove: 'Open the rule in the Port Forwarding list and click Remove.',
    fields: none(
      [
        { kind: 'name', label: 'Name' },
        { kind: 'fixed', label: 'Interface', value: 'WAN (the internet connection the NAS is reached on)' },
        { kind: 'source', label: 'From', empty: 'Any', prefix: 'Limited, ' },
        { kind: 'external', label: 'Port' },
        { kind: 'ip', label: 'Forward IP' },
        { kind: 'internal', label: 'Forward Port' },
        { kind: 'protocol', label: 'Protocol' },
      ],
      UNIFI_API,
      true,
      'The rule\'s settings as the UniFi API names them: name, pfwd_interface, src, dst_port, fwd, fwd_port, proto.',
    ),
    protocols: none({ tcp: 'TCP', udp: 'UDP', both: 'TCP/UDP' }, UNIFI_API, true, 'proto is tcp, udp or tcp_udp (the default).'),
    name: thirtyChars(UNIFI_HELP, false, `Name length ${UNDOCUMENTED}; synfw keeps names to 30 characters.`),
    ranges: none({ separator: '-' }, UNIFI_HELP, false),
    remap: none('ranges', UNIFI_HELP, false),
    source: none('one', UNIFI_API, true, 'src: one IPv4 address or network (CIDR), or any.'),
    ipv6: none('none', UNIFI_API, true, 'fwd is an IPv4 address; IPv6 access is a firewall rule, not a port forward.'),
    hairpin: none('none', UNIFI_HELP, false),
    maxRules: none(null, UNIFI_HELP, false, UNDOCUMENTED),
  },
};
