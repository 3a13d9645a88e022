// Interfaces for scripts and files that check their interfaces exist (ip link show dev, nft's iif):
// shell lines that create each as one end of a veth pair inside the test's own network namespace
// (no dummy module needed). The peers are named synfw-peer0, synfw-peer1, ... and left alone.

/** Shell lines creating `links` (name -> IPv4 addresses to add, "203.0.113.1/24"; [] for none). */
export function linksSetup(links: Record<string, string[]> | string[]): string {
  const entries = Array.isArray(links) ? links.map((l): [string, string[]] => [l, []]) : Object.entries(links);
  return entries.flatMap(([dev, addrs], i) => [`ip link add ${dev} type veth peer name synfw-peer${i}`, ...addrs.map((a) => `ip addr add ${a} dev ${dev}`)]).join('\n');
}
