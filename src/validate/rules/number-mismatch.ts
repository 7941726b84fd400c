import { createDiagnostic } from '../../diagnostics/index.js';
import { numberFindings } from '../number-findings.js';
import type { RuleContext } from '../rule-context.js';

/**
 * A number typed in prose that is close to a fact's figure but not the same ("28.5 million
 * queries" when the fact says 28.8 million) is almost always a typo or a stale copy: an error
 * naming the fact. The judging rules are in number-findings.ts.
 */
export function numberMismatch(context: RuleContext): void {
  for (const finding of numberFindings(context.model)) {
    const { verdict, number } = finding;
    if (verdict.kind !== 'mismatch') continue;
    const fact = verdict.fact;
    context.report(
      createDiagnostic('number-mismatch', {
        file: finding.section.path,
        range: finding.range,
        message: `\`${number.text}\` is close to fact \`${fact.id}\` (${verdict.factNumber.text}) but differs`,
        hint: `Write \`:fact[${fact.id}]\` instead of typing the number, so it always matches its source; if \`${number.text}\` is right, correct the fact (${fact.origin.file}).`,
      }),
    );
  }
}
