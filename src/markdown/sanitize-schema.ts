import { defaultSchema, type Schema } from 'hast-util-sanitize';

/**
 * GitHub's schema with three changes: ids are not clobber-prefixed here (rehype-section-ids
 * namespaces every id per section afterwards, which keeps footnote links intact); `<style>` is
 * stripped with its text rather than leaving CSS as visible prose; and the placeholder element
 * for fact references (`bw-ref`, created only by trusted code) is allowed through.
 */
export const sanitizeSchema: Schema = {
  ...defaultSchema,
  clobber: [],
  clobberPrefix: '',
  strip: [...(defaultSchema.strip ?? []), 'style', 'template', 'noscript', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes'],
  tagNames: [...(defaultSchema.tagNames ?? []), 'bw-ref'],
  attributes: {
    ...defaultSchema.attributes,
    'bw-ref': ['dataBwIndex'],
    p: [...(defaultSchema.attributes?.['p'] ?? []), ['className', 'footnotes-label']],
  },
};
