import type { ElementContent, Root as HastRoot } from 'hast';
import { sanitize } from 'hast-util-sanitize';
import type { Paragraph } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { literalAutolinkMark } from '../content/parse-markdown.js';
import { cloneTree } from './clone-tree.js';
import { sanitizeSchema } from './sanitize-schema.js';

/**
 * Inline Markdown from YAML (a fact statement) as sanitized hast children. Statements are
 * data: their HTML is dropped (not parsed) and directives stay literal text — a fact can never
 * pull in another fact, and nothing in it is ever compiled as a template.
 */
const inlineParser = unified().use(remarkParse).use(remarkGfm).freeze();

/**
 * Rendered statements by text. The same statement is rendered for validation (its words and
 * numbers) and again for every document that shows it, and each parse runs a cold Markdown
 * parser (≈1–2 ms); a copy of the stored tree costs a few microseconds. Bounded, because a dev
 * server keeps the module alive through any number of edits.
 */
const rendered = new Map<string, ElementContent[]>();
const maxRendered = 2000;

export function renderInlineMarkdown(text: string): ElementContent[] {
  let children = rendered.get(text);
  if (children === undefined) {
    children = renderUncached(text);
    if (rendered.size >= maxRendered) rendered.clear();
    rendered.set(text, children);
  }
  // A copy: callers put the nodes into their own trees, which later steps may change.
  return cloneTree(children);
}

/**
 * A statement no Markdown construct can start in: one line of letters, digits, spaces and
 * punctuation that is neither syntax nor a GFM literal autolink, starting with a letter (so never
 * a list item, heading or quote) and without outer whitespace (which the parser trims). Nearly
 * every statement is one; the parser makes exactly one text node of it, so that node is made
 * directly. Each cold parse costs ≈1 ms, and the main thread then never warms up a Markdown
 * parser of its own (the sections are parsed on their thread): HTML-only build of the bench's
 * 20 briefings, BENCHMARKS.md.
 */
const plainStatement = /^\p{L}[\p{L}\p{M}\p{N} .,;:'"’‘“”()?%$/+=-]*$/u;

function isPlainStatement(text: string): boolean {
  return plainStatement.test(text) && !literalAutolinkMark.test(text) && text.trimEnd() === text;
}

function renderUncached(text: string): ElementContent[] {
  if (isPlainStatement(text)) {
    const end = { line: 1, column: text.length + 1, offset: text.length };
    return [{ type: 'text', value: text, position: { start: { line: 1, column: 1, offset: 0 }, end } }];
  }
  const tree = inlineParser.parse(text);
  const paragraph = tree.children.find((n): n is Paragraph => n.type === 'paragraph');
  if (!paragraph) return [{ type: 'text', value: text }];
  const hast = toHast({ type: 'root', children: [paragraph] }) as HastRoot;
  const clean = sanitize(hast, sanitizeSchema) as HastRoot;
  const p = clean.children[0];
  return p && p.type === 'element' ? (p.children as ElementContent[]) : [{ type: 'text', value: text }];
}
