import { z } from 'zod';
import { idSchema, optional, sensitivitySchema, textSchema } from './scalars.js';

export const sectionFrontMatterSchema = z
  .strictObject({
    id: optional(idSchema),
    title: textSchema,
    sensitivity: optional(sensitivitySchema).transform((s) => s ?? 'public'),
    summary: optional(textSchema),
  })
  .meta({ title: 'briefwright section front matter', description: 'The YAML front matter of content/sections/<id>.md.' });

export type SectionFrontMatter = z.output<typeof sectionFrontMatterSchema>;
