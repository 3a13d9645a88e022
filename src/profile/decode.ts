// A profile's bytes as text, the same way for the CLI (files, stdin) and the browser page (a
// dropped or picked file): UTF-8, a BOM dropped; bytes that are not UTF-8 become U+FFFD and the
// first one's offset is kept, for SFW100 at its line and column.

/** The most a profile may be, in bytes: larger is an error before any work (/dev/zero, a 2 GB file). */
export const PROFILE_LIMIT = 4 * 1024 * 1024;
/** pfSense and OPNsense backups carry RRD data and packages: allow more than for a profile. */
export const MERGE_LIMIT = 64 * 1024 * 1024;

export interface Decoded {
  text: string;
  /** Offset (in `text`) of the first byte that is not UTF-8, when there is one. */
  badUtf8At?: number;
}

export function decodeUtf8(bytes: Uint8Array): Decoded {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    return { text, badUtf8At: text.indexOf('\ufffd') };
  }
}
