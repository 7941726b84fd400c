export { createMarkdownProcessor, type MarkdownProcessor, type SectionHtml } from './create-markdown-processor.js';
export { citePlaceholderHtml, citePlaceholderPattern, citePlaceholderTag } from './cite-placeholder.js';
export { factToHast } from './fact-html.js';
export { displayOfFact, formatDate, formatNumber, formatValue } from './format-fact-value.js';
export { renderInlineMarkdown } from './render-inline-markdown.js';
export { sanitizeSchema } from './sanitize-schema.js';
export { mimeTypeOf, resolveProjectPath, toDataUrl } from './asset-url.js';
