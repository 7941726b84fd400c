import type { z } from 'zod';
import type { ValuePath, YamlFile } from '../content/parse-yaml.js';
import { createDiagnostic, type Diagnostic } from '../diagnostics/index.js';
import { didYouMean } from './closest-match.js';

/**
 * Turns zod issues into `schema-invalid` diagnostics placed on the exact YAML node: the value
 * for a wrong value, the key for an unknown key, the enclosing mapping for a missing key.
 */
export function zodIssuesToDiagnostics(
  issues: readonly z.core.$ZodIssue[],
  file: YamlFile,
  schema: z.ZodType,
  basePath: ValuePath = [],
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of issues) {
    const path = [...basePath, ...(issue.path as (string | number)[])];
    const field = fieldName(issue.path as (string | number)[]);
    if (issue.code === 'unrecognized_keys') {
      const allowed = allowedKeys(schema, issue.path as (string | number)[]);
      for (const key of issue.keys) {
        out.push(
          createDiagnostic('schema-invalid', {
            file: file.path,
            range: file.keyRangeAt(path, key),
            message: `Unknown field \`${key}\``,
            hint: `${didYouMean(key, allowed)}Allowed fields: ${allowed.map((k) => `\`${k}\``).join(', ')}.`,
          }),
        );
      }
      continue;
    }
    const received = 'input' in issue ? issue.input : undefined;
    if (issue.code === 'invalid_type' && (received === undefined || received === null)) {
      out.push(
        createDiagnostic('schema-invalid', {
          file: file.path,
          range: file.rangeAt(path),
          message: received === null ? `Field \`${field}\` is empty` : `Missing required field \`${field}\``,
          hint: `Add \`${field}:\` with ${describeExpected(issue.expected)}.`,
        }),
      );
      continue;
    }
    out.push(
      createDiagnostic('schema-invalid', {
        file: file.path,
        range: file.rangeAt(path),
        message: issueMessage(issue, field, received),
        hint: issueHint(issue, received),
      }),
    );
  }
  return out;
}

function fieldName(path: readonly (string | number)[]): string {
  const named = path.filter((p): p is string => typeof p === 'string');
  return named.at(-1) ?? 'value';
}

function describeExpected(expected: string): string {
  switch (expected) {
    case 'string':
      return 'a text value';
    case 'array':
      return 'a list (`- item` lines)';
    case 'object':
      return 'a mapping (`key: value` lines)';
    default:
      return `a value of type ${expected}`;
  }
}

function describeReceived(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value !== null && typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `\`${value.length > 40 ? `${value.slice(0, 40)}…` : value}\``;
  return String(value);
}

function issueMessage(issue: z.core.$ZodIssue, field: string, received: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return `Unexpected ${describeReceived(received)} for \`${field}\`, expected ${describeExpected(issue.expected)}`;
    case 'invalid_value':
      return `Unexpected ${describeReceived(received)} for \`${field}\`, expected one of ${issue.values.map((v) => `\`${String(v)}\``).join(', ')}`;
    case 'too_small':
      return issue.origin === 'array'
        ? `\`${field}\` needs at least ${String(issue.minimum)} item${issue.minimum === 1 ? '' : 's'}`
        : `\`${field}\` is empty`;
    case 'too_big':
      return `\`${field}\` is too long (at most ${String(issue.maximum)})`;
    default:
      return `${issue.message} (\`${field}\`)`;
  }
}

function issueHint(issue: z.core.$ZodIssue, received: unknown): string {
  if (issue.code === 'invalid_value' && typeof received === 'string') {
    const values = issue.values.map(String);
    return `${didYouMean(received, values)}Use one of: ${values.join(', ')}.`;
  }
  if (issue.code === 'invalid_type' && issue.expected === 'array') return 'Write the value as a list of `- item` lines.';
  return 'Compare the field with the content model (DESIGN.md §1) or run `briefwright schema` for editor hints.';
}

type Def = { type: string; [key: string]: unknown };

/** The keys the object schema at `path` accepts, found by walking the zod definition. */
function allowedKeys(schema: z.ZodType, path: readonly (string | number)[]): string[] {
  let current: unknown = schema;
  const steps = [...path];
  for (let guard = 0; guard < 64 && current; guard++) {
    const def = (current as { _zod: { def: Def } })._zod.def;
    switch (def.type) {
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'readonly':
      case 'catch':
        current = def['innerType'];
        continue;
      case 'pipe':
        current = def['in'];
        continue;
      case 'array':
        if (steps.length === 0) return [];
        steps.shift();
        current = def['element'];
        continue;
      case 'object': {
        const shape = def['shape'] as Record<string, unknown>;
        if (steps.length === 0) return Object.keys(shape);
        current = shape[String(steps.shift())];
        continue;
      }
      default:
        return [];
    }
  }
  return [];
}
