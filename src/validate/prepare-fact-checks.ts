import type { YamlFile } from '../content/parse-yaml.js';
import { factSchema } from '../schema/fact-schema.js';
import { prepareFactNumbers } from './number-findings.js';

/**
 * What validation will ask of every fact in these files, worked out ahead: each statement
 * rendered (into renderInlineMarkdown's memo) and the figures and words of its texts found
 * (prepareFactNumbers). The build calls it between the YAML and the section trees, while the
 * Markdown thread parses and this thread would only wait; validation, which runs after the
 * trees and holds up every output, then finds it done. A plain statement costs nothing to
 * render; one with Markdown in it is a cold parse (≈1 ms).
 *
 * Facts are read as the schema reads each field; a fact whose statement it would refuse is left
 * alone, as is a field it would refuse. Nothing here decides anything: validation still reads
 * every fact itself, and finds the same results with or without this pass.
 */
export function prepareFactChecks(files: readonly YamlFile[]): void {
  const facts = [];
  for (const file of files) {
    if (!Array.isArray(file.data)) continue;
    for (const item of file.data as unknown[]) {
      const fields = (item ?? {}) as { statement?: unknown; display?: unknown; label?: unknown };
      const statement = factSchema.shape.statement.safeParse(fields.statement);
      if (!statement.success) continue;
      const display = factSchema.shape.display.safeParse(fields.display);
      const label = factSchema.shape.label.safeParse(fields.label);
      facts.push({ statement: statement.data, display: display.success ? display.data : undefined, label: label.success ? label.data : undefined });
    }
  }
  prepareFactNumbers(facts);
}
