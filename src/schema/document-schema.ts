import { z } from 'zod';
import { signatorySchema } from './publisher-schema.js';
import { booleanSchema, dateSchema, idSchema, optional, sensitivitySchema, textSchema } from './scalars.js';

export const documentKinds = ['letter', 'briefing', 'explainer', 'faq', 'memo', 'factsheet', 'other'] as const;
export const outputFormats = ['html', 'pdf'] as const;
export type OutputFormat = (typeof outputFormats)[number];
export const pageSizes = ['Letter', 'A4'] as const;

const cssLength = /^\d+(?:\.\d+)?(?:mm|cm|in|pt|px)$/;

export const marginSchema = z
  .string()
  .trim()
  .refine((value) => {
    const parts = value.split(/\s+/);
    return parts.length >= 1 && parts.length <= 4 && parts.every((p) => cssLength.test(p));
  }, 'Expected one to four CSS lengths, e.g. `1in` or `20mm 18mm`');

export const pdfOptionsSchema = z.strictObject({
  size: optional(z.enum(pageSizes)).transform((s) => s ?? 'Letter'),
  margin: optional(marginSchema),
  toc: optional(booleanSchema).transform((t) => t ?? false),
});

export const documentSchema = z
  .strictObject({
    id: optional(idSchema),
    title: textSchema,
    subtitle: optional(textSchema),
    kind: z.enum(documentKinds),
    layout: idSchema.meta({ description: 'A file stem in templates/layouts.' }),
    audience: textSchema,
    distribution: sensitivitySchema.meta({ description: 'The highest sensitivity this document may contain.' }),
    date: dateSchema,
    from: optional(signatorySchema),
    recipients: optional(idSchema.meta({ description: 'A recipients list id: one output per recipient.' })),
    sections: z.array(idSchema).min(1, 'A document needs at least one section'),
    marking: optional(textSchema),
    draft: optional(booleanSchema).transform((d) => d ?? false),
    formats: optional(z.array(z.enum(outputFormats)).min(1)).transform((f) => f ?? ['html', 'pdf']),
    pdf: optional(pdfOptionsSchema).transform((p) => p ?? { size: 'Letter' as const, margin: undefined, toc: false }),
    description: optional(textSchema.meta({ description: 'One or two sentences for the HTML meta description and PDF subject.' })),
    keywords: optional(z.array(textSchema)),
    language: optional(z.string().regex(/^[a-z]{2,3}(?:-[A-Z]{2})?$/, 'Expected a language tag such as `en` or `en-US`')).transform(
      (l) => l ?? 'en',
    ),
    bluf: optional(idSchema.meta({ description: 'A section shown as the bottom line up front.' })),
    key_facts: optional(z.array(idSchema).meta({ description: 'Facts shown in the key-figures panel.' })),
    enclosures: optional(z.array(textSchema)),
    cc: optional(z.array(textSchema)),
  })
  .meta({ title: 'briefwright document', description: 'content/documents/<id>.yaml: one document definition.' });

export type DocumentDefinition = z.output<typeof documentSchema>;
