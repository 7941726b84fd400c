import type { FactEntity, Origin } from '../../src/schema/model.js';

/** An origin whose every range is 1:1, for entities built in unit tests. */
export const testOrigin: Origin = {
  file: 'x.yaml',
  range: () => ({ start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }),
  keyRange: () => ({ start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }),
};

/** A valid, confirmed, public fact with one source; `extra` overrides any field. */
export function testFact(id: string, extra: Partial<FactEntity> = {}): FactEntity {
  return {
    id,
    statement: `Statement of ${id}.`,
    value: undefined,
    display: undefined,
    label: undefined,
    status: 'confirmed',
    attributed_to: undefined,
    sources: ['s1'],
    as_of: '2026-06-24',
    review_by: undefined,
    sensitivity: 'public',
    note: undefined,
    origin: testOrigin,
    ...extra,
  };
}
