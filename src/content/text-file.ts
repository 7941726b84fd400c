/** One input file as text. `path` is relative to the project root, POSIX separators. */
export interface TextFile {
  readonly path: string;
  readonly text: string;
}

/** Larger inputs are refused before parsing: no briefing needs them and parsers are not linear. */
export const maxTextFileBytes = 2 * 1024 * 1024;

/** Strips a BOM and normalizes CRLF/CR so positions are the same on every platform. */
export function normalizeText(text: string): string {
  const noBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return noBom.includes('\r') ? noBom.replace(/\r\n?/g, '\n') : noBom;
}
