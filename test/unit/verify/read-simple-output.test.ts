import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../../src/build.js';
import { readOutput, readParsedOutput, withoutDataPayloads, type OutputReading } from '../../../src/verify/read-output.js';
import { readSimpleOutput } from '../../../src/verify/read-simple-output.js';
import { seeded } from '../../helpers/seeded.js';
import { createTempProject, type TempProject } from '../../helpers/temp-project.js';

/**
 * readSimpleOutput is held to parse5's reading (readParsedOutput): whatever it reads in one pass
 * must be exactly what parse5's tree gives, and whatever it cannot vouch for it must leave to
 * parse5. The generated documents mix the plain HTML our templates write with every construct
 * where the HTML parser's tree is not the nesting of the tags.
 */
type Random = () => number;
const pick = <T,>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const texts = [
  'Plain words', ' ', '\n', ' \t\f ', '25,000 accounts', 'a &amp; b', '&lt;b&gt;', '&notit; &noti &notin', '&#x80;&#0;&#x110000;&#55296;', '&copy 2026',
  'x < y', 'AT&T', '&nbsp;', '&#10;', 'Anthropic alleges', '“quoted” — dash', '&amp', '&#x3C;p&#x3E;', '\u00a0', 'a&b=c',
];
const values = ['top', 'faq.html#costs', '#top', 'a &amp; b', '&notit=1', '&copy=x', '&copy;x', '&ampx', 'it&#39;s', ' ', '', 'Chart of 25,000', '&lt;', 'x&y'];
const names = ['id', 'name', 'href', 'title', 'alt', 'class', 'aria-label', 'content', 'placeholder', 'aria-description', 'data-x', 'lang'];
const oddNames = ['ID', 'Href', 'xlink:href', 'a"b', 'x/y', '=x', '_u', 'ñ'];

const flow = ['p', 'div', 'section', 'ul', 'ol', 'dl', 'table', 'h1', 'h2', 'h3', 'pre', 'hr', 'blockquote', 'figure', 'header', 'footer', 'style', 'main', 'nav', 'aside', 'address', 'details'];
const phrasing = ['span', 'a', 'strong', 'em', 'code', 'sup', 'br', 'img', 'input', 'b', 'i', 'small', 's', 'u', 'time', 'abbr', 'del', 'wbr'];
/** Elements the HTML parser treats specially, wherever they are. */
const special = [
  'template', 'noscript', 'script', 'svg', 'math', 'textarea', 'select', 'option', 'button', 'form', 'title', 'caption', 'colgroup', 'col', 'iframe',
  'xmp', 'my-el', 'image', 'nobr', 'head', 'body', 'html', 'listing', 'meta', 'link', 'area', 'object', 'noembed', 'noframes', 'plaintext',
  'frameset', 'marquee', 'applet', 'ruby', 'rt', 'optgroup', 'dialog', 'center', 'menu', 'search', 'hgroup', 'fieldset', 'embed', 'param',
  // Names that start like an allowed one: the whole name is the element's.
  'p:x', 'p_x', 'h1_b', 'b:c', 'br:x', 'img_x', 'hr:y',
];
/** Ordinary elements, misplaced. */
const misplaced = [...flow, ...phrasing, 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'li', 'dt', 'dd'];
const rawTextElements = ['style', 'script', 'title', 'textarea', 'xmp', 'iframe', 'noscript', 'noembed', 'noframes', 'plaintext'];
const voids = new Set(['br', 'hr', 'img', 'input', 'wbr', 'meta', 'link', 'area', 'col', 'image']);

/** Children a well-formed document gives each element. */
function contentOf(name: string): readonly string[] | 'text' {
  if (['ul', 'ol'].includes(name)) return ['li'];
  if (name === 'dl') return ['dt', 'dd'];
  if (name === 'table') return ['thead', 'tbody'];
  if (['thead', 'tbody'].includes(name)) return ['tr'];
  if (name === 'tr') return ['td', 'th'];
  if (rawTextElements.includes(name)) return 'text';
  if (['p', 'span', 'a', 'strong', 'em', 'code', 'sup', 'b', 'i', 'small', 's', 'u', 'time', 'abbr', 'del', 'dt', 'h1', 'h2', 'h3', 'pre'].includes(name)) return phrasing;
  return [...flow, ...phrasing];
}

