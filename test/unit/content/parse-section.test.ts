import { describe, expect, it } from 'vitest';
import { parseSection } from '../../../src/content/parse-section.js';

describe('parseSection', () => {
  it('parses front matter and finds directives with their positions', () => {
    const { section, diagnostics } = parseSection({
      path: 'content/sections/a.md',
      text: '---\ntitle: A\n---\nSee :fact[accounts] and :fact[queries]{show=statement} :cite[src].\n',
    });
    expect(diagnostics).toEqual([]);
    expect(section.frontMatter?.data).toEqual({ title: 'A' });
    expect(section.references).toEqual([
      { kind: 'fact', id: 'accounts', show: 'value', range: { start: { line: 4, column: 5 }, end: { line: 4, column: 20 } } },
      { kind: 'fact', id: 'queries', show: 'statement', range: { start: { line: 4, column: 25 }, end: { line: 4, column: 55 } } },
      { kind: 'cite', id: 'src', show: 'value', range: { start: { line: 4, column: 56 }, end: { line: 4, column: 66 } } },
    ]);
  });

  it('turns colons in prose back into the text the author wrote', () => {
    const { section } = parseSection({ path: 'a.md', text: '---\ntitle: A\n---\nAt 10:30 the ratio was 3:1; note:this.\n' });
    const paragraph = section.tree.children[0] as { children: { type: string; value: string }[] };
    expect(paragraph.children).toEqual([expect.objectContaining({ type: 'text', value: 'At 10:30 the ratio was 3:1; note:this.' })]);
  });

  it('reports a missing front matter at 1:1 and bad directive attributes at the directive', () => {
    expect(parseSection({ path: 'a.md', text: 'No front matter.\n' }).diagnostics).toMatchObject([{ ruleId: 'schema-invalid', line: 1, column: 1 }]);
    const { diagnostics } = parseSection({ path: 'a.md', text: '---\ntitle: A\n---\n:fact[x]{show=everything} :fact[]\n' });
    expect(diagnostics.map((d) => [d.line, d.column, d.message])).toEqual([
      [4, 1, 'Unexpected `show=everything`, expected `value` or `statement`'],
      [4, 27, '`:fact` needs an id in brackets'],
    ]);
  });

  it('places front matter errors in file coordinates', () => {
    const { diagnostics } = parseSection({ path: 'a.md', text: '---\ntitle: A\ntitle: B\n---\nBody\n' });
    expect(diagnostics).toMatchObject([{ ruleId: 'yaml-syntax', line: 3, column: 1 }]);
  });
});
