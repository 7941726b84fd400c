import { describe, expect, it } from 'vitest';

describe('public API', () => {
  it('exposes exactly the documented names', async () => {
    const api = await import('../src/index.js');
    expect(Object.keys(api).sort()).toEqual(['build', 'formatDiagnostics', 'ruleIds', 'rules', 'toolVersion', 'validate']);
  });
});
