import { z } from 'zod';
import { outputFormats } from '../schema/document-schema.js';
import { booleanSchema, dateSchema, optional, positiveIntegerSchema } from '../schema/scalars.js';

/** briefwright.config.yaml: optional; every key has a default and a matching CLI flag. */
export const configSchema = z
  .strictObject({
    out: optional(z.string().trim().min(1)),
    formats: optional(z.array(z.enum(outputFormats)).min(1)),
    concurrency: optional(positiveIntegerSchema),
    today: optional(dateSchema),
    allow_hidden_characters: optional(
      booleanSchema.meta({ description: 'Accept bidirectional controls and invisible characters in content (text-hidden-character), e.g. for right-to-left text.' }),
    ),
    pdf: optional(
      z.strictObject({
        browser: optional(z.string().trim().min(1)),
        timeout: optional(positiveIntegerSchema.meta({ description: 'Per-document print timeout in milliseconds.' })),
      }),
    ),
  })
  .meta({ title: 'briefwright config', description: 'briefwright.config.yaml at the project root.' });

export type WrittenConfig = z.output<typeof configSchema>;
