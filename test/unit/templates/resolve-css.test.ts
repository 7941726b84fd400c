import { describe, expect, it, vi } from 'vitest';
import type { TextFile } from '../../../src/content/text-file.js';

type ResolveCssModule = typeof import('../../../src/templates/resolve-css.js');

/** A fresh copy of the module: its cache of inlined font packages starts empty. */
async function freshModule(): Promise<ResolveCssModule> {
  vi.resetModules();
  return import('../../../src/templates/resolve-css.js');
}

const file = (path: string, text: string): TextFile => ({ path, text }) as TextFile;

const fonts = file('templates/styles/fonts.css', '@import "@fontsource/source-serif-4/latin-400.css";\n@import "@fontsource/source-sans-3/latin-600.css";\n');
const base = file('templates/styles/base.css', '@import "fonts.css";\nbody { font-family: "Source Serif 4"; }\n');
const broken = file('templates/styles/broken.css', '@import "@fontsource/no-such-font/latin-400.css";\n@import "missing.css";\np { color: red; }\n');
const styles = new Map([
  ['fonts', fonts],
  ['base', base],
  ['broken', broken],
]);
const options = { styles, assets: new Map<string, Uint8Array>() };

/** What resolveCss gives, or the error it throws, as plain data. */
function outcome(module: ResolveCssModule, entry: TextFile): unknown {
  try {
    return module.resolveCss(entry, options);
  } catch (error) {
    return { threw: String(error) };
  }
}

describe('preloadStyleImports', () => {
  it('inlines the imported font packages ahead, and resolveCss then gives exactly what it gives cold', async () => {
    const cold = await freshModule();
    const expected = outcome(cold, base);
    expect(JSON.stringify(expected)).toContain('data:font/woff2;base64,');
    const warm = await freshModule();
    warm.preloadStyleImports([...styles.values()]);
    expect(outcome(warm, base)).toEqual(expected);
  });

  it('leaves an import it cannot inline to resolveCss, which reports it as it does without the pass', async () => {
    const cold = await freshModule();
    const expected = outcome(cold, broken);
    expect(expected).toMatchObject({
      diagnostics: [
        { ruleId: 'template-missing-partial', file: 'templates/styles/broken.css', message: expect.stringContaining('Cannot inline `@import "@fontsource/no-such-font/latin-400.css"`') },
        { ruleId: 'template-missing-partial', file: 'templates/styles/broken.css', message: expect.stringContaining('missing.css') },
      ],
    });
    const warm = await freshModule();
    expect(() => warm.preloadStyleImports([broken])).not.toThrow();
    expect(outcome(warm, broken)).toEqual(expected);
  });
});
