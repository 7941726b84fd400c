import { createDiagnostic, type Diagnostic, type Range } from '../diagnostics/index.js';

/** A Handlebars error annotated with the template file it was thrown from. */
export interface LocatedTemplateError extends Error {
  briefwrightFile?: string;
  lineNumber?: number;
  column?: number;
  endLineNumber?: number;
  endColumn?: number;
}

/** Handlebars lines are 1-based and columns 0-based; diagnostics are 1-based for both. */
export function handlebarsRange(line: number | undefined, column: number | undefined, endLine?: number, endColumn?: number): Range | undefined {
  if (line === undefined || column === undefined) return undefined;
  return {
    start: { line, column: column + 1 },
    end: { line: endLine ?? line, column: (endColumn ?? column) + 1 },
  };
}

/**
 * A Handlebars compile or runtime error as a diagnostic at `templates/<file>:line:col`. The
 * position suffix Handlebars appends to its messages is dropped: the position is structured.
 */
export function templateErrorToDiagnostic(error: unknown, fallbackFile: string): Diagnostic {
  const e = error as LocatedTemplateError;
  const file = e.briefwrightFile ?? fallbackFile;
  const raw = String(e?.message ?? error);
  const message = raw.replace(/ - \d+:\d+$/, '');
  const range = handlebarsRange(e.lineNumber, e.column, e.endLineNumber, e.endColumn);
  const missing = /^"(.+)" not defined in /.exec(message);
  if (missing) {
    return createDiagnostic('template-missing-value', {
      file,
      range,
      message: `Template reads \`${missing[1]}\`, which is not in the context here`,
    });
  }
  const missingPartial = /^The partial (.+) could not be found$/.exec(message);
  if (missingPartial) {
    return createDiagnostic('template-missing-partial', { file, range, message: `Unknown partial \`${missingPartial[1]}\`` });
  }
  return createDiagnostic('template-syntax', { file, range, message: firstLine(message) });
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}
