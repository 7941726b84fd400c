import { displayOfFact, formatDate } from '../markdown/format-fact-value.js';
import type { DocumentEntity, FactEntity, Model } from '../schema/model.js';
import { findAttribution, statusesNeedingAttribution } from '../validate/attribution.js';
import { statementText } from '../validate/fact-text.js';
import { timelineFacts } from '../validate/timeline-facts.js';

/** One dated fact, ready to draw: every text a reader will see is decided here. */
export interface TimelineEvent {
  readonly fact: FactEntity;
  /** YYYY-MM-DD, the fact's date value: the order and the `datetime`. */
  readonly date: string;
  /** How the date reads: the fact's `display` when set ("mid-April 2026"), else the long date. */
  readonly dateText: string;
  /** The short caption drawn on the timeline: the fact's `label`, else its statement. */
  readonly label: string;
  /**
   * "Alleged by Anthropic" for a fact that is not confirmed, unless the caption already says who
   * claims it: a timeline must never state an allegation in our own voice.
   */
  readonly attribution: string | undefined;
}

const statusVerb: Record<FactEntity['status'], string> = {
  alleged: 'Alleged by',
  reported: 'Reported by',
  disputed: 'Disputed by',
  denied: 'Denied by',
  confirmed: 'Confirmed by',
};

/**
 * The facts a document's timeline draws: every fact whose value is a date and whose
 * sensitivity the document may carry, in date order (ties by id, so the output is stable).
 */
export function selectTimelineEvents(model: Model, document: DocumentEntity): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  for (const fact of timelineFacts(model, document)) {
    if (fact.value?.kind !== 'date') continue;
    const label = fact.label ?? statementText(fact);
    events.push({
      fact,
      date: fact.value.date,
      dateText: displayOfFact(fact) ?? formatDate(fact.value.date),
      label,
      attribution: attributionLine(fact, label),
    });
  }
  return events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.fact.id < b.fact.id ? -1 : a.fact.id > b.fact.id ? 1 : 0));
}

/** "Alleged by Anthropic": who stands behind a fact that is not confirmed; undefined when confirmed. */
export function attributionPhrase(fact: FactEntity): string | undefined {
  if (fact.attributed_to === undefined || fact.status === 'confirmed') return undefined;
  return `${statusVerb[fact.status]} ${fact.attributed_to}`;
}

function attributionLine(fact: FactEntity, caption: string): string | undefined {
  if (statusesNeedingAttribution.has(fact.status) && findAttribution(caption, fact.attributed_to) !== undefined) return undefined;
  return attributionPhrase(fact);
}
