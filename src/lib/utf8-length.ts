// The UTF-8 length of a string without encoding it, the same in Node and in a browser: equal to
// Buffer.byteLength(s, 'utf8') for every string (test/unit/portable.test.ts), so a lone surrogate
// counts 3 bytes, as the U+FFFD that encoding writes for it.

export function utf8Length(s: string): number {
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
