import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

// Built once: parsing is pure, so one frozen parser serves every section of every build.
const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkDirective).freeze();

/** Parses a section's Markdown (front matter, GFM, directives) to mdast with positions. */
export function parseMarkdown(text: string): Root {
  return parser.parse(text);
}
