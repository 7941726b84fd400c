import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../src/content/parse-markdown.js';
import { parseSections } from '../../../src/content/parse-sections.js';
import { defaultSectionTimeoutMs, earlyParsesQueued, endEarlyParses, parseSectionsEarly, takeEarlyParse } from '../../../src/content/parse-sections-early.js';

const text = (body: string) => `---\ntitle: T\n---\n${body}`;

describe('parseSectionsEarly', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'briefwright-early-'));
    await mkdir(join(root, 'content/sections/nested'), { recursive: true });
  });
  afterEach(async () => {
    await endEarlyParses();
    await rm(root, { recursive: true, force: true });
  });

  it('keeps a tree for exactly the text it read, once, and only for the default deadline', async () => {
    await writeFile(join(root, 'content/sections/a.md'), text('Alpha *one*.\n'));
    await writeFile(join(root, 'content/sections/nested/b.md'), text('Bravo.\n'));
    await writeFile(join(root, 'content/sections/notes.txt'), 'not a section');
    parseSectionsEarly(root);
    await earlyParsesQueued();
    expect(takeEarlyParse(text('Alpha *one*.\n'), 300)).toBeUndefined();
    const alpha = await takeEarlyParse(text('Alpha *one*.\n'), defaultSectionTimeoutMs);
    expect(alpha).toEqual({ ok: true, tree: parseMarkdown(text('Alpha *one*.\n')) });
    expect(takeEarlyParse(text('Alpha *one*.\n'), defaultSectionTimeoutMs)).toBeUndefined();
    expect(takeEarlyParse(text('Bravo, edited since.\n'), defaultSectionTimeoutMs)).toBeUndefined();
    expect(takeEarlyParse('not a section', defaultSectionTimeoutMs)).toBeUndefined();
  });

  it('gives parseSections the same sections as a cold parse, with a file edited after the early pass read from its new text', async () => {
    const files = [
      { path: 'content/sections/a.md', text: text('# Alpha\n\n| a | b |\n|---|---|\n| 1 | 2 |\n') },
      { path: 'content/sections/b.md', text: text('Bravo.\n') },
    ];
    for (const f of files) await writeFile(join(root, f.path), f.text);
    parseSectionsEarly(root);
    await earlyParsesQueued();
    const edited = [files[0]!, { path: 'content/sections/b.md', text: text('Bravo, edited after the early pass.\n') }];
    const early = await parseSections(edited);
    const cold = await parseSections(edited);
    // As data: sections also carry functions (locators), which differ by identity.
    expect(JSON.stringify(early)).toBe(JSON.stringify(cold));
    expect(early.sections.map((s) => s.path)).toEqual(['content/sections/a.md', 'content/sections/b.md']);
    expect(JSON.stringify(early.sections[1]!.tree)).toContain('edited after the early pass');
  });

  it('drops the parses nobody took at once when it ends', async () => {
    // Unbalanced emphasis this long takes many seconds to parse, with no nesting the pre-scan refuses.
    await writeFile(join(root, 'content/sections/slow.md'), text(`${'*a '.repeat(20000)}${'_b '.repeat(20000)}\n`));
    parseSectionsEarly(root);
    await earlyParsesQueued();
    const started = performance.now();
    await endEarlyParses();
    expect(performance.now() - started).toBeLessThan(2000);
    expect(takeEarlyParse(text(`${'*a '.repeat(20000)}${'_b '.repeat(20000)}\n`), defaultSectionTimeoutMs)).toBeUndefined();
  });
});
