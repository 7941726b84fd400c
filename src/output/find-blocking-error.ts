import type { Diagnostic, Range } from '../diagnostics/index.js';

/** What one output was made from, for deciding whether an error elsewhere concerns it. */
export interface OutputDependencies {
  /** Files the output depends on as a whole: its document, sections, recipients list, templates. */
  readonly files: Iterable<string>;
  /**
   * Entities it uses inside files shared with other outputs (facts, sources): only an error
   * inside the entity's lines, or one about the whole file, concerns it. One bad fact in a
   * topic file must not stop every document that cites a different fact of that file.
   */
  readonly entities: Iterable<{ readonly file: string; readonly range: Range }>;
}

/**
 * The first error that concerns an output, or undefined when the output may be written even
 * though the build as a whole failed (keep-going). An error with no file concerns everything.
 */
export function findBlockingError(dependencies: OutputDependencies, diagnostics: readonly Diagnostic[]): Diagnostic | undefined {
  const files = new Set(dependencies.files);
  const entities = [...dependencies.entities];
  return diagnostics.find((d) => {
    if (d.severity !== 'error') return false;
    if (d.file === '' || files.has(d.file)) return true;
    return entities.some((e) => e.file === d.file && (d.line === null || (d.line >= e.range.start.line && d.line <= e.range.end.line)));
  });
}
