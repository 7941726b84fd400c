import { afterEach, describe, expect, it } from 'vitest';
import { parseYaml } from '../../../src/content/parse-yaml.js';
import type { FactEntity } from '../../../src/schema/model.js';
import { statementText } from '../../../src/validate/fact-text.js';
import { numbersOfFact, prepareFactNumbers } from '../../../src/validate/number-findings.js';
import { loadProject } from '../../../src/content/load-project.js';
import { buildModel, typeEntitiesAhead } from '../../../src/validate/build-model.js';
import { prepareValidation } from '../../../src/validate/prepare-validation.js';

const facts = (text: string) => {
  const file = parseYaml('content/facts/x.yaml', text).file;
  if (!file) throw new Error('fixture did not parse');
  return file;
};

/** A fact as the model holds it: a new object each time, as every build makes them. */
const entity = (): FactEntity =>
  ({ id: 'accounts', statement: 'Anthropic said about **24,000** fraudulent accounts sent 16 million exchanges.', display: 'nearly 24,000', label: 'fraudulent accounts', value: { kind: 'number', number: 24_000 } }) as unknown as FactEntity;

afterEach(() => prepareFactNumbers([]));

describe('prepareValidation', () => {
  it('reads what the schema would read and passes over anything it would refuse', () => {
    const files = [
      facts('- id: a\n  statement: "  About **24,000** accounts.  "\n  display: 7\n- 7\n- null\n- statement: 12\n- statement: "   "\n'),
      facts('id: not-a-list\nstatement: Also fine.\n'),
      facts(''),
    ];
    const yaml = { publisher: files[1], sources: files[0], facts: files, recipients: files, documents: files };
    expect(() => prepareValidation(yaml)).not.toThrow();
    // Rendering afterwards gives what it gives without the pass (the memo is keyed by exact text).
    expect(statementText({ statement: 'About **24,000** accounts.' })).toBe('About 24,000 accounts.');
  });

  it('has the figures of each fact found ahead, exactly as numbersOfFact finds them itself', () => {
    const cold = numbersOfFact(entity());
    prepareValidation({ publisher: undefined, sources: undefined, recipients: [], documents: [], facts: [
      facts('- id: accounts\n  statement: Anthropic said about **24,000** fraudulent accounts sent 16 million exchanges.\n  display: nearly 24,000\n  label: fraudulent accounts\n  value: 24000\n  status: alleged\n  attributed_to: Anthropic\n  sources: [letter]\n  as_of: 2026-06-24\n'),
    ] });
    const first = numbersOfFact(entity());
    const second = numbersOfFact(entity());
    expect(first).toEqual(cold);
    expect(first.map((n) => [n.value, n.kind, n.text])).toEqual([
      [24_000, 'count', 'nearly 24,000'],
      [24_000, 'count', '24,000'],
      [24_000, 'count', '24,000'],
      [16_000_000, 'count', '16 million'],
    ]);
    // Taken from what was found ahead: the same words for both, not each its own.
    expect(second[0]!.words).toBe(first[0]!.words);
  });

  it('types every entity ahead exactly as buildModel types it, and buildModel takes those results', async () => {
    const root = new URL('../../..', import.meta.url).pathname;
    const cold = buildModel((await loadProject(root)).project);
    const { project } = await loadProject(root);
    const typed = typeEntitiesAhead(project);
    const ahead = buildModel(project);
    // As data: entities also carry functions (locators), which differ by identity.
    expect(JSON.stringify(ahead)).toBe(JSON.stringify(cold));
    expect(typed.length).toBe(ahead.model.facts.size);
    const first = typed[0]!;
    const entity = ahead.model.facts.get((first as { id: string }).id)!;
    expect(entity.value).toBeDefined();
    // The model's fact is built from the result typed ahead (a copy with its origin), not typed again.
    expect(entity.value).toBe(first.value);
    expect(cold.model.facts.get(entity.id)!.value).not.toBe(first.value);
  });

  it('finds nothing ahead for a text it did not see: numbersOfFact finds it then', () => {
    prepareFactNumbers([]);
    const first = numbersOfFact(entity());
    const second = numbersOfFact(entity());
    expect(second).toEqual(first);
    expect(second[0]!.words).not.toBe(first[0]!.words);
  });
});