/** The ways a generated document may depart from the plain form, each drawn on its own. */
const oddities = ['attribute name', 'attribute form', 'gap', 'element', 'self-close', 'void end', 'pre', 'unclosed', 'end tag', 'raw text', 'comment', 'text', 'skeleton', 'title'] as const;
type Oddity = (typeof oddities)[number];

class Generator {
  private readonly random: Random;
  /** The departures drawn, and the chance of each: none writes only what readSimpleOutput should read. */
  private readonly kinds: ReadonlySet<Oddity>;
  private readonly odds: number;
  /** How many departures are still to be made: one alone shows exactly what it takes to read it. */
  private left: number;

  constructor(random: Random, kinds: readonly Oddity[], odds: number, left = Infinity) {
    this.random = random;
    this.kinds = new Set(kinds);
    this.odds = odds;
    this.left = left;
  }

  private odd(kind: Oddity): boolean {
    if (this.left === 0 || !this.kinds.has(kind) || this.random() >= this.odds) return false;
    this.left--;
    return true;
  }

  text(): string {
    const t = pick(this.random, texts);
    // `<`, `&` and a no-break space written raw are left to odd documents.
    return !this.kinds.has('text') && /[<\u00a0]|&[^al#n]|&n[^o]/.test(t) ? 'safe text' : t;
  }

  attributes(): string {
    let out = '';
    const count = Math.floor(this.random() * 3);
    for (let n = 0; n < count; n++) {
      const name = this.odd('attribute name') ? pick(this.random, oddNames) : pick(this.random, names);
      const value = pick(this.random, values);
      const form = this.odd('attribute form') ? pick(this.random, ['single', 'bare', 'empty', 'spaced']) : 'double';
      out += this.odd('gap') ? pick(this.random, ['', '\n', '\t', '  /', '\f']) : ' ';
      if (form === 'double') out += `${name}="${value.replaceAll('"', '&quot;')}"`;
      else if (form === 'single') out += `${name}='${value.replaceAll("'", '&#39;')}'`;
      else if (form === 'bare') out += value === '' ? name : `${name}=${value}`;
      else if (form === 'spaced') out += `${name} = "${value}"`;
      else out += name;
    }
    return out;
  }

  node(parent: string, depth: number, insideA: boolean): string {
    const content = contentOf(parent);
    if (content === 'text') return this.rawText(parent);
    if (this.random() < 0.05) return this.comment();
    const leaf = depth > 4 || this.random() < 0.35;
    if (leaf && !['ul', 'ol', 'dl', 'table', 'thead', 'tbody', 'tr'].includes(parent)) return this.text();
    if (leaf) return this.odd('text') ? this.text() : pick(this.random, [' ', '\n']);
    // Out of place: a block in a paragraph, a heading in a heading, a cell in a list, …
    let name = this.odd('element') ? pick(this.random, pick(this.random, [special, misplaced])) : pick(this.random, content);
    if (name === 'a' && insideA && !this.odd('element')) name = 'span';
    return this.element(name, depth, insideA || name === 'a');
  }

  element(name: string, depth: number, insideA: boolean): string {
    const selfClose = this.odd('self-close') ? '/' : '';
    let html = `<${this.odd('element') ? name.toUpperCase() : name}${this.attributes()}${selfClose}>`;
    if (voids.has(name)) return this.odd('void end') ? `${html}</${name}>` : html;
    if (name === 'pre' && this.random() < 0.5) html += this.odd('pre') ? '&#10;' : pick(this.random, ['\n', '\n\n', '\n x']);
    const count = Math.floor(this.random() * 4);
    for (let n = 0; n < count; n++) html += this.node(name, depth + 1, insideA);
    if (this.odd('unclosed')) return html;
    const close = this.odd('end tag') ? pick(this.random, ['p', 'div', 'b', 'span', 'td', 'body', 'br', 'html']) : name;
    return html + `</${close}${this.odd('end tag') ? pick(this.random, [' ', ' x', '/', '\n']) : ''}>`;
  }

  rawText(parent: string): string {
    const end = this.odd('raw text') ? pick(this.random, [`</${parent} `, `</${parent}/`, `</${parent}x>`, `</${parent.toUpperCase()}>`]) : '';
    return pick(this.random, ['p { color: red }', '<b id="raw">bold</b>', 'a &amp; b', '<!-- c --><i>x</i>', '', '<p>para</p>']) + end;
  }

  comment(): string {
    const odd = ['<!-->', '<!--->', '<!-- a --!> b -->', '<!- x ->', '<!---->', '<?php x ?>', '<!--<!-- -->', '<![CDATA[x]]>', '<!-- a -- b -->', '<!--a--->'];
    return this.odd('comment') ? pick(this.random, odd) : '<!-- note -->';
  }

  document(): string {
    const body = Array.from({ length: 2 + Math.floor(this.random() * 6) }, () => this.node('body', 0, false)).join('\n');
    const parts = [
      '<!doctype html>\n',
      '<html lang="en">\n',
      '<head>\n<meta charset="utf-8">\n<meta name="description" content="Summary &amp; more">\n',
      `<title>${this.odd('title') ? pick(this.random, ['T &amp; x</title >', 'T <b>x</b></TITLE>', 'T &copy x</title/>']) : 'Title &amp; more</title>'}\n`,
      '<style>p { margin: 0 }</style>\n</head>\n',
      `<body${this.attributes()}>\n`,
      body,
      '\n</body>\n',
      '</html>\n',
    ];
    if (this.odd('skeleton')) {
      const at = Math.floor(this.random() * parts.length);
      const change = pick(this.random, ['drop', 'text', 'comment', 'element', 'space', 'doctype']);
      const extra = { text: 'stray text', comment: '<!-- c -->', element: '<p>p</p>', space: ' \n\f ', doctype: '<!DOCTYPE HTML>' }[change as 'text'];
      parts[at] = change === 'drop' ? '' : parts[at] + (extra ?? '');
    }
    return parts.join('');
  }
}

/** Plain documents, documents with one departure, and documents with many of every kind. */
function generate(random: Random): string {
  const draw = random();
  if (draw < 0.25) return new Generator(random, [], 0).document();
  if (draw < 0.8) return new Generator(random, [pick(random, oddities)], 0.2, 1).document();
  return new Generator(random, oddities, pick(random, [0.01, 0.03, 0.1, 0.3])).document();
}

function same(simple: OutputReading, parsed: OutputReading): void {
  expect(simple.text).toBe(parsed.text);
  expect([...simple.ids]).toEqual([...parsed.ids]);
  expect(simple.hrefs).toEqual(parsed.hrefs);
}

describe('readSimpleOutput', () => {
  it('reads exactly what parse5 reads, or leaves the document to parse5, on 4,000 generated documents', () => {
    const random = seeded(20261126);
    let simple = 0;
    let parsed = 0;
    for (let n = 0; n < 4_000; n++) {
      const html = generate(random);
      const reading = readSimpleOutput(html);
      if (reading === undefined) {
        parsed++;
        continue;
      }
      simple++;
      try {
        same(reading, readParsedOutput(html));
      } catch (error) {
        throw new Error(`document ${n} read differently:\n${html}`, { cause: error });
      }
    }
    // Both ways are exercised, and the plain documents are read in one pass.
    expect(simple).toBeGreaterThan(2_000);
    expect(parsed).toBeGreaterThan(800);
  });

  it('reads exactly what parse5 reads, or leaves the document to parse5, for every special or misplaced element in every context', () => {
    const contexts = ['|', '<p>|</p>', '<ul><li>|</li></ul>', '<table><tbody><tr><td>|</td></tr></tbody></table>', '<table>|</table>', '<h1>|</h1>', '<a href="#a">|</a>', '<dl>|</dl>', '<pre>|</pre>', '<ruby>|</ruby>', '<select>|</select>'];
    // The last tries to end its element from inside a style sheet, as it can in SVG and MathML.
    const contents = ['', 'text &amp; more', '<b id="inner">bold</b> after', '<p>para</p>', '</p>x', '<style></NAME><i id="escaped">Secret</i></style>'];
    let checked = 0;
    for (const name of new Set([...special, ...misplaced]))
      for (const context of [...contexts, `<${name}>|</${name}>`, `<${name}><div>|</div></${name}>`])
        for (const content of contents.map((c) => c.replace('NAME', name)))
          for (const element of voids.has(name) ? [`<${name} id="el">${content}`] : [`<${name} id="el">${content}</${name}>tail`, `<${name} id="el">${content}`]) {
          const html = `<!doctype html><html><head></head><body>${context.replace('|', element)}</body></html>`;
          const reading = readSimpleOutput(html);
          if (reading === undefined) continue;
          checked++;
          try {
            same(reading, readParsedOutput(html));
          } catch (error) {
            throw new Error(`read differently:\n${html}`, { cause: error });
          }
        }
    expect(checked).toBeGreaterThan(300);
  });

  it('reads a plain document in one pass', () => {
    const html = new Generator(seeded(7), [], 0).document();
    expect(readSimpleOutput(html)).toBeDefined();
    expect(readOutput(html)).toEqual(readParsedOutput(html));
  });

  it.each([
    ['no doctype (quirks mode)', '<html><head></head><body><p>a</p></body></html>'],
    ['a block inside an open <p>', '<p>a<div>b</div></p>'],
    ['an implied end tag', '<ul><li>a<li>b</ul>'],
    ['a link inside a link', '<a href="#x">a<a href="#y">b</a></a>'],
    ['text a table moves out', '<table><tbody><tr>moved<td>cell</td></tr></tbody></table>'],
    ['a row outside a table section', '<table><tr><td>a</td></tr></table>'],
    ['<noscript>, raw text with scripting on', '<noscript><p title="</noscript><img alt=Secret>"></p></noscript>'],
    ['a style sheet inside SVG', '<svg><style></svg><p>Secret</p></style></svg>'],
    ['<template>', '<template><p id="inert">x</p></template>'],
    ['a comment closed by --!>', '<!-- a --!><p>Secret</p> -->'],
    ['an abruptly closed comment', '<!--><p>Secret</p>-->'],
    ['an end tag with attributes', '<p>a</p class="x">'],
    ['a self-closed <div/>', '<div/>Secret'],
    ['a misnested end tag', '<b><i>a</b></i>'],
    ['a carriage return', '<p>a\r\nb</p>'],
    ['a NUL', '<p>a\0b</p>'],
    ['`<` as text', '<p>a < b</p>'],
    ['an element between head and body', '</head><p>x</p><body>'],
    ['a newline after <pre> written as a reference', '<pre>&#10;x</pre>'],
    ['an unknown element', '<my-el>x</my-el>'],
    ['text in the head', '<!doctype html><html><head>Secret<title>t</title></head><body></body></html>'],
    ['a heading in a heading', '<h1>a<h2>b</h2></h1>'],
    ['a style sheet ended by `</style >`', '<p><style>p{}</style ></p>'],
  ])('leaves %s to parse5', (_what, fragment) => {
    const html = /^<(html|!doctype)/.test(fragment) ? fragment : `<!doctype html><html><head></head><body>${fragment}</body></html>`;
    expect(readSimpleOutput(html)).toBeUndefined();
    expect(readOutput(html)).toEqual(readParsedOutput(html));
  });
});

describe('readSimpleOutput on the shipped set', () => {
  let project: TempProject | undefined;
  afterAll(async () => project?.remove());

  it('reads every output of the shipped set as parse5 does, and all but the one with an SVG chart in one pass', async () => {
    project = await createTempProject({}, { content: true });
    const result = await build({ root: project.root, formats: ['html'] });
    expect(result.exitCode).toBe(0);
    const files: string[] = [];
    for (const entry of await readdir(join(project.root, 'out'), { recursive: true })) if (entry.endsWith('.html')) files.push(entry);
    expect(files.length).toBeGreaterThan(5);
    const fallback: string[] = [];
    const withSvg: string[] = [];
    for (const file of files) {
      const html = withoutDataPayloads(await readFile(join(project.root, 'out', file), 'utf8'));
      if (html.includes('<svg')) withSvg.push(file);
      const reading = readSimpleOutput(html);
      if (reading) same(reading, readParsedOutput(html));
      else fallback.push(file);
    }
    expect(withSvg).toEqual(['timeline-factsheet.html']);
    expect(fallback).toEqual(withSvg);
  });
});
