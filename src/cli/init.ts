// `synfw init`: a starter profile that validates as written, with the yaml-language-server line
// pointing at the schema relative to where the file will live.

import { existsSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../diagnostics.js';
import { catalogIndex } from '../pipeline.js';
import { checkIPv4 } from '../resolve/addresses.js';
import { didYouMean } from '../suggest.js';
import { writeAtomic } from './io.js';

const SCHEMA = fileURLToPath(new URL('../../schema/profile.schema.json', import.meta.url));

export function starterProfile(schemaRef: string, address: string, apps: string[]): string {
  return `# yaml-language-server: $schema=${schemaRef}
# A synfw profile: \`synfw plan FILE\` shows what it forwards, \`synfw gen FILE --target T\` prints rules.
version: 1
# name: home              # tags every generated rule as synfw:<name>; default: the file name
nas:
  address: ${address}     # the NAS's LAN IPv4 address
  # address6: "2001:db8::10"   # its global IPv6 address, for IPv6 allow rules where a target can
  # dsm:
  #   version: "7.2"      # default: the newest DSM synfw knows
  #   http: 5000          # Control Panel > Login Portal > DSM; apps served by DSM follow these
  #   https: 5001
# router:
#   wan: eth0             # WAN interface or zone; each target has its own default
apps:                     # \`synfw apps\` lists the ids; the short form forwards internet-safe ports
${apps.map((a) => `  - ${a}`).join('\n')}
# custom:                 # ports outside the catalog, e.g. a container
#   - id: plex
#     description: Plex Media Server
#     ports: ["32400/tcp"]
# allowRisky: ["dsm:http"]  # risky ports (cleartext, SMB, SSH...) you accept forwarding
`;
}

export function runInit(args: { address?: string; app?: string[]; out?: string }): void {
  const address = args.address ?? '192.168.1.10';
  const checked = checkIPv4(address);
  if (!checked.ok) throw new UsageError(`--address "${address}" ${checked.message}`);
  const index = catalogIndex();
  const apps = args.app?.length ? args.app : ['dsm'];
  for (const a of apps) {
    if (!index.byName.has(a)) throw new UsageError(`--app: unknown app "${a}"${didYouMean(a, index.byName.keys())}; \`synfw apps\` lists them`);
  }
  const dir = args.out !== undefined ? dirname(resolve(args.out)) : process.cwd();
  const schemaRef = relative(dir, SCHEMA).split('\\').join('/');
  const text = starterProfile(schemaRef, checked.value, apps);
  if (args.out === undefined) {
    process.stdout.write(text);
    return;
  }
  if (existsSync(args.out)) throw new UsageError(`${args.out} exists; synfw init never overwrites a file`);
  writeAtomic(args.out, text, { noClobber: true });
  process.stderr.write(`wrote ${args.out}\n`);
}
