import { z } from 'zod';
import { optional, projectPathSchema, textSchema, urlSchema } from './scalars.js';

export const signatorySchema = z.strictObject({
  name: textSchema,
  title: textSchema,
  signature: optional(projectPathSchema.meta({ description: 'Image of the signature, relative to the project root.' })),
});

export const publisherSchema = z
  .strictObject({
    name: textSchema,
    tagline: optional(textSchema),
    address: z.array(textSchema).min(1),
    logo: optional(projectPathSchema.meta({ description: 'Logo image, relative to the project root.' })),
    contact: optional(
      z.strictObject({
        email: optional(textSchema),
        phone: optional(textSchema),
        web: optional(urlSchema),
      }),
    ),
    signatory: signatorySchema,
  })
  .meta({ title: 'briefwright publisher', description: 'content/publisher.yaml: the issuing organization.' });

export type Publisher = z.output<typeof publisherSchema>;
export type Signatory = z.output<typeof signatorySchema>;
