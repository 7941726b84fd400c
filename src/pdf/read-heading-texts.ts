import type { Element, Nodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';

const headingPattern = /<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1\s*>/gi;

/** What a heading says, for a bookmark: its text without citation marks, whitespace collapsed. */
export interface HeadingText {
  /** The text a reader sees, citation marks (`<sup>`) left out. */
  readonly text: string;
  /** The text with citation marks, as Chromium's own outline titles include them. */
  readonly withMarks: string;
}

/**
 * The headings of a finished document in order. The HTML is our own serializer's output, so
 * headings are well-formed and never nested; each one's inner HTML is parsed on its own (cheap,
 * and entities come out decoded) instead of parsing a document that carries megabytes of fonts.
 */
export function readHeadingTexts(html: string): HeadingText[] {
  const body = html.slice(Math.max(0, html.search(/<body\b/i)));
  const headings: HeadingText[] = [];
  for (const match of body.matchAll(headingPattern)) {
    const tree = fromHtml(match[2] ?? '', { fragment: true });
    headings.push({ text: collapse(textOf(tree, false)), withMarks: collapse(textOf(tree, true)) });
  }
  return headings;
}

function textOf(node: Nodes, withMarks: boolean): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' && !withMarks && isMark(node)) return '';
  if (node.type === 'element' && node.tagName === 'br') return ' ';
  if ('children' in node) return node.children.map((child) => textOf(child, withMarks)).join('');
  return '';
}

function isMark(node: Element): boolean {
  return node.tagName === 'sup';
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
