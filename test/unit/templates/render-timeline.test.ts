import { describe, expect, it } from 'vitest';
import type { FactEntity, Origin } from '../../../src/schema/model.js';
import { renderTimeline } from '../../../src/templates/render-timeline.js';
import type { TimelineEvent } from '../../../src/templates/select-timeline-events.js';

const origin = {} as Origin;

function event(id: string, statement: string, extra: Partial<FactEntity> = {}, attribution?: string): TimelineEvent {
  const fact = { id, statement, status: 'confirmed', sources: ['s1', 's2'], display: undefined, attributed_to: undefined, origin, ...extra } as FactEntity;
  return { fact, date: '2026-06-10', dateText: 'June 10, 2026', label: statement, attribution };
}

describe('renderTimeline', () => {
  it('is empty without dated facts', () => {
    expect(renderTimeline([])).toBe('');
  });

  it('follows the drawing with the dated statements and their citation placeholders', () => {
    const html = renderTimeline([event('sent', 'The letter was sent.')]);
    expect(html).toMatch(/^<figure class="timeline"><svg [^]*<\/svg><ol class="timeline-events">/);
    expect(html).toContain(
      '<li><time datetime="2026-06-10">June 10, 2026</time> <span class="tl-statement"><span class="fact fact-statement" data-fact="sent">The letter was sent.</span><bw-cite data-sources="s1 s2"></bw-cite></span></li>',
    );
  });

  it('adds the attribution to an allegation whose statement does not say who claims it', () => {
    const bare = renderTimeline([event('began', 'The campaign began.', { status: 'alleged', attributed_to: 'Example Lab' }, 'Alleged by Example Lab')]);
    expect(bare).toContain('<bw-cite data-sources="s1 s2"></bw-cite> (Alleged by Example Lab)</span>');
    const own = renderTimeline([event('began', 'Example Lab alleges the campaign began.', { status: 'alleged', attributed_to: 'Example Lab' }, undefined)]);
    expect(own).not.toContain('(Alleged by');
  });
});
