// `synfw init`: a starter profile that passes `synfw check --strict` as written, with the
// yaml-language-server line pointing at synfw.schema.json beside it (written too when missing).

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { escapeUnsafe, quote, UsageError } from '../diagnostics.js';
import { catalogIndex, planFromText } from '../pipeline.js';
import { checkIPv4, isPrivateIPv4 } from '../resolve/addresses.js';
import { didYouMean } from '../suggest.js';
import { writeStderr, writeStdout } from './output.js';
import { SCHEMA_FILE_NAME, schemaText } from './schema-file.js';
import { writeFileAtomic } from './write-output.js';

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
# router:                 # each target has its own defaults; set these only to change them
#   wan: eth0             # the WAN: a Linux interface, an OpenWrt zone, a pfSense id (wan, opt1), ...
#   openwrt: { wan: wan } # per target: router.<target>.wan/lan win over router.wan/lan
apps:                     # \`synfw apps\` lists the ids; the short form forwards internet-safe ports
${apps.map((a) => `  - ${a}`).join('\n')}
# custom:                 # ports outside the catalog, e.g. a container
#   - id: game-server
#     description: Minecraft in a container
#     ports: ["25565/both"]
# allowRisky: ["dsm:http"]  # risky ports (cleartext, SMB, SSH...) you accept forwarding
`;
}

export async function runInit(args: { address?: string; app?: string[]; out?: string }): Promise<void> {
  const address = args.address ?? '192.168.1.10';
  const checked = checkIPv4(address);
  if (!checked.ok) throw new UsageError(`--address ${quote(address)} ${checked.message}`);
  const index = catalogIndex();
  const apps = args.app?.length ? args.app : ['dsm'];
  for (const a of apps) {
    if (!index.byName.has(a)) throw new UsageError(`--app: unknown app ${quote(a)}${didYouMean(a, index.byName.keys())}; \`synfw apps\` lists them`);
  }
  const text = starterProfile(SCHEMA_FILE_NAME, checked.value, apps);
  // The starter must pass check as written: an app with nothing safe to forward is refused here.
  const problem = planFromText(text, 'starter').diagnostics.find((d) => d.severity === 'error');
  if (problem) throw new UsageError(`the starter profile would not pass check: ${problem.message}`);
  if (!isPrivateIPv4(checked.value)) {
    writeStderr(`synfw: warning: --address ${checked.value} is not a private LAN address; check it is the NAS's LAN address\n`);
  }
  if (args.out === undefined || args.out === '-') {
    await writeStdout(text);
    writeStderr(`synfw: save the schema beside the profile for your editor: synfw schema -o ${SCHEMA_FILE_NAME}\n`);
    return;
  }
  if (existsSync(args.out)) throw new UsageError(`${args.out} exists; synfw init never overwrites a file`);
  writeFileAtomic(args.out, text, { noClobber: true });
  writeStderr(`wrote ${escapeUnsafe(args.out)}\n`);
  const schemaPath = join(dirname(args.out), SCHEMA_FILE_NAME);
  if (!existsSync(schemaPath)) {
    writeFileAtomic(schemaPath, schemaText(), { noClobber: true });
    writeStderr(escapeUnsafe(`wrote ${schemaPath} (the schema your editor reads; \`synfw schema -o ${schemaPath}\` refreshes it)`) + '\n');
  }
}
