/** How deep Markdown may nest before it is refused; no briefing needs a tenth of it. */
export const markdownLimits = {
  /** Block containers on one line: quote markers, list markers and indentation (2 columns a level). */
  containerDepth: 100,
  /** Open raw HTML elements at any point. */
  htmlDepth: 200,
  /** Depth of the parsed mdast tree (emphasis, links, … included). */
  treeDepth: 256,
} as const;

export interface ExcessiveNesting {
  /** Offset in the text where the limit is crossed. */
  readonly offset: number;
  readonly length: number;
  readonly message: string;
}

/** Elements that close themselves or need no end tag: they never add depth. */
const voidOrAutoClosing = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr',
  'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'rb', 'rt', 'rp', 'thead', 'tbody', 'tfoot', 'colgroup',
]);

const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/g;

/**
 * A cheap linear pre-scan for the nesting that makes the parsers recurse past the stack or run
 * for minutes (security.md §1.10: 2 KB of `>` or 25 KB of `<div>` overflow, a list nested 500
 * deep takes seconds). Approximate on purpose — it over-counts, never under-counts — and its
 * limits are far beyond real prose. Returns the first place a limit is crossed.
 */
export function findExcessiveNesting(text: string): ExcessiveNesting | undefined {
  let lineStart = 0;
  let fence: string | undefined;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence !== undefined) {
      if (fenceMatch && fenceMatch[1]![0] === fence[0] && fenceMatch[1]!.length >= fence.length) fence = undefined;
    } else if (fenceMatch) {
      fence = fenceMatch[1];
    } else {
      const excess = containerDepthOf(line);
      if (excess !== undefined) {
        return {
          offset: lineStart + excess,
          length: 1,
          message: `Quotes and lists nest more than ${markdownLimits.containerDepth} levels deep here`,
        };
      }
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }

  let depth = 0;
  for (const match of text.matchAll(tag)) {
    const name = match[2]!.toLowerCase();
    if (voidOrAutoClosing.has(name) || match[3] === '/') continue;
    if (match[1] === '/') depth = Math.max(0, depth - 1);
    else if (++depth > markdownLimits.htmlDepth) {
      return {
        offset: match.index,
        length: match[0].length,
        message: `HTML elements nest more than ${markdownLimits.htmlDepth} levels deep here (at \`<${name}>\`)`,
      };
    }
  }
  return undefined;
}

/** Offset in the line where container depth passes the limit, or undefined. */
function containerDepthOf(line: string): number | undefined {
  let depth = 0;
  let column = 0;
  let i = 0;
  let sawMarker = false;
  while (i < line.length) {
    const ch = line[i]!;
    if (ch === ' ' || ch === '\t') {
      column += ch === '\t' ? 4 - (column % 4) : 1;
      i++;
      // Leading indentation: every two columns can open a nested list level. Spaces after a
      // marker only separate it from the next one.
      if (!sawMarker && column % 2 === 0) depth++;
      continue;
    } else if (ch === '>') {
      depth++;
      column++;
      i++;
      sawMarker = true;
    } else {
      const marker = /^(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)/.exec(line.slice(i, i + 11));
      if (!marker) break;
      depth++;
      column += marker[0].length;
      i += marker[0].length;
      sawMarker = true;
    }
    if (depth > markdownLimits.containerDepth) return i - 1;
  }
  return undefined;
}
