// Client-side prober for the router lab. Run inside a client namespace (WAN client, second WAN
// client, LAN client) with a JSON array of probes on stdin:
// [{ "proto": "tcp"|"udp", "host": "203.0.113.1" | "2001:db8::5", "port": 443, "timeoutMs": 2000 }].
// Runs them all at once and prints one JSON array, in the same order:
// [{ "answer": 5001, "peer": "203.0.113.7" } | { "answer": null, "error": "ECONNREFUSED" | "timeout" | ... }].
// An answer is the port number a lab listener wrote back, i.e. the NAS port the packet reached;
// peer is the source address the listener saw.

import { createSocket } from 'node:dgram';
import { connect, isIPv6 } from 'node:net';

function parseAnswer(text) {
  const m = /^(\d+)(?: (\S+))?\n?$/.exec(text);
  return m ? { answer: Number(m[1]), ...(m[2] ? { peer: m[2] } : {}) } : null;
}

function tcp({ host, port, timeoutMs }) {
  return new Promise((resolve) => {
    let data = '';
    let done = false;
    const finish = (r) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      sock.destroy();
      resolve(r);
    };
    const sock = connect({ host, port });
    const timer = setTimeout(() => finish({ answer: null, error: 'timeout' }), timeoutMs);
    sock.setEncoding('utf8');
    sock.on('data', (d) => (data += d));
    sock.on('end', () => {
      const answer = parseAnswer(data);
      finish(answer === null ? { answer: null, error: `unexpected reply ${JSON.stringify(data)}` } : answer);
    });
    sock.on('error', (e) => finish({ answer: null, error: e.code ?? e.message }));
  });
}

function udp({ host, port, timeoutMs }) {
  return new Promise((resolve) => {
    const sock = createSocket(isIPv6(host) ? 'udp6' : 'udp4');
    let done = false;
    const finish = (r) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      clearInterval(resend);
      sock.close();
      resolve(r);
    };
    const send = () => sock.send('?', port, host, () => {});
    const timer = setTimeout(() => finish({ answer: null, error: 'timeout' }), timeoutMs);
    // UDP has no handshake: send again now and then, in case the first datagram was lost.
    const resend = setInterval(send, 250);
    sock.on('message', (msg, rinfo) => {
      const answer = parseAnswer(msg.toString('utf8'));
      finish(answer === null ? { answer: null, error: `unexpected reply ${JSON.stringify(msg.toString('utf8'))} from ${rinfo.address}` } : answer);
    });
    sock.on('error', (e) => finish({ answer: null, error: e.code ?? e.message }));
    sock.bind(0, send);
  });
}

let input = '';
process.stdin.setEncoding('utf8');
for await (const chunk of process.stdin) input += chunk;
const probes = JSON.parse(input);
const results = await Promise.all(probes.map((p) => (p.proto === 'tcp' ? tcp(p) : udp(p))));
process.stdout.write(`${JSON.stringify(results)}\n`);
