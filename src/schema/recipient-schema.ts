import { z } from 'zod';
import { idSchema, optional, textSchema } from './scalars.js';

export const recipientSchema = z.strictObject({
  id: idSchema,
  name: textSchema.meta({ description: 'A person or a role, e.g. "Chair".' }),
  title: optional(textSchema),
  organization: textSchema,
  address: z.array(textSchema).min(1, 'An address needs at least one line'),
  salutation: textSchema,
});

export const recipientsFileSchema = z
  .array(recipientSchema)
  .min(1, 'A recipients list needs at least one recipient')
  .meta({ title: 'briefwright recipients', description: 'content/recipients/<list>.yaml: one output per recipient.' });

export type Recipient = z.output<typeof recipientSchema>;
