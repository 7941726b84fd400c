import { z } from 'zod';
import { dateSchema, idSchema, optional, textSchema, urlSchema } from './scalars.js';

export const sourceKinds = ['news', 'letter', 'statement', 'filing', 'report', 'other'] as const;

export const sourceSchema = z.strictObject({
  id: idSchema,
  title: textSchema,
  publisher: textSchema,
  date: optional(dateSchema),
  url: optional(urlSchema),
  kind: z.enum(sourceKinds),
  note: optional(textSchema),
});

export const sourcesFileSchema = z.array(sourceSchema).meta({ title: 'briefwright sources', description: 'content/sources.yaml: every source facts may cite.' });

export type Source = z.output<typeof sourceSchema>;
