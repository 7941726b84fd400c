import { rules, type RuleId, type Severity } from './rules.js';

/**
 * The one wire shape of a problem (DESIGN.md §3). `file` is relative to the project root,
 * POSIX separators. Positions are 1-based; `null` when the problem has no place in a file
 * (a missing browser, a failed write) — never a guessed position.
 */
export interface Diagnostic {
  file: string;
  line: number | null;
  column: number | null;
  endLine: number | null;
  endColumn: number | null;
  ruleId: RuleId;
  severity: Severity;
  message: string;
  hint: string;
}

export interface Point {
  line: number;
  column: number;
}

export interface Range {
  start: Point;
  end: Point;
}

export interface DiagnosticInput {
  file: string;
  range?: Range | undefined;
  message: string;
  /** Overrides the catalogue hint with one specific to this occurrence. */
  hint?: string | undefined;
  /** Overrides the catalogue severity (used by --strict style escalations only). */
  severity?: Severity | undefined;
}

/** The only way to create a diagnostic: looks the rule up so severity and hint stay consistent. */
export function createDiagnostic(ruleId: RuleId, input: DiagnosticInput): Diagnostic {
  const rule = rules[ruleId];
  return {
    file: input.file,
    line: input.range?.start.line ?? null,
    column: input.range?.start.column ?? null,
    endLine: input.range?.end.line ?? null,
    endColumn: input.range?.end.column ?? null,
    ruleId,
    severity: input.severity ?? rule.severity,
    message: input.message,
    hint: input.hint ?? rule.hint,
  };
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.file.localeCompare(b.file, 'en') ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    a.ruleId.localeCompare(b.ruleId, 'en') ||
    a.message.localeCompare(b.message, 'en')
  );
}

export interface DiagnosticCounts {
  errors: number;
  warnings: number;
}

export function countDiagnostics(diagnostics: readonly Diagnostic[]): DiagnosticCounts {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
