import { z } from 'zod';

/**
 * Scalar types for YAML read with the failsafe schema: every scalar arrives as the string the
 * author wrote, and these schemas type it. `yamlType` metadata tells the JSON Schema export
 * what an editor should expect (an unquoted `true` is a boolean to the YAML language server).
 */

/** An optional field: an empty YAML value (`key:`) counts as absent. */
export function optional<T extends z.ZodType>(schema: T) {
  return schema.nullish().transform((v) => (v === null ? undefined : v));
}

export const idSchema = z
  .string()
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Expected a kebab-case id (lowercase letters, digits and single hyphens)')
  .meta({ description: 'Kebab-case identifier, unique among entities of its kind.' });

export const textSchema = z.string().trim().min(1, 'Expected non-empty text');

export const dateSchema = z.iso.date('Expected a date written YYYY-MM-DD').meta({ yamlType: 'date' });

export const booleanSchema = z
  .stringbool({ truthy: ['true'], falsy: ['false'], error: 'Expected `true` or `false`' })
  .meta({ yamlType: 'boolean' });

export const positiveIntegerSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,8}$/, 'Expected a whole number greater than zero')
  .transform(Number)
  .meta({ yamlType: 'integer' });

export const sensitivities = ['public', 'internal', 'restricted'] as const;
export type Sensitivity = (typeof sensitivities)[number];
export const sensitivitySchema = z.enum(sensitivities);

/** public < internal < restricted */
export function sensitivityRank(s: Sensitivity): number {
  return sensitivities.indexOf(s);
}

const plainNumber = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export type FactValue = { kind: 'number'; number: number; raw: string } | { kind: 'date'; date: string } | { kind: 'text'; text: string };

/**
 * A fact value: a plain number (`28800000`, `28,800,000`, `28.8`) becomes a number, a
 * YYYY-MM-DD date a date, anything else stays text. Numbers are never rounded: values past
 * the safe integer range are refused rather than silently changed.
 */
export const factValueSchema = z
  .string()
  .trim()
  .min(1)
  .transform((raw, ctx): FactValue => {
    if (plainNumber.test(raw)) {
      const number = Number(raw.replace(/,/g, ''));
      if (!Number.isFinite(number) || Math.abs(number) > Number.MAX_SAFE_INTEGER) {
        ctx.addIssue({ code: 'custom', message: `Number \`${raw}\` is too large to keep exactly` });
        return z.NEVER;
      }
      return { kind: 'number', number, raw };
    }
    if (isoDate.test(raw)) return { kind: 'date', date: raw };
    return { kind: 'text', text: raw };
  })
  .meta({ yamlType: 'factValue' });

/** http(s) or mailto URLs only: anything else in a briefing is a mistake or an attack. */
export const urlSchema = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' || url.protocol === 'http:' || url.protocol === 'mailto:';
    } catch {
      return false;
    }
  }, 'Expected an absolute http(s) or mailto URL');

/** A path inside the project, relative to its root; never absolute, never leaving the root. */
export const projectPathSchema = z
  .string()
  .trim()
  .min(1)
  .refine(
    (value) => !value.startsWith('/') && !value.includes('\\') && !value.split('/').includes('..') && !/^[a-z]+:/i.test(value),
    'Expected a relative path inside the project (no leading `/`, no `..`)',
  );
