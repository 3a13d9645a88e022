// The syntax tree and whitelists of the strict RouterOS parser (parse-routeros.ts). Extend the
// whitelists when the emitter starts using another menu, property or find key.

/** Menus and the properties `add` may set in each (extend these when the emitter grows). */
export const MENU_PROPERTIES: Record<string, ReadonlySet<string>> = {
  'ip firewall address-list': new Set(['list', 'address', 'comment']),
  'ip firewall nat': new Set([
    'chain', 'action', 'in-interface', 'in-interface-list', 'src-address-list', 'dst-address-type', 'dst-address', 'connection-mark',
    'protocol', 'dst-port', 'to-addresses', 'to-ports', 'comment', 'place-before',
  ]),
  'ip firewall mangle': new Set([
    'chain', 'action', 'new-connection-mark', 'passthrough', 'connection-state', 'in-interface', 'in-interface-list', 'dst-address-type',
    'protocol', 'dst-port', 'comment',
  ]),
  'ip firewall filter': new Set([
    'chain', 'action', 'connection-nat-state', 'in-interface', 'in-interface-list', 'src-address-list', 'dst-address', 'src-address',
    'protocol', 'dst-port', 'src-port', 'comment', 'place-before',
  ]),
  'ipv6 firewall address-list': new Set(['list', 'address', 'comment']),
  'ipv6 firewall filter': new Set([
    'chain', 'action', 'connection-state', 'in-interface', 'in-interface-list', 'out-interface', 'out-interface-list', 'src-address-list',
    'dst-address', 'src-address', 'protocol', 'dst-port', 'src-port', 'comment',
  ]),
  // Only looked up (find where name=...), never added to.
  'interface list': new Set(),
};
/** Properties a `find where` expression may test. */
export const FIND_KEYS: ReadonlySet<string> = new Set(['comment', 'list', 'chain', 'action', 'dynamic', 'name']);
/** Commands a menu line may be followed by. */
export const VERBS: ReadonlySet<string> = new Set(['add', 'remove', 'find', 'move']);

export type RosValue =
  | { kind: 'word'; text: string }
  | { kind: 'string'; text: string; raw: string }
  | { kind: 'sub'; cmd: RosCommand }
  /** `$name`, a :local of the enclosing do={} block. */
  | { kind: 'var'; name: string };

export type RosExpr = { kind: 'cmp'; key: string; op: '=' | '~'; value: RosValue } | { kind: 'and' | 'or'; left: RosExpr; right: RosExpr };

export type RosCommand =
  | { kind: 'add'; menu: string; props: Map<string, RosValue> }
  | { kind: 'remove'; menu: string; items: RosValue }
  | { kind: 'find'; menu: string; where: RosExpr | null }
  | { kind: 'move'; menu: string; numbers: RosValue; destination: RosValue }
  | { kind: 'len'; of: RosValue }
  /** `:pick LIST N`, or `:pick LIST ([:len OF] - N)`. */
  | { kind: 'pick'; of: RosValue; index: number | { lenOf: RosValue; minus: number } }
  | { kind: 'if'; left: RosValue; op: '>' | '<' | '='; right: number; then: RosCommand; else: RosCommand | null }
  /** `:error "..."`, or `:error ("..." . "..." . $name)`: the parts are concatenated. */
  | { kind: 'error'; message: RosValue[] }
  /** `:local NAME "..."` directly in the script's `{ }` block: NAME holds for the rest of it. */
  | { kind: 'declare'; name: string; value: RosValue }
  /**
   * `:foreach V in=[/interface list find] do={:set NAME ($NAME . " " . [/interface list get $V name])}`:
   * appends " " and the name of every interface list to NAME (read as this one exact line).
   */
  | { kind: 'listNames'; into: string }
  /** `:local NAME VALUE; BODY` as a do={} block: NAME is set for BODY only. */
  | { kind: 'local'; name: string; value: RosValue; body: RosCommand };

export interface RosStatement {
  line: number;
  /** The menu in effect after the line (a menu line changes it). */
  menu: string | null;
  cmd: RosCommand | null;
}

export interface RosScript {
  /** Comment lines (text after the `#`), with their line numbers. */
  comments: { line: number; text: string }[];
  statements: RosStatement[];
  /**
   * The lines of the `{` and `}` that hold every statement (a script pasted into a terminal runs as
   * one block, so a failed check stops all of it), or null when the script has no block.
   */
  block: { open: number; close: number } | null;
}
