import { z } from 'zod';
import { dateSchema, factValueSchema, idSchema, optional, sensitivitySchema, textSchema } from './scalars.js';

export const factStatuses = ['alleged', 'reported', 'confirmed', 'disputed', 'denied'] as const;
export type FactStatus = (typeof factStatuses)[number];

export const factSchema = z
  .strictObject({
    id: idSchema,
    statement: textSchema.meta({ description: 'One sentence, inline Markdown.' }),
    value: optional(factValueSchema),
    display: optional(textSchema.meta({ description: 'How the value reads in prose, e.g. "nearly 25,000".' })),
    label: optional(textSchema.meta({ description: 'A short caption for key-figures panels, e.g. "fraudulent accounts".' })),
    status: z.enum(factStatuses),
    attributed_to: optional(textSchema),
    sources: z.array(idSchema).min(1, 'A fact needs at least one source'),
    as_of: dateSchema,
    review_by: optional(dateSchema),
    sensitivity: optional(sensitivitySchema).transform((s) => s ?? 'public'),
    note: optional(textSchema),
  })
  .superRefine((fact, ctx) => {
    if (fact.status !== 'confirmed' && fact.attributed_to === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['attributed_to'],
        message: `A fact with status \`${fact.status}\` needs \`attributed_to\``,
        input: undefined,
      });
    }
  });

export const factsFileSchema = z.array(factSchema).meta({ title: 'briefwright facts', description: 'content/facts/<topic>.yaml: a list of facts.' });

export type Fact = z.output<typeof factSchema>;
