import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../../src/content/parse-yaml.js';
import { createLocator } from '../../../src/diagnostics/position.js';

describe('parseYaml', () => {
  it('keeps every scalar as written (failsafe): no silent retyping', () => {
    const { file, diagnostics } = parseYaml('x.yaml', 'zip: 02134\nversion: 1.10\ncountry: NO\nbig: 9007199254740993\nflag: true\nempty:\ntilde: ~\nquoted: ""\n');
    expect(diagnostics).toEqual([]);
    expect(file?.data).toEqual({ zip: '02134', version: '1.10', country: 'NO', big: '9007199254740993', flag: 'true', empty: null, tilde: null, quoted: '' });
  });

  it('reports syntax errors and duplicate keys with positions', () => {
    const { file, diagnostics } = parseYaml('x.yaml', 'a: 1\na: 2\n');
    expect(file).toBeUndefined();
    expect(diagnostics).toMatchObject([{ ruleId: 'yaml-syntax', line: 2, column: 1, message: 'Map keys must be unique' }]);
  });

  it('refuses tags instead of resolving them', () => {
    const { diagnostics } = parseYaml('x.yaml', 'a: !include /etc/passwd\nb: !!js/function "x"\n');
    expect(diagnostics.map((d) => [d.ruleId, d.line, d.column])).toEqual([
      ['yaml-syntax', 1, 4],
      ['yaml-syntax', 2, 4],
    ]);
  });

  it('refuses prototype keys at their position', () => {
    const { diagnostics } = parseYaml('x.yaml', 'ok: 1\nnested:\n  __proto__:\n    polluted: true\n');
    expect(diagnostics).toMatchObject([{ ruleId: 'yaml-syntax', line: 3, column: 3, message: 'Key `__proto__` is not allowed' }]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('stops an alias bomb with a positioned error', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) levels.push(`${'b'.repeat(i)}: &${'b'.repeat(i)} [${Array(9).fill(`*${i === 1 ? 'a' : 'b'.repeat(i - 1)}`).join(',')}]`);
    const { file, diagnostics } = parseYaml('bomb.yaml', `${levels.join('\n')}\n`);
    expect(file).toBeUndefined();
    expect(diagnostics[0]).toMatchObject({ ruleId: 'yaml-syntax', message: expect.stringContaining('alias bomb') });
    expect(diagnostics[0]!.line).toBeGreaterThan(1);
  });

  it('places values, missing keys and keys exactly, shifted by an offset', () => {
    const text = '---\ntitle: x\nlist:\n  - one\n  - two\n';
    const yamlStart = 4;
    const { file } = parseYaml('s.md', text.slice(yamlStart), { offset: yamlStart, locator: createLocator(text) });
    expect(file?.rangeAt(['list', 1])).toEqual({ start: { line: 5, column: 5 }, end: { line: 5, column: 8 } });
    expect(file?.rangeAt(['missing']).start).toEqual({ line: 2, column: 1 });
    expect(file?.keyRangeAt([], 'list').start).toEqual({ line: 3, column: 1 });
  });
});
