import { decodeHTML, decodeHTMLAttribute } from 'entities/decode';
import type { OutputReading } from './read-output.js';
import { blockElements, visitAttributes } from './visit-attributes.js';

/**
 * The reading `readOutput` gets from parse5, got without building a tree, for the HTML our own
 * templates and rehype-stringify write: every element closed explicitly and in order, tags and
 * attributes in their plain forms, nothing the HTML parser would move, reopen or drop. For such a
 * document the parser's tree is exactly the nesting of its tags, so one left-to-right pass gives
 * the same text, ids and links. Anything else (an implied end tag, a `<p>` a block would close,
 * text in a table, foreign content, `<template>`, a comment or tag of unusual form, …) returns
 * undefined, and the caller reads the document with parse5. The differential test
 * (test/unit/verify/read-simple-output.test.ts) holds this to parse5's reading, on the shipped outputs
 * and on generated documents that mix both kinds. Why: parse5 run cold took ≈12 ms a briefing,
 * longer than rendering it, and reading back paced the whole HTML-only build.
 *
 * `html` is expected without data: payloads (withoutDataPayloads), as readOutput passes it.
 */
export function readSimpleOutput(html: string): OutputReading | undefined {
  // The parser rewrites CR and drops or replaces NUL before tokenizing.
  if (html.includes('\r') || html.includes('\0')) return undefined;
  const doctype = /^[\t\n\f ]*<!doctype html>/iy;
  if (!doctype.test(html)) return undefined; // no doctype: quirks mode, where <table> does not close <p>
  return new Scan(html, doctype.lastIndex).run();
}

type Mode = 'before html' | 'before head' | 'in head' | 'after head' | 'in body' | 'after body' | 'after after body';

/** The document's frame: the one start tag each mode takes outside the head and body, and the mode after it. */
const skeletonStart: Partial<Record<Mode, { readonly tag: string; readonly next: Mode }>> = {
  'before html': { tag: 'html', next: 'before head' },
  'before head': { tag: 'head', next: 'in head' },
  'after head': { tag: 'body', next: 'in body' },
};
/** The one end tag each mode outside the body takes (the body's own content ends its open elements). */
const skeletonEnd: Partial<Record<Mode, string>> = { 'in head': 'head', 'after body': 'html' };

const isSpace = /^[\t\n\f ]*$/;
const voidElements = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
/** Elements the HTML parser gives nothing special to in the body once they nest properly. */
const bodyElements = new Set([
  'a', 'abbr', 'address', 'article', 'aside', 'b', 'bdi', 'bdo', 'blockquote', 'br', 'cite', 'code', 'data', 'dd', 'del', 'details', 'dfn', 'div',
  'dl', 'dt', 'em', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'i', 'img', 'input', 'ins', 'kbd', 'li',
  'main', 'mark', 'nav', 'ol', 'p', 'pre', 'q', 's', 'samp', 'section', 'small', 'span', 'strong', 'sub', 'summary', 'sup', 'table', 'tbody',
  'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'u', 'ul', 'var', 'wbr', 'style',
]);
const headElements = new Set(['meta', 'link', 'base', 'title', 'style']);
/** Start tags that close an open <p> (HTML § "in body"): with one open, the tree is not the tags. */
const closesP = new Set([
  'address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'figcaption', 'figure', 'footer', 'header', 'main', 'nav', 'ol', 'p',
  'section', 'summary', 'ul', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'li', 'dd', 'dt', 'table', 'hr',
]);
const headings = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** In these the parser moves any text that is not whitespace out of the table. */
const tableContexts = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr']);
/** What may open where (table parts), and in what each list item must sit. */
const requiredParent: Readonly<Record<string, ReadonlySet<string>>> = {
  thead: new Set(['table']),
  tbody: new Set(['table']),
  tfoot: new Set(['table']),
  tr: new Set(['thead', 'tbody', 'tfoot']),
  td: new Set(['tr']),
  th: new Set(['tr']),
  li: new Set(['ul', 'ol']),
  dt: new Set(['dl']),
  dd: new Set(['dl']),
};

