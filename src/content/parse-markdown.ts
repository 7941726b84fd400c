import type { Nodes, Root } from 'mdast';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';

// Built once: parsing is pure, so one frozen parser serves every section of every build.
const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkDirective).freeze();

/**
 * remark-gfm without GFM's literal autolinks (`www.example.com`, `https://…`, `a@b.org`), composed
 * from the same parts in the same order (micromark-extension-gfm, mdast-util-gfm). Literal
 * autolinks are the costly part of GFM for text that has none: the tokenizer tries one at every
 * `w`, `h` and word character, and a second pass searches every text node with regular
 * expressions. Parsing the bench corpus's 60 sections: 477–528 → 366–379 ms, cold.
 */
function remarkGfmWithoutLiteralAutolinks(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push(gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown());
}

const parserWithoutLiteralAutolinks = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfmWithoutLiteralAutolinks).use(remarkDirective).freeze();

/**
 * What every literal autolink contains: `www.`, `http://` or `https://`, or an `@` (e-mail,
 * `mailto:` and `xmpp:` links), in any case. Broader is fine: it only picks the full parser (and,
 * for a fact statement, the parser at all: renderInlineMarkdown).
 */
export const literalAutolinkMark = /@|www|http/i;

/**
 * Parses a section's Markdown (front matter, GFM, directives) to mdast with positions. Text that
 * cannot hold a literal autolink is parsed without GFM's literal-autolink pass: the tree is the
 * same. The raw text decides for the tokenizer; the tree's text decides for the second pass,
 * which looks at decoded text (`&#64;` is an `@` there), so a tree whose text has the mark is
 * parsed again in full.
 */
export function parseMarkdown(text: string): Root {
  if (!literalAutolinkMark.test(text)) {
    const tree = parserWithoutLiteralAutolinks.parse(text);
    if (!someText(tree, (value) => literalAutolinkMark.test(value))) return tree;
  }
  return parser.parse(text);
}

/** Whether a text node below `root` passes `test`. A loop, not recursion: trees can be deep. */
function someText(root: Nodes, test: (value: string) => boolean): boolean {
  const stack: Nodes[] = [root];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.type === 'text' && test(node.value)) return true;
    if ('children' in node) for (const child of node.children) stack.push(child);
  }
  return false;
}
