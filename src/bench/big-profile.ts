// The generated profile the benchmark and the work-count test scale with.

/** A profile with `count` single TCP/UDP ports that do not merge (every other port). */
export function bigProfile(count: number, extra = ''): string {
  const ports = Array.from({ length: count }, (_, i) => `"${20000 + i * 2}/${i % 2 ? 'udp' : 'tcp'}"`);
  return `version: 1\nname: bench-${count}\nnas: { address: 192.168.1.10 }\n${extra}apps: []\ncustom:\n  - id: bulk\n    description: Generated benchmark ports\n    ports: [${ports.join(', ')}]\n`;
}
