import { createDiagnostic } from '../../diagnostics/index.js';
import { didYouMean } from '../closest-match.js';
import type { RuleContext } from '../rule-context.js';

/** A document's layout is a file in templates/layouts. */
export function layoutUnknown(context: RuleContext): void {
  const { model } = context;
  for (const doc of model.documents.values()) {
    if (model.layouts.has(doc.layout)) continue;
    const available = [...model.layouts.keys()];
    context.report(
      createDiagnostic('layout-unknown', {
        file: doc.origin.file,
        range: doc.origin.range(['layout']),
        message: `Unknown layout \`${doc.layout}\``,
        hint: `${didYouMean(doc.layout, available)}Available layouts: ${available.map((l) => `\`${l}\``).join(', ') || 'none (add templates/layouts/<name>.hbs)'}.`,
      }),
    );
  }
}
