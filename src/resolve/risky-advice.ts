// How synfw talks about a risky port it does not forward: what the port would expose, the safe
// choice first (the app's encrypted port, or a VPN), and allowRisky only as the last resort.

export interface RiskyPort {
  /** "5000/tcp" */
  ports: string;
  /** The catalog label, when it says more than the port number. */
  label?: string;
  /** What the port is, from the catalog ("DSM web UI and API over cleartext HTTP"). */
  purpose: string;
  /** The encrypted port of the same app that does the same job, as "https (5001/tcp)". */
  encrypted?: string;
}

const VPN = 'reach it through a VPN on the NAS (apps vpn-server-openvpn or wireguard)';

/** The encrypted twin of a cleartext label: http -> https, web-http -> web-https, imap -> imaps. */
export function encryptedTwin(label: string, labels: readonly string[]): string | undefined {
  const candidates = [label.replace(/http$/, 'https'), `${label}s`].filter((l) => l !== label);
  return candidates.find((l) => labels.includes(l));
}

/**
 * "5000/tcp (http) is not forwarded: it is risky to expose to the internet (DSM web UI and API
 * over cleartext HTTP); use the encrypted port https (5001/tcp) instead, or reach it through a VPN
 * ...; to forward it anyway, add "dsm:http" to allowRisky"
 */
export function riskyAdvice(ports: RiskyPort[], allowEntries: string[]): string {
  const many = ports.length > 1;
  const list = ports.map((p) => (p.label ? `${p.ports} (${p.label})` : p.ports)).join(', ');
  const exposes = [...new Set(ports.map((p) => p.purpose))].join('; ');
  const encrypted = [...new Set(ports.map((p) => p.encrypted).filter((e): e is string => e !== undefined))];
  const vpn = many ? VPN.replace('reach it', 'reach them') : VPN;
  const safe = encrypted.length ? `use the encrypted port${encrypted.length > 1 ? 's' : ''} ${encrypted.join(', ')} instead, or ${vpn}` : vpn;
  const entries = allowEntries.map((e) => `"${e}"`).join(', ');
  return `${list} ${many ? 'are' : 'is'} not forwarded: ${many ? 'they are' : 'it is'} risky to expose to the internet (${exposes}); ${safe}; to forward ${many ? 'them' : 'it'} anyway, add ${entries} to allowRisky`;
}
