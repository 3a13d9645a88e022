// A strict reader for the miniupnpd target's permission lines, following miniupnpd's own parser:
// options.c readoptionsfile (fgets into 1024 bytes, trailing blanks cut, "#" lines skipped) and
// upnppermissions.c read_permission_line (allow|deny, eport[-eport], ip[/bits|/mask], iport[-iport],
// an optional quoted regex that synfw never writes). Anything else, including option lines, is an
// error; so is a list that does not end with the deny-all line.

export interface Perm {
  type: 'allow' | 'deny';
  ext: [number, number];
  /** Network address as a 32-bit number, and the mask. */
  address: number;
  mask: number;
  int: [number, number];
  line: number;
}

export interface ParsedConf {
  perms: Perm[];
  /** Every comment line's text after "#", in order, with its line number. */
  comments: { text: string; line: number }[];
}

/** miniupnpd reads each line with fgets(buffer, 1024): a longer line is split in two. */
export const FGETS_MAX = 1023;

const PORTS = /^(\d+)(?:-(\d+))?$/;
const OCTET = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^${OCTET}\\.${OCTET}\\.${OCTET}\\.${OCTET}$`);

function ports(tok: string, line: number): [number, number] {
  const m = PORTS.exec(tok);
  if (!m) throw new Error(`line ${line}: bad port token ${JSON.stringify(tok)}`);
  const a = Number(m[1]);
  const b = m[2] === undefined ? a : Number(m[2]);
  if (a > 65535 || b > 65535 || a > b) throw new Error(`line ${line}: bad port range ${tok}`);
  return [a, b];
}

function ipv4(tok: string, line: number): number {
  const m = IPV4.exec(tok);
  if (!m) throw new Error(`line ${line}: bad address ${JSON.stringify(tok)} (synfw writes plain dotted quads only)`);
  return m.slice(1, 5).reduce((n, o) => n * 256 + Number(o), 0);
}

function network(tok: string, line: number): { address: number; mask: number } {
  const [addr, bits, extra] = tok.split('/');
  if (extra !== undefined) throw new Error(`line ${line}: bad network ${tok}`);
  const address = ipv4(addr!, line);
  if (bits === undefined) return { address, mask: 0xffffffff };
  if (bits.includes('.')) return { address, mask: ipv4(bits, line) };
  if (!/^\d{1,2}$/.test(bits) || Number(bits) > 32) throw new Error(`line ${line}: bad prefix length ${bits}`);
  const n = Number(bits);
  return { address, mask: n === 0 ? 0 : (0xffffffff << (32 - n)) >>> 0 };
}

export function parseMiniupnpd(text: string): ParsedConf {
  if (!text.endsWith('\n')) throw new Error('last line has no newline');
  const perms: Perm[] = [];
  const comments: ParsedConf['comments'] = [];
  text
    .slice(0, -1)
    .split('\n')
    .forEach((raw, i) => {
      const line = i + 1;
      if (Buffer.byteLength(raw) + 1 > FGETS_MAX) throw new Error(`line ${line} is longer than miniupnpd's fgets buffer`);
      // eslint-disable-next-line no-control-regex
      if (/[\u0000-\u0008\u000b-\u001f\u007f]/.test(raw)) throw new Error(`line ${line} has a control character`);
      const body = raw.replace(/^\s+/, '').replace(/\s+$/, '');
      if (body === '') return;
      if (body.startsWith('#')) {
        comments.push({ text: body.slice(1), line });
        return;
      }
      const tokens = body.split(/[ \t]+/);
      const [type, ext, net, int, ...rest] = tokens;
      if (type !== 'allow' && type !== 'deny') throw new Error(`line ${line}: not a permission line: ${JSON.stringify(raw)}`);
      if (ext === undefined || net === undefined || int === undefined) throw new Error(`line ${line}: too few tokens`);
      if (rest.length) throw new Error(`line ${line}: unexpected 5th token ${JSON.stringify(rest.join(' '))} (a regex needs miniupnpd built with --regex)`);
      perms.push({ type, ext: ports(ext, line), ...network(net, line), int: ports(int, line), line });
    });
  const last = perms[perms.length - 1];
  if (!last || last.type !== 'deny' || last.ext.join() !== '0,65535' || last.int.join() !== '0,65535' || last.mask !== 0) {
    throw new Error('the last permission line is not "deny 0-65535 0.0.0.0/0 0-65535"');
  }
  return { perms, comments };
}

/** check_upnp_rule_against_permissions: the first matching line decides; no match means accept. */
export function permitted(perms: Perm[], ext: number, address: string, int: number): boolean {
  const a = ipv4(address, 0);
  for (const p of perms) {
    if (ext < p.ext[0] || ext > p.ext[1] || int < p.int[0] || int > p.int[1]) continue;
    if (((a & p.mask) >>> 0) !== ((p.address & p.mask) >>> 0)) continue;
    return p.type === 'allow';
  }
  return true;
}

/** Every (external, internal) pair the lines allow for `address`, expanded per port. */
export function allowedPairs(perms: Perm[], address: string): Set<string> {
  const out = new Set<string>();
  for (const p of perms) {
    if (p.type !== 'allow') continue;
    for (let e = p.ext[0]; e <= p.ext[1]; e++) {
      for (let i = p.int[0]; i <= p.int[1]; i++) if (permitted(perms, e, address, i)) out.add(`${e}>${i}`);
    }
  }
  return out;
}
