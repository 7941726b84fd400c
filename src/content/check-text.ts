import { createDiagnostic, createLocator, type Diagnostic } from '../diagnostics/index.js';

export interface CheckTextOptions {
  /** Accept bidi controls and invisible characters (config `allow_hidden_characters`). */
  readonly allowHiddenCharacters?: boolean;
}

export interface CheckTextResult {
  readonly diagnostics: Diagnostic[];
  /** The file holds control characters no parser should see: it is refused, not parsed. */
  readonly refused: boolean;
}

/** Controls that have no place in text: C0 except TAB and LF (CR is normalized away before), DEL, C1. */
const controlCharacter = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/gu;

/**
 * Characters that change what a reader sees without being seen (Trojan Source, CVE-2021-42574):
 * bidi embeddings, overrides, isolates and marks; zero-width and other invisible format
 * characters; Hangul fillers; interlinear annotations; a BOM after the start. ZWJ and ZWNJ
 * (U+200C, U+200D) are not here: emoji sequences and many scripts need them, and they cannot
 * reorder text. Tag characters are allowed only inside an emoji flag sequence (🏴 + tags).
 */
const hiddenCharacter = /[\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u206a-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb]|(?<![\u{e0020}-\u{e007e}\u{1f3f4}])[\u{e0001}-\u{e007f}]/gu;

const maxReportsPerFile = 10;

const names: Record<number, string> = {
  0x200b: 'ZERO WIDTH SPACE',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
  0x0000: 'NUL',
};

/**
 * Reports control characters (always: the file is refused) and hidden characters (unless
 * allowed) with their exact line and column. Reporting, not stripping: nothing is lost
 * silently, and the author decides.
 */
export function checkText(path: string, text: string, options: CheckTextOptions = {}): CheckTextResult {
  const diagnostics: Diagnostic[] = [];
  let locator: ReturnType<typeof createLocator> | undefined;
  const at = (offset: number, length: number) => (locator ??= createLocator(text)).range(offset, offset + length);
  const describe = (ch: string) => {
    const cp = ch.codePointAt(0)!;
    const name = names[cp];
    return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}${name ? ` ${name}` : ''}`;
  };

  let controls = 0;
  for (const match of text.matchAll(controlCharacter)) {
    if (controls++ >= maxReportsPerFile) break;
    diagnostics.push(
      createDiagnostic('text-encoding-invalid', {
        file: path,
        range: at(match.index, match[0].length),
        message: `Control character ${describe(match[0])} in text`,
      }),
    );
  }
  if (!options.allowHiddenCharacters) {
    let hidden = 0;
    for (const match of text.matchAll(hiddenCharacter)) {
      if (hidden++ >= maxReportsPerFile) break;
      diagnostics.push(
        createDiagnostic('text-hidden-character', {
          file: path,
          range: at(match.index, match[0].length),
          message: `Invisible or bidirectional control character ${describe(match[0])}`,
        }),
      );
    }
  }
  return { diagnostics, refused: controls > 0 };
}
