import { createDiagnostic } from '../../diagnostics/index.js';
import type { RuleContext } from '../rule-context.js';

/**
 * A fact past its `review_by` date is a warning (a failure under `--strict`): facts about a
 * live incident change, and a briefing must not keep repeating last month's figure. `today`
 * comes from `--today` / `config.today`, so CI runs and tests are reproducible.
 */
export function factStale(context: RuleContext): void {
  const { today } = context;
  if (today === undefined) return;
  for (const fact of context.entities.facts) {
    // ISO dates compare correctly as strings.
    if (fact.review_by === undefined || fact.review_by >= today) continue;
    context.report(
      createDiagnostic('fact-stale', {
        file: fact.origin.file,
        range: fact.origin.range(['review_by']),
        message: `Fact \`${fact.id}\` was due for review on ${fact.review_by} (today is ${today})`,
        hint: `Check \`${fact.id}\` against its sources (${fact.sources.join(', ')}), then update \`as_of\` and move \`review_by\` forward.`,
      }),
    );
  }
}
