import { describe, expect, it } from 'vitest';
import type { DocumentEntity, FactEntity, Model } from '../../../src/schema/model.js';
import { testFact } from '../../helpers/entities.js';
import { attributionPhrase, selectTimelineEvents } from '../../../src/templates/select-timeline-events.js';

const fact = testFact;

const date = (d: string) => ({ kind: 'date' as const, date: d, raw: d });

function modelOf(facts: FactEntity[]): Model {
  return { facts: new Map(facts.map((f) => [f.id, f])) } as unknown as Model;
}

const publicDoc = { id: 'doc', distribution: 'public' } as DocumentEntity;
const internalDoc = { id: 'doc', distribution: 'internal' } as DocumentEntity;

describe('selectTimelineEvents', () => {
  const facts = [
    fact('b-late', { value: date('2026-06-24'), label: 'Story published' }),
    fact('number', { value: { kind: 'number', number: 25000, raw: '25000' } as FactEntity['value'] }),
    fact('a-early', { value: date('2026-04-01'), display: 'early April 2026', status: 'alleged', attributed_to: 'Example Lab', label: 'Activity begins' }),
    fact('hearing', { value: date('2026-07-15'), sensitivity: 'internal', status: 'reported', attributed_to: 'Weekly Test' }),
    fact('a-same-day', { value: date('2026-06-24'), label: 'Same day, earlier id' }),
    fact('undated', { statement: 'No date here.' }),
  ];

  it('takes only facts whose value is a date, in date order, ties broken by id', () => {
    const ids = selectTimelineEvents(modelOf(facts), internalDoc).map((e) => e.fact.id);
    expect(ids).toEqual(['a-early', 'a-same-day', 'b-late', 'hearing']);
  });

  it('does not depend on the order facts were loaded in', () => {
    const reversed = selectTimelineEvents(modelOf([...facts].reverse()), internalDoc);
    expect(reversed.map((e) => e.fact.id)).toEqual(selectTimelineEvents(modelOf(facts), internalDoc).map((e) => e.fact.id));
  });

  it('leaves out facts above the document distribution', () => {
    expect(selectTimelineEvents(modelOf(facts), publicDoc).map((e) => e.fact.id)).not.toContain('hearing');
  });

  it('reads dates as the fact words them, captions from the label else the statement', () => {
    const [early, sameDay] = selectTimelineEvents(modelOf(facts), publicDoc);
    expect(early).toMatchObject({ date: '2026-04-01', dateText: 'early April 2026', label: 'Activity begins' });
    expect(sameDay).toMatchObject({ dateText: 'June 24, 2026', label: 'Same day, earlier id' });
    const [hearing] = selectTimelineEvents(modelOf([facts[3]!]), internalDoc);
    expect(hearing?.label).toBe('Statement of hearing.');
  });

  it('attributes every fact that is not confirmed, unless an allegation caption already names who claims it', () => {
    const events = selectTimelineEvents(modelOf(facts), internalDoc);
    expect(events.find((e) => e.fact.id === 'a-early')?.attribution).toBe('Alleged by Example Lab');
    expect(events.find((e) => e.fact.id === 'hearing')?.attribution).toBe('Reported by Weekly Test');
    expect(events.find((e) => e.fact.id === 'b-late')?.attribution).toBeUndefined();
    const selfAttributed = fact('x', { value: date('2026-05-01'), status: 'alleged', attributed_to: 'Example Lab', label: 'Example Lab says it began' });
    expect(selectTimelineEvents(modelOf([selfAttributed]), publicDoc)[0]?.attribution).toBeUndefined();
  });

  it('attributionPhrase names the status and who stands behind it', () => {
    expect(attributionPhrase(fact('d', { status: 'denied', attributed_to: 'The lab' }))).toBe('Denied by The lab');
    expect(attributionPhrase(fact('c'))).toBeUndefined();
  });
});
