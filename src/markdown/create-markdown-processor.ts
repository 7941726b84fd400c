import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { Diagnostic } from '../diagnostics/index.js';
import type { Model, SectionEntity } from '../schema/model.js';
import { cloneTree } from './clone-tree.js';
import { rehypeExpandRefs } from './rehype-expand-refs.js';
import { rehypeRawWhenNeeded } from './rehype-raw-when-needed.js';
import { rehypeInlineImages } from './rehype-inline-images.js';
import { rehypeReportUnsafe } from './rehype-report-unsafe.js';
import { rehypeResolveImages } from './rehype-resolve-images.js';
import { rehypeSectionIds } from './rehype-section-ids.js';
import { rehypeShiftHeadings } from './rehype-shift-headings.js';
import { rehypeStashRefs } from './rehype-stash-refs.js';
import { remarkFactRefs } from './remark-fact-refs.js';
import { sanitizeSchema } from './sanitize-schema.js';
import type { SectionRenderData } from './section-render-data.js';

/** A section as HTML, independent of the document it appears in (citation numbers come later). */
export interface SectionHtml {
  readonly id: string;
  readonly html: string;
  readonly factsUsed: ReadonlySet<string>;
  readonly sourcesUsed: ReadonlySet<string>;
  readonly assetsUsed: ReadonlySet<string>;
  readonly diagnostics: readonly Diagnostic[];
}

export interface MarkdownProcessor {
  renderSection(section: SectionEntity, model: Model): SectionHtml;
}

const passThrough: ['briefwrightRef'] = ['briefwrightRef'];

/**
 * Builds the section pipeline once (frozen) and returns a renderer reusing it. The order is
 * the security argument: raw HTML is parsed, then everything the sanitizer will drop is
 * reported, then sanitizing runs, and only trusted steps that build from validated data follow.
 */
export function createMarkdownProcessor(): MarkdownProcessor {
  const processor = unified()
    .use(remarkFactRefs)
    .use(remarkRehype, {
      allowDangerousHtml: true,
      clobberPrefix: '',
      passThrough,
      footnoteLabel: 'Notes',
      footnoteLabelTagName: 'p',
      footnoteLabelProperties: { className: ['footnotes-label'] },
    })
    .use(rehypeRawWhenNeeded, { passThrough })
    .use(rehypeResolveImages)
    .use(rehypeReportUnsafe, sanitizeSchema)
    .use(rehypeStashRefs)
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeExpandRefs)
    .use(rehypeShiftHeadings)
    .use(rehypeSectionIds)
    .use(rehypeInlineImages)
    .use(rehypeStringify)
    .freeze();

  return {
    renderSection(section, model) {
      const diagnostics: Diagnostic[] = [];
      const data: SectionRenderData = {
        section,
        model,
        refs: [],
        factsUsed: new Set(),
        sourcesUsed: new Set(),
        assetsUsed: new Set(),
        report: (d) => diagnostics.push(d),
      };
      const file = new VFile({ path: section.path, data: { briefwright: data } });
      // The parsed tree belongs to the model and may be rendered again (dev server): work on a copy.
      const tree = processor.runSync(cloneTree(section.tree) as MdastRoot, file) as HastRoot;
      const html = processor.stringify(tree, file);
      return {
        id: section.id,
        html,
        factsUsed: data.factsUsed,
        sourcesUsed: data.sourcesUsed,
        assetsUsed: data.assetsUsed,
        diagnostics,
      };
    },
  };
}
