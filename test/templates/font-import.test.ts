import { afterEach, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import { runCli } from '../helpers/run-cli.js';
import { createTempProject, type TempProject } from '../helpers/temp-project.js';

describe('a stylesheet importing a font package that is not installed', () => {
  let p: TempProject | undefined;
  afterEach(async () => {
    await p?.remove();
  });

  it('is a located error with a hint, exit 1, not a crash', async () => {
    p = await createTempProject({}, { fixture: 'base' });
    const css = await p.read('templates/styles/base.css');
    await p.write('templates/styles/base.css', `@import "@fontsource/no-such-font/latin-400.css";\n${css}`);
    const r = await runCli(['build', '--root', p.root, '--formats', 'html', '--format', 'json']);
    expect(r.code, r.stderr).toBe(1);
    const { diagnostics } = JSON.parse(r.stdout) as { diagnostics: Diagnostic[] };
    expect(diagnostics).toContainEqual(
      expect.objectContaining({ ruleId: 'template-missing-partial', file: 'templates/styles/base.css', line: 1, column: 1, message: expect.stringContaining('@fontsource/no-such-font/latin-400.css') }),
    );
    expect(diagnostics.find((d) => d.ruleId === 'template-missing-partial')?.hint).toContain('npm install');
  });
});
