import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../../src/content/parse-yaml.js';
import { prerenderStatements, statementText } from '../../../src/validate/fact-text.js';

const facts = (text: string) => {
  const file = parseYaml('content/facts/x.yaml', text).file;
  if (!file) throw new Error('fixture did not parse');
  return file;
};

describe('prerenderStatements', () => {
  it('renders what the schema would read and passes over anything it would refuse', () => {
    const files = [
      facts('- id: a\n  statement: "  About **24,000** accounts.  "\n- 7\n- null\n- statement: 12\n- statement: "   "\n'),
      facts('id: not-a-list\nstatement: Also fine.\n'),
      facts(''),
    ];
    expect(() => prerenderStatements(files)).not.toThrow();
    // Rendering afterwards gives what it gives without the pass (the memo is keyed by exact text).
    expect(statementText({ statement: 'About **24,000** accounts.' })).toBe('About 24,000 accounts.');
  });
});
