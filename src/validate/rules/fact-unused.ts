import { createDiagnostic } from '../../diagnostics/index.js';
import type { Model } from '../../schema/model.js';
import type { RuleContext } from '../rule-context.js';
import { factsUsedByDocument } from '../document-facts.js';

/**
 * A fact no document uses is either forgotten or dead weight that still has to be reviewed:
 * a warning. Used means referenced by a section some document includes (or its BLUF), listed
 * in a document's `key_facts`, named literally by a `{{fact "id"}}` in a document's layout
 * or the partials it reaches, or drawn by a `{{timeline}}` there (every dated fact the document
 * may carry: timelineFacts).
 */
export function factUnused(context: RuleContext): void {
  const used = factsUsedByDocuments(context.model);
  for (const fact of context.model.facts.values()) {
    if (used.has(fact.id)) continue;
    context.report(
      createDiagnostic('fact-unused', {
        file: fact.origin.file,
        range: fact.origin.range(['id']),
        message: `Fact \`${fact.id}\` is not used by any document`,
        hint: `Reference it with \`:fact[${fact.id}]\` in a section a document includes, or list it in a document's \`key_facts\`; remove it if it is no longer needed.`,
      }),
    );
  }
}

export function factsUsedByDocuments(model: Model): Set<string> {
  const used = new Set<string>();
  for (const doc of model.documents.values()) for (const id of factsUsedByDocument(model, doc)) used.add(id);
  return used;
}
