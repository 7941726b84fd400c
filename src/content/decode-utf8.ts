/** A decoded file, or the byte offset of its first invalid UTF-8 sequence. */
export type DecodeUtf8Result = { readonly text: string } | { readonly invalidAt: number; readonly validPrefix: string };

/**
 * Strict UTF-8 decoding that, unlike TextDecoder's `fatal` mode, says where the bad byte is:
 * the author needs a line and column, not "somewhere in this file".
 */
export function decodeUtf8(bytes: Uint8Array): DecodeUtf8Result {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const invalidAt = findInvalidUtf8(bytes);
    return { invalidAt, validPrefix: new TextDecoder('utf-8').decode(bytes.subarray(0, invalidAt)) };
  }
}

/** Offset of the first byte that does not start a well-formed sequence (RFC 3629 table 3-7). */
export function findInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min = 0x80;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) min = 0xa0; // overlong
      if (b === 0xed) max = 0x9f; // surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) min = 0x90; // overlong
      if (b === 0xf4) max = 0x8f; // beyond U+10FFFF
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      const lo = k === 1 ? min : 0x80;
      const hi = k === 1 ? max : 0xbf;
      if (c === undefined || c < lo || c > hi) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}
