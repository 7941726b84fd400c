import { createDiagnostic } from '../../diagnostics/index.js';
import { didYouMean } from '../closest-match.js';
import type { RuleContext } from '../rule-context.js';

/** A document's `recipients` names a list in content/recipients. */
export function recipientsUnknown(context: RuleContext): void {
  const { model, invalidIds } = context;
  for (const doc of model.documents.values()) {
    const list = doc.recipients;
    if (list === undefined || model.recipientLists.has(list) || invalidIds.recipientLists.has(list)) continue;
    const available = [...model.recipientLists.keys()];
    context.report(
      createDiagnostic('recipients-unknown', {
        file: doc.origin.file,
        range: doc.origin.range(['recipients']),
        message: `Unknown recipients list \`${list}\``,
        hint: `${didYouMean(list, available)}Recipients lists are the files in content/recipients/${available.length ? ` (${available.join(', ')})` : ''}.`,
      }),
    );
  }
}
