// A throwaway OpenSSH server for `synfw apply` in the lab: its own host key, client key and
// config in a directory of the lab (nothing of the host's sshd or ~/.ssh is used), no PAM, root
// by key only, listening on the router's LAN address inside the router's network namespace. The
// client side is the system ssh, given the key and known_hosts through --ssh-option.

import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { must, waitForOutput, type Lab } from './lab.js';

export const SSH_TOOLS = ['ssh', 'ssh-keygen', 'scp'];
export const SSHD = '/usr/sbin/sshd';

export interface SshAccess {
  /** --ssh */
  host: string;
  /** --ssh-option values. */
  options: string[];
}

export interface SshFiles {
  /** Where the files are on the host. */
  dir: string;
  /** sshd's -f file, as seen by `seen` (the path inside the namespace that runs sshd). */
  config: string;
  access: SshAccess;
}

/**
 * Keys and configs in `dir` (on the host); `seen` is the same directory as sshd sees it (OpenWrt's
 * namespace binds the lab's tmp over /tmp).
 */
export async function sshFiles(lab: Lab, dir: string, seen = dir): Promise<SshFiles> {
  mkdirSync(dir, { recursive: true });
  await Promise.all([
    must(['ssh-keygen', '-q', '-t', 'ed25519', '-N', '', '-C', 'synfw-lab-host', '-f', join(dir, 'host_key')]),
    must(['ssh-keygen', '-q', '-t', 'ed25519', '-N', '', '-C', 'synfw-lab-client', '-f', join(dir, 'client_key')]),
  ]);
  writeFileSync(join(dir, 'authorized_keys'), readFileSync(join(dir, 'client_key.pub')));
  const [kind, key] = readFileSync(join(dir, 'host_key.pub'), 'utf8').split(' ');
  writeFileSync(join(dir, 'known_hosts'), `${lab.routerLanAddr} ${kind} ${key}\n`);
  for (const f of ['host_key', 'client_key']) chmodSync(join(dir, f), 0o600);
  writeFileSync(
    join(dir, 'sshd_config'),
    [
      `ListenAddress ${lab.routerLanAddr}`,
      `HostKey ${seen}/host_key`,
      `AuthorizedKeysFile ${seen}/authorized_keys`,
      `PidFile ${seen}/sshd.pid`,
      'UsePAM no',
      'PermitRootLogin prohibit-password',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'StrictModes no',
      'PrintMotd no',
      'Subsystem sftp internal-sftp',
      '',
    ].join('\n'),
  );
  return {
    dir,
    config: `${seen}/sshd_config`,
    access: {
      host: `root@${lab.routerLanAddr}`,
      options: [`IdentityFile=${dir}/client_key`, 'IdentitiesOnly=yes', `UserKnownHostsFile=${dir}/known_hosts`, 'GlobalKnownHostsFile=/dev/null', 'StrictHostKeyChecking=yes', 'BatchMode=yes', 'ConnectTimeout=5'],
    },
  };
}

/** sshd in the router's network namespace (the host's mount namespace): a plain Linux router. */
export async function startSshd(lab: Lab, files: SshFiles): Promise<void> {
  // The privilege separation directory Debian's package creates at boot; harmless if it exists.
  mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  const child = lab.spawnIn('rtr', [SSHD, '-D', '-e', '-f', files.config]);
  await waitForOutput(child, /Server listening on/, 10_000, 'sshd');
}
