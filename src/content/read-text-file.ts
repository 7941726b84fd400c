import { readFile, stat } from 'node:fs/promises';
import { decodeUtf8 } from './decode-utf8.js';
import { maxTextFileBytes, normalizeText } from './text-file.js';

export type ReadTextFileResult =
  | { readonly kind: 'absent' }
  | { readonly kind: 'too-large'; readonly size: number }
  /** `validPrefix` is normalized, so a position at its end is in the coordinates of every other diagnostic. */
  | { readonly kind: 'invalid-utf8'; readonly invalidAt: number; readonly byte: number; readonly validPrefix: string }
  | { readonly kind: 'text'; readonly text: string };

/**
 * One input file as the project sees it: size-capped, strict UTF-8, BOM and CR/LF normalized.
 * readProject and the CLI's early section pass both read through here, so the early pass keys
 * its trees by exactly the text the load reads.
 */
export async function readTextFile(abs: string): Promise<ReadTextFileResult> {
  const info = await stat(abs).catch(() => undefined);
  if (!info?.isFile()) return { kind: 'absent' };
  if (info.size > maxTextFileBytes) return { kind: 'too-large', size: info.size };
  const bytes = await readFile(abs);
  const decoded = decodeUtf8(bytes);
  if ('invalidAt' in decoded) return { kind: 'invalid-utf8', invalidAt: decoded.invalidAt, byte: bytes[decoded.invalidAt]!, validPrefix: normalizeText(decoded.validPrefix) };
  return { kind: 'text', text: normalizeText(decoded.text) };
}
