import type { Link, Nodes, PhrasingContent, Text } from 'mdast';
import type { DirectiveReference } from '../content/parse-section.js';
import { createLocator, type Locator, type Range } from '../diagnostics/index.js';
import type { FactEntity, Model, SectionEntity } from '../schema/model.js';
import { renderedFactText } from './fact-text.js';

/**
 * A section's prose as the prose checks read it: one block per paragraph, heading or table
 * row (a row reads as one statement: "Accounts (alleged by Anthropic) | nearly 25,000"; its
 * cells are joined by a placeholder), flattened to the text a reader sees. Facts appear as their rendered text (so a
 * `{show=statement}` carries its own attribution); citations, code, raw HTML, footnote marks,
 * images and bare URLs appear as one placeholder character each, so they are never read as prose
 * and numbers never run across them. Every character written by the author maps back to its
 * offset in the file, so findings are placed exactly.
 */
export interface ProseBlock {
  readonly section: SectionEntity;
  readonly kind: 'paragraph' | 'heading' | 'tableRow';
  readonly text: string;
  /** For a table body row, the header row's text: column headings can attribute a whole column. */
  readonly header: string | undefined;
  readonly pieces: readonly ProsePiece[];
  /** Offset in `section.text` of the character at `index` of `text`; undefined for generated text. */
  sourceOffset(index: number): number | undefined;
}

export type ProsePiece =
  | { readonly kind: 'text'; readonly start: number; readonly end: number }
  | { readonly kind: 'fact'; readonly start: number; readonly end: number; readonly ref: DirectiveReference; readonly fact: FactEntity | undefined }
  | { readonly kind: 'cite'; readonly start: number; readonly end: number; readonly ref: DirectiveReference }
  | { readonly kind: 'opaque'; readonly start: number; readonly end: number };

/** Stands for anything in a block that is not prose. */
export const placeholder = '\uFFFC';

const blockKinds = new Set(['paragraph', 'heading']);
const skippedBlocks = new Set(['code', 'html', 'yaml', 'definition']);

const blockCache = new WeakMap<SectionEntity, ProseBlock[]>();

export function proseBlocks(section: SectionEntity, model: Model): ProseBlock[] {
  const cached = blockCache.get(section);
  if (cached) return cached;
  const refs = new Map(section.references.map((r) => [pointKey(r.range.start), r] as const));
  const blocks: ProseBlock[] = [];
  const walk = (node: Nodes) => {
    if (skippedBlocks.has(node.type)) return;
    if (blockKinds.has(node.type) && 'children' in node) {
      blocks.push(buildBlock(section, model, refs, node.type as ProseBlock['kind'], [node.children as PhrasingContent[]], undefined));
      return;
    }
    if (node.type === 'table') {
      const rows = node.children.map((row) =>
        buildBlock(section, model, refs, 'tableRow', row.children.map((cell) => cell.children), undefined),
      );
      const header = rows[0]?.text;
      rows.forEach((row, i) => blocks.push(i === 0 ? row : { ...row, header }));
      return;
    }
    if ('children' in node) for (const child of node.children) walk(child as Nodes);
  };
  walk(section.tree);
  blockCache.set(section, blocks);
  return blocks;
}

function buildBlock(
  section: SectionEntity,
  model: Model,
  refs: ReadonlyMap<string, DirectiveReference>,
  kind: ProseBlock['kind'],
  parts: readonly (readonly PhrasingContent[])[],
  header: string | undefined,
): ProseBlock {
  let text = '';
  const map = new OffsetMap();
  const pieces: ProsePiece[] = [];
  const opaque = () => {
    pieces.push({ kind: 'opaque', start: text.length, end: text.length + 1 });
    text += placeholder;
  };
  const visit = (nodes: readonly PhrasingContent[]) => {
    for (const node of nodes) {
      switch (node.type) {
        case 'text': {
          const start = text.length;
          text += node.value;
          mapText(section.text, node, start, map);
          pieces.push({ kind: 'text', start, end: text.length });
          break;
        }
        case 'break':
          text += '\n';
          break;
        case 'emphasis':
        case 'strong':
        case 'delete':
        case 'linkReference':
          visit(node.children);
          break;
        case 'link':
          if (isBareUrl(node)) opaque();
          else visit(node.children);
          break;
        case 'textDirective': {
          const ref = node.position ? refs.get(pointKey(node.position.start)) : undefined;
          if (!ref) {
            opaque();
            break;
          }
          if (ref.kind === 'cite') {
            pieces.push({ kind: 'cite', start: text.length, end: text.length + 1, ref });
            text += placeholder;
            break;
          }
          const fact = model.facts.get(ref.id);
          const rendered = fact ? renderedFactText(fact, ref.show) : placeholder;
          pieces.push({ kind: 'fact', start: text.length, end: text.length + rendered.length, ref, fact });
          text += rendered;
          break;
        }
        default:
          // inlineCode, inline html, images, footnote references: not prose.
          opaque();
      }
    }
  };
  parts.forEach((part, i) => {
    if (i > 0) opaque(); // between table cells
    visit(part);
  });
  return { section, kind, text, header, pieces, sourceOffset: (index) => map.at(index) };
}

