import { createDiagnostic } from '../../diagnostics/index.js';
import { numberFindings } from '../number-findings.js';
import type { RuleContext } from '../rule-context.js';

/**
 * Every figure a reader sees should come from a fact (and so carry its citation): a number
 * typed in prose that matches no fact, in a sentence that cites no source, is a warning. What
 * counts as a number (and what does not: years, dates, ordinals, numbering, names with
 * numbers …) is in prose-numbers.ts.
 */
export function numberUnsourced(context: RuleContext): void {
  for (const finding of numberFindings(context.model)) {
    const { verdict, number } = finding;
    if (verdict.kind !== 'unsourced' || verdict.cited) continue;
    context.report(
      createDiagnostic('number-unsourced', {
        file: finding.section.path,
        range: finding.range,
        message: `\`${number.text}\` is not produced by any fact and its sentence cites no source`,
        hint: 'Add a fact with its sources and write `:fact[id]`, or cite the sentence’s source with `:cite[source-id]`.',
      }),
    );
  }
}
