// NAS-side listeners for the router lab. Run inside the NAS namespace:
//   node listener.mjs tcp:5001 udp:1194 ...
// Listens on every given port, IPv4 and IPv6 (a dual-stack socket on ::, or 0.0.0.0 where the
// namespace has no IPv6), answers each TCP connection and each UDP datagram with its own port
// number, a space, the source address it saw (IPv4-mapped addresses as plain IPv4) and a newline,
// e.g. "5001 203.0.113.7\n", and prints "ready" once every socket is bound. Exits 1 if a
// port cannot be bound; exits when its stdin closes (the test process died) or after 10 minutes,
// so that it never outlives a crashed run.

import { createSocket } from 'node:dgram';
import { createServer } from 'node:net';

const specs = process.argv.slice(2).map((arg) => {
  const m = /^(tcp|udp):(\d+)$/.exec(arg);
  if (!m) {
    console.error(`listener: bad argument ${arg} (want tcp:PORT or udp:PORT)`);
    process.exit(2);
  }
  return { proto: m[1], port: Number(m[2]) };
});

const plain = (address) => (address ?? '?').replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1');
const answer = (port, address) => Buffer.from(`${port} ${plain(address)}\n`);

function listenOn({ proto, port }, host) {
  return new Promise((resolve, reject) => {
    if (proto === 'tcp') {
      const server = createServer((sock) => {
        sock.on('error', () => {});
        sock.end(answer(port, sock.remoteAddress));
      });
      server.once('error', reject);
      server.listen({ host, port, backlog: 256, ipv6Only: false }, () => resolve());
    } else {
      const sock = createSocket({ type: host === '::' ? 'udp6' : 'udp4', ipv6Only: false });
      sock.once('error', reject);
      sock.on('message', (_msg, rinfo) => sock.send(answer(port, rinfo.address), rinfo.port, rinfo.address));
      sock.bind({ address: host, port }, () => resolve());
    }
  });
}

/** Dual stack on ::, or IPv4 only when the namespace has no IPv6 at all. */
function listen(spec) {
  return listenOn(spec, '::').catch((e) => (e.code === 'EAFNOSUPPORT' || e.code === 'EADDRNOTAVAIL' ? listenOn(spec, '0.0.0.0') : Promise.reject(e)));
}

try {
  await Promise.all(specs.map((s) => listen(s).catch((e) => Promise.reject(new Error(`${s.proto}/${s.port}: ${e.message}`)))));
} catch (e) {
  console.error(`listener: cannot bind ${e.message}`);
  process.exit(1);
}
process.stdout.write('ready\n');
// Exit with the lab: on SIGTERM, when the test process dies (stdin closes), or after 10 minutes.
process.on('SIGTERM', () => process.exit(0));
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
setTimeout(() => process.exit(0), 600_000).unref();