/** An autolink or GFM literal URL: its text is the address, not prose. */
function isBareUrl(link: Link): boolean {
  if (link.children.length !== 1 || link.children[0]!.type !== 'text') return false;
  const text = link.children[0].value;
  return link.url === text || link.url === `mailto:${text}` || link.url === `http://${text}` || link.url === `https://${text}`;
}

/**
 * Where a block's characters came from: runs of consecutive characters that map one to one onto
 * consecutive source offsets; a character in no run (generated text) has no source offset. A
 * plain text node is one run. It replaces an array of one offset per character (≈140,000 for the
 * bench corpus's 60 sections, each made by a callback and pushed): HTML-only build of the 20
 * briefings, 12 alternating runs, 1.22 → 1.20 s, the main thread ≈0.80 → ≈0.76 CPU-seconds.
 */
class OffsetMap {
  /** Flat triples: index in the block text, offset in the source, length. */
  private readonly runs: number[] = [];

  /** Maps block character `index` to source `offset`, extending the last run when it continues it. */
  add(index: number, offset: number, length = 1): void {
    const n = this.runs.length;
    if (n > 0 && this.runs[n - 3]! + this.runs[n - 1]! === index && this.runs[n - 2]! + this.runs[n - 1]! === offset) this.runs[n - 1]! += length;
    else this.runs.push(index, offset, length);
  }

  at(index: number): number | undefined {
    let low = 0;
    let high = this.runs.length / 3 - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const start = this.runs[mid * 3]!;
      if (index < start) high = mid - 1;
      else if (index >= start + this.runs[mid * 3 + 2]!) low = mid + 1;
      else return this.runs[mid * 3 + 1]! + (index - start);
    }
    return undefined;
  }
}

/**
 * Maps each character of a text node's value, written at `at` in the block text, to its source
 * offset. The value equals the source slice unless the author used escapes (`\*`) or character
 * references (`&amp;`); those are walked character by character. Anything else unexpected stays
 * unmapped rather than a guess.
 */
function mapText(source: string, node: Text, at: number, map: OffsetMap): void {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  const value = node.value;
  if (start === undefined || end === undefined) return;
  const slice = source.slice(start, end);
  if (slice === value) {
    if (value.length > 0) map.add(at, start, value.length);
    return;
  }
  let s = 0;
  for (let v = 0; v < value.length; v++) {
    if (slice[s] === value[v]) {
      map.add(at + v, start + s);
      s++;
      continue;
    }
    if (slice[s] === '\\' && slice[s + 1] === value[v]) {
      map.add(at + v, start + s);
      s += 2;
      continue;
    }
    const reference = slice[s] === '&' ? /^&(?:#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{1,31});/i.exec(slice.slice(s)) : null;
    if (reference) {
      map.add(at + v, start + s);
      s += reference[0].length;
      continue;
    }
    return;
  }
}

function pointKey(point: { line: number; column: number }): string {
  return `${point.line}:${point.column}`;
}

const locators = new WeakMap<SectionEntity, Locator>();

/** The exact range of `text[start, end)` of a block, or undefined if any end is generated text. */
export function blockRange(block: ProseBlock, start: number, end: number): Range | undefined {
  const from = block.sourceOffset(start);
  const to = block.sourceOffset(end - 1);
  if (from === undefined || to === undefined) return undefined;
  let locator = locators.get(block.section);
  if (!locator) {
    locator = createLocator(block.section.text);
    locators.set(block.section, locator);
  }
  return locator.range(from, to + 1);
}

/**
 * The block text with every character a fact directive produced replaced by the placeholder: what
 * the author typed, at the same offsets (UTF-16 code units, as every index into a block).
 */
export function authoredText(block: ProseBlock): string {
  let out = '';
  let from = 0;
  for (const piece of block.pieces) {
    if (piece.kind !== 'fact') continue;
    out += block.text.slice(from, piece.start) + placeholder.repeat(piece.end - piece.start);
    from = piece.end;
  }
  return from === 0 ? block.text : out + block.text.slice(from);
}

/** Whether `index` of the block text was produced by a fact directive. */
export function isFactText(block: ProseBlock, index: number): boolean {
  return block.pieces.some((p) => p.kind === 'fact' && p.start <= index && index < p.end);
}