/** A tag name ends only at whitespace, `/` or `>` (`<br:x>` is an element `br:x`, not a `<br>`). */
const startTag = /<([a-zA-Z][a-zA-Z0-9]*)(?=[\t\n\f />])/y;
const endTag = /<\/([a-zA-Z][a-zA-Z0-9]*)[\t\n\f ]*>/y;
const attributeName = /[\t\n\f ]*([a-zA-Z_:][-a-zA-Z0-9_:.]*)/y;
const attributeValue = /[\t\n\f ]*=[\t\n\f ]*(?:"([^"]*)"|'([^']*)'|([^\t\n\f "'<=`>]+))/y;
/** The end of a start tag; `/` only matters on void elements, and the parser ignores it on others. */
const tagEnd = /[\t\n\f ]*\/?>/y;
/** Where a style sheet's or title's text ends (an end tag of either form: the plain one is then required). */
const rawTextEnd = { style: /<\/style[\t\n\f />]/gi, title: /<\/title[\t\n\f />]/gi };
/** A comment of the plain form: not `<!-->` or `<!--->`, and ended by the first `-->` only. */
const comment = /<!--(?!-?>)([\s\S]*?)-->/y;

/** Thrown inside the scan when the document is not of the simple form; never leaves readSimpleOutput. */
class NotSimple extends Error {}

class Scan {
  private readonly parts: string[] = [];
  private readonly ids = new Set<string>();
  private readonly hrefs: string[] = [];
  private readonly open: string[] = [];
  private mode: Mode = 'before html';
  private openP = 0;
  private openA = 0;

  private readonly html: string;
  private at: number;

  constructor(html: string, at: number) {
    this.html = html;
    this.at = at;
  }

  run(): OutputReading | undefined {
    try {
      this.scan();
    } catch (error) {
      if (error instanceof NotSimple) return undefined;
      throw error;
    }
    return { text: this.parts.join(''), ids: this.ids, hrefs: this.hrefs };
  }

  private scan(): void {
    const { html } = this;
    while (this.at < html.length) {
      const lt = html.indexOf('<', this.at);
      const textEnd = lt === -1 ? html.length : lt;
      if (textEnd > this.at) this.text(html.slice(this.at, textEnd));
      this.at = textEnd;
      if (lt === -1) break;
      const next = html.charCodeAt(lt + 1);
      if (next === 0x21 /* ! */) this.comment();
      else if (next === 0x2f /* / */) this.endTag();
      else this.startTag();
    }
    // At the end: only after </body>, whose block ends after any whitespace that followed it.
    if (this.mode !== 'after body' && this.mode !== 'after after body') throw new NotSimple();
    this.parts.push('\n');
  }

  private text(raw: string): void {
    const value = raw.includes('&') ? decodeHTML(raw) : raw;
    const space = isSpace.test(value);
    switch (this.mode) {
      case 'before html':
      case 'before head':
        if (!space) throw new NotSimple();
        return; // dropped by the parser
      case 'in head':
      case 'after head':
      case 'after body':
      case 'after after body':
        if (!space) throw new NotSimple();
        break;
      case 'in body':
        if (!space && tableContexts.has(this.top())) throw new NotSimple();
    }
    this.parts.push(value);
  }

  private comment(): void {
    comment.lastIndex = this.at;
    const match = comment.exec(this.html);
    // `--!>` also ends a comment, earlier than the `-->` found.
    if (!match || match[1]!.includes('--!>')) throw new NotSimple();
    this.at = comment.lastIndex;
  }

  private endTag(): void {
    endTag.lastIndex = this.at;
    const match = endTag.exec(this.html);
    if (!match) throw new NotSimple();
    this.at = endTag.lastIndex;
    const name = match[1]!.toLowerCase();
    if ((this.mode === 'in body' ? this.top() : skeletonEnd[this.mode]) !== name) throw new NotSimple();
    if (this.mode === 'in head') {
      this.pop();
      this.mode = 'after head';
    } else if (this.mode === 'after body') {
      this.mode = 'after after body';
    } else if (name === 'body') {
      this.mode = 'after body'; // the body stays open: whitespace after it is still its text
    } else {
      this.pop();
    }
  }

