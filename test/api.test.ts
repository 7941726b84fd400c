import { describe, expect, it } from 'vitest';

describe('public API', () => {
  it('exposes exactly the documented names', async () => {
    const api = await import('../src/index.js');
    expect(Object.keys(api).sort()).toEqual([
      'build',
      'createJsonSchemas',
      'explainDocument',
      'formatDiagnostics',
      'formatExplanation',
      'ruleIds',
      'rules',
      'toolVersion',
      'validate',
      'writeJsonSchemas',
    ]);
  });
});
