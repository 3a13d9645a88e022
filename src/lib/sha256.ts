// SHA-256 (FIPS 180-4) of a string's UTF-8 bytes, in plain TypeScript so the core runs unchanged in
// Node and in a browser: targets hash profile names into ids, chain names and rule numbers. Inputs
// are a few hundred bytes at most. Equal to node:crypto's
// createHash('sha256').update(text) byte for byte (test/unit/portable.test.ts), lone surrogates
// included (both encode them as U+FFFD).

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

// Targets hash the profile name with every rule (10,000 rules are 20,000 digests for OPNsense), so
// a digest allocates nothing but its result: the message is encoded into one buffer that grows
// when needed, the schedule is reused, and the rounds keep the state in locals.
let msg = new Uint8Array(256);
const w = new Uint32Array(64);
const state = new Int32Array(8);

/** `text` as UTF-8 (a lone surrogate as U+FFFD, as TextEncoder writes it) into `msg`; its length. */
function encodeUtf8(text: string): number {
  if (msg.length < text.length * 3 + 72) msg = new Uint8Array(text.length * 3 + 72);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      msg[n++] = c;
      continue;
    }
    if (c < 0x800) {
      msg[n++] = 0xc0 | (c >> 6);
      msg[n++] = 0x80 | (c & 0x3f);
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const low = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && (low & 0xfc00) === 0xdc00) {
        c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
        i++;
        msg[n++] = 0xf0 | (c >> 18);
        msg[n++] = 0x80 | ((c >> 12) & 0x3f);
        msg[n++] = 0x80 | ((c >> 6) & 0x3f);
        msg[n++] = 0x80 | (c & 0x3f);
        continue;
      }
      c = 0xfffd;
    }
    msg[n++] = 0xe0 | (c >> 12);
    msg[n++] = 0x80 | ((c >> 6) & 0x3f);
    msg[n++] = 0x80 | (c & 0x3f);
  }
  return n;
}

/** The digest of `text` as UTF-8, left in `state` as eight 32-bit words. */
function digest(text: string): void {
  const length = encodeUtf8(text);
  // The message, a 1 bit, zeros, and the bit length as 64 bits: a whole number of 64-byte blocks.
  const total = Math.ceil((length + 9) / 64) * 64;
  msg[length] = 0x80;
  msg.fill(0, length + 1, total);
  const bitsHigh = Math.floor(length / 0x20000000);
  const bitsLow = (length * 8) >>> 0;
  for (let k = 0; k < 4; k++) {
    msg[total - 8 + k] = (bitsHigh >>> (24 - 8 * k)) & 0xff;
    msg[total - 4 + k] = (bitsLow >>> (24 - 8 * k)) & 0xff;
  }

  let h0 = 0x6a09e667 | 0;
  let h1 = 0xbb67ae85 | 0;
  let h2 = 0x3c6ef372 | 0;
  let h3 = 0xa54ff53a | 0;
  let h4 = 0x510e527f | 0;
  let h5 = 0x9b05688c | 0;
  let h6 = 0x1f83d9ab | 0;
  let h7 = 0x5be0cd19 | 0;
  for (let off = 0; off < total; off += 64) {
    for (let i = 0; i < 16; i++) {
      const j = off + i * 4;
      w[i] = (msg[j]! << 24) | (msg[j + 1]! << 16) | (msg[j + 2]! << 8) | msg[j + 3]!;
    }
    // Rotations are written out ((x >>> n) | (x << 32 - n)) rather than called: a digest runs
    // thousands of times before V8 optimises it, and until then each call of a helper is a real call.
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15]!;
      const b = w[i - 2]!;
      const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
      const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
      w[i] = w[i - 16]! + s0 + w[i - 7]! + s1;
    }
    let a = h0;
    let b = h1;
    let c = h2;
    let d = h3;
    let e = h4;
    let f = h5;
    let g = h6;
    let hh = h7;
    for (let i = 0; i < 64; i++) {
      const t1 = (hh + (((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))) + ((e & f) ^ (~e & g)) + K[i]! + w[i]!) | 0;
      const t2 = ((((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + b) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
    h5 = (h5 + f) | 0;
    h6 = (h6 + g) | 0;
    h7 = (h7 + hh) | 0;
  }
  state[0] = h0;
  state[1] = h1;
  state[2] = h2;
  state[3] = h3;
  state[4] = h4;
  state[5] = h5;
  state[6] = h6;
  state[7] = h7;
}

/**
 * The 32-byte digest of `text` encoded as UTF-8, in `out` if given (a caller hashing once per rule
 * reuses one buffer instead of allocating a typed array per rule).
 */
export function sha256(text: string, out = new Uint8Array(32)): Uint8Array {
  digest(text);
  for (let i = 0; i < 32; i++) out[i] = (state[i >> 2]! >>> (24 - 8 * (i & 3))) & 0xff;
  return out;
}

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/** The digest as 64 lowercase hex digits. */
export function sha256Hex(text: string): string {
  digest(text);
  let hex = '';
  for (let i = 0; i < 8; i++) {
    const word = state[i]!;
    hex += HEX[(word >>> 24) & 0xff]! + HEX[(word >>> 16) & 0xff]! + HEX[(word >>> 8) & 0xff]! + HEX[word & 0xff]!;
  }
  return hex;
}
