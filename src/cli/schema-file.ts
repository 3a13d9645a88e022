// The profile schema shipped with synfw, and where a profile's editor finds it: a copy named
// synfw.schema.json beside the profile, so the yaml-language-server line keeps working offline
// when the profile is moved or checked out elsewhere (the copy moves with it).

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SCHEMA_FILE_NAME = 'synfw.schema.json';

const SCHEMA = fileURLToPath(new URL('../../schema/profile.schema.json', import.meta.url));

export function schemaText(): string {
  return readFileSync(SCHEMA, 'utf8');
}
