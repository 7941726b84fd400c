import type { Element, ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { factToHast } from '../markdown/fact-html.js';
import { findAttribution, statusesNeedingAttribution } from '../validate/attribution.js';
import { statementText } from '../validate/fact-text.js';
import { drawTimelineSvg } from './draw-timeline-svg.js';
import { attributionPhrase, type TimelineEvent } from './select-timeline-events.js';

/**
 * The timeline figure: the drawing, then the same events as a list of dated statements with
 * their citation marks — the drawing shows the sequence at a glance, the list is what a reader
 * (or a screen reader) checks against the sources. Empty when there are no dated facts.
 */
export function renderTimeline(events: readonly TimelineEvent[], idPrefix = 'timeline'): string {
  if (events.length === 0) return '';
  const items: Element[] = events.map((event) => {
    const statement: ElementContent[] = factToHast(event.fact, 'statement');
    const fact = event.fact;
    // The statement itself must say who claims an allegation; if it does not, say it here.
    const phrase = attributionPhrase(fact);
    if (phrase && statusesNeedingAttribution.has(fact.status) && findAttribution(statementText(fact), fact.attributed_to) === undefined) {
      statement.push({ type: 'text', value: ` (${phrase})` });
    }
    return {
      type: 'element',
      tagName: 'li',
      properties: {},
      children: [
        { type: 'element', tagName: 'time', properties: { dateTime: event.date }, children: [{ type: 'text', value: event.dateText }] },
        // Copied or read as text, the date and the statement stay two words apart.
        { type: 'text', value: ' ' },
        { type: 'element', tagName: 'span', properties: { className: ['tl-statement'] }, children: statement },
      ],
    };
  });
  const list: Element = { type: 'element', tagName: 'ol', properties: { className: ['timeline-events'] }, children: items };
  return `<figure class="timeline">${drawTimelineSvg(events, { idPrefix })}${toHtml(list)}</figure>`;
}
