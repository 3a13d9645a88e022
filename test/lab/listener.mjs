// NAS-side listeners for the router lab. Run inside the NAS namespace:
//   node listener.mjs tcp:5001 udp:1194 ...
// Listens on every given port (0.0.0.0), answers each TCP connection and each UDP datagram with
// its own port number and a newline, and prints "ready" once every socket is bound. Exits 1 if a
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

function listen({ proto, port }) {
  const answer = Buffer.from(`${port}\n`);
  return new Promise((resolve, reject) => {
    if (proto === 'tcp') {
      const server = createServer((sock) => {
        sock.on('error', () => {});
        sock.end(answer);
      });
      server.once('error', reject);
      server.listen({ host: '0.0.0.0', port, backlog: 256 }, () => resolve());
    } else {
      const sock = createSocket('udp4');
      sock.once('error', reject);
      sock.on('message', (_msg, rinfo) => sock.send(answer, rinfo.port, rinfo.address));
      sock.bind({ address: '0.0.0.0', port }, () => resolve());
    }
  });
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
