import type { DocumentEntity, Model } from '../schema/model.js';
import { templateClosure } from './template-index.js';
import { timelineFacts } from './timeline-facts.js';

/**
 * The facts a document uses, as far as its files say without rendering it: the facts its
 * sections (and BLUF) reference, its `key_facts`, literal `{{fact "id"}}` calls in its layout
 * and the partials it reaches, and what a `{{timeline}}` there draws. Rendering can only add
 * facts a layout names by a computed id.
 */
export function factsUsedByDocument(model: Model, doc: DocumentEntity): Set<string> {
  const used = new Set<string>();
  for (const id of [...doc.sections, ...(doc.bluf === undefined ? [] : [doc.bluf])]) {
    for (const ref of model.sections.get(id)?.references ?? []) if (ref.kind === 'fact') used.add(ref.id);
  }
  for (const id of doc.key_facts ?? []) used.add(id);
  let drawsTimeline = false;
  for (const template of templateClosure(model, doc.layout)) {
    for (const call of template.helperCalls) {
      if (call.helper === 'fact' && call.literal !== undefined) used.add(call.literal);
      if (call.helper === 'timeline') drawsTimeline = true;
    }
  }
  if (drawsTimeline) for (const fact of timelineFacts(model, doc)) used.add(fact.id);
  return used;
}