  private startTag(): void {
    const { html } = this;
    startTag.lastIndex = this.at;
    const match = startTag.exec(html);
    if (!match) throw new NotSimple(); // `<` as text, `<?`, …
    const name = match[1]!.toLowerCase();
    let at = startTag.lastIndex;
    const seen = new Set<string>();
    const attributes: { name: string; value: string }[] = [];
    for (;;) {
      tagEnd.lastIndex = at;
      if (tagEnd.test(html)) {
        at = tagEnd.lastIndex;
        break;
      }
      attributeName.lastIndex = at;
      const attribute = attributeName.exec(html);
      if (!attribute) throw new NotSimple();
      at = attributeName.lastIndex;
      attributeValue.lastIndex = at;
      const valued = attributeValue.exec(html);
      let value = '';
      if (valued) {
        at = attributeValue.lastIndex;
        const raw = valued[1] ?? valued[2] ?? valued[3]!;
        value = raw.includes('&') ? decodeHTMLAttribute(raw) : raw;
      }
      const key = attribute[1]!.toLowerCase();
      // The first of two same-named attributes wins.
      if (!seen.has(key)) attributes.push({ name: key, value });
      seen.add(key);
    }
    this.at = at;
    this.element(name, attributes);
  }

  private element(name: string, attributes: readonly { name: string; value: string }[]): void {
    const step = skeletonStart[this.mode];
    if (step) {
      if (name !== step.tag) throw new NotSimple();
      this.mode = step.next;
    } else if (this.mode === 'in head') {
      if (!headElements.has(name)) throw new NotSimple();
    } else if (this.mode === 'in body') {
      this.checkInBody(name);
    } else {
      throw new NotSimple();
    }
    visitAttributes(name, attributes, this.parts, this.ids, this.hrefs);
    if (name === 'style' || name === 'title') {
      this.rawText(name);
      return;
    }
    if (voidElements.has(name)) {
      if (blockElements.has(name)) this.parts.push('\n', '\n');
      return;
    }
    if (blockElements.has(name)) this.parts.push('\n');
    this.open.push(name);
    if (name === 'p') this.openP++;
    if (name === 'a') this.openA++;
    // The parser drops a newline right after <pre>; one written as a reference is left to parse5.
    if (name === 'pre') {
      if (this.html[this.at] === '\n') this.at++;
      else if (this.html[this.at] === '&') throw new NotSimple();
    }
  }

  private checkInBody(name: string): void {
    if (!bodyElements.has(name)) throw new NotSimple();
    const top = this.top();
    const parents = requiredParent[name];
    if (parents ? !parents.has(top) : tableContexts.has(top)) throw new NotSimple();
    if (closesP.has(name) && this.openP > 0) throw new NotSimple();
    if (headings.has(name) && headings.has(top)) throw new NotSimple();
    if (name === 'a' && this.openA > 0) throw new NotSimple();
  }

  /** A <style> or <title>: text up to its end tag, which must be the plain one. */
  private rawText(name: 'style' | 'title'): void {
    const close = rawTextEnd[name];
    close.lastIndex = this.at;
    const found = close.exec(this.html);
    if (!found || this.html.slice(found.index, found.index + name.length + 3).toLowerCase() !== `</${name}>`) throw new NotSimple();
    const raw = this.html.slice(this.at, found.index);
    this.at = found.index + name.length + 3;
    // The walk skips a style sheet; a title is read, its references decoded (RCDATA).
    if (name === 'title') this.parts.push('\n', raw.includes('&') ? decodeHTML(raw) : raw, '\n');
  }

  private top(): string {
    return this.open[this.open.length - 1] ?? '';
  }

  private pop(): void {
    const name = this.open.pop();
    if (name === 'p') this.openP--;
    if (name === 'a') this.openA--;
    if (name !== undefined && blockElements.has(name)) this.parts.push('\n');
  }
}
