import type { DocumentEntity, FactEntity, Model } from '../schema/model.js';
import { sensitivityRank } from '../schema/scalars.js';

/**
 * The facts a `{{timeline}}` in a document's layout draws: every fact whose value is a date and
 * whose sensitivity the document may carry, in the model's order. One definition, so the
 * drawing, the unused-fact rule, the computed marking and `explain` agree on what it shows.
 */
export function timelineFacts(model: Model, document: DocumentEntity): FactEntity[] {
  const limit = sensitivityRank(document.distribution);
  return [...model.facts.values()].filter((fact) => fact.value?.kind === 'date' && sensitivityRank(fact.sensitivity) <= limit);
}
