import { describe, expect, it } from 'vitest';
import { createMarkdownWorker } from '../../../src/content/create-markdown-worker.js';
import { findExcessiveNesting } from '../../../src/content/find-excessive-nesting.js';
import { parseMarkdown } from '../../../src/content/parse-markdown.js';
import { parseSections } from '../../../src/content/parse-sections.js';

const section = (path: string, body: string) => ({ path, text: `---\ntitle: T\n---\n${body}` });

describe('parseSections', () => {
  it('refuses 2,000 nested blockquotes with a located error in under 5 s, and parses the others', async () => {
    const started = performance.now();
    const { sections, diagnostics } = await parseSections([section('deep.md', `${'>'.repeat(2000)} x\n`), section('ok.md', 'Fine.\n')]);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(diagnostics).toEqual([expect.objectContaining({ ruleId: 'markdown-too-complex', file: 'deep.md', line: 4, column: 101 })]);
    // The refused section keeps its front matter so documents using it stop on its error.
    expect(sections.map((s) => [s.path, s.frontMatter?.data, s.tree.children.length])).toEqual([
      ['deep.md', { title: 'T' }, 0],
      ['ok.md', { title: 'T' }, 1],
    ]);
  });

  it('stops a parse that runs past its deadline', async () => {
    // Unbalanced emphasis this long takes many seconds to parse, with no nesting the pre-scan sees.
    const slow = section('slow.md', `${'*a '.repeat(20000)}${'_b '.repeat(20000)}\n`);
    const { diagnostics } = await parseSections([slow, section('ok.md', 'Fine.\n')], { timeoutMs: 300 });
    expect(diagnostics).toEqual([expect.objectContaining({ ruleId: 'markdown-too-complex', file: 'slow.md', message: expect.stringContaining('longer than 300 ms') })]);
  });

  it('refuses a tree deeper than the later stages can walk', async () => {
    const { diagnostics } = await parseSections([section('emph.md', `${'*'.repeat(700)}a${'*'.repeat(700)}\n`)]);
    expect(diagnostics).toEqual([expect.objectContaining({ ruleId: 'markdown-too-complex', line: 4 })]);
  });
});

describe('createMarkdownWorker', () => {
  it('builds the same trees as the in-thread parser', async () => {
    const worker = createMarkdownWorker({ timeoutMs: 10_000 });
    try {
      const text = '---\ntitle: x\n---\n# H\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] task\n\n:fact[a]{show=statement} [^1] https://example.org\n\n[^1]: Note.\n';
      const result = await worker.parse(text);
      expect(result).toEqual({ ok: true, tree: JSON.parse(JSON.stringify(parseMarkdown(text))) });
    } finally {
      await worker.close();
    }
  });
});

describe('createMarkdownWorker, many texts at once', () => {
  it('gives each text its own tree, in order, and a text past its deadline fails alone: the ones after it go to a new thread', async () => {
    const worker = createMarkdownWorker({ timeoutMs: 300 });
    try {
      const slow = `${'*a '.repeat(20000)}${'_b '.repeat(20000)}\n`;
      const texts = ['# One\n', slow, '# Two\n\n| a |\n|---|\n| 1 |\n', '- three\n'];
      const results = await Promise.all(texts.map((t) => worker.parse(t)));
      expect(results.map((r) => (r.ok ? 'ok' : r.reason))).toEqual(['ok', 'timeout', 'ok', 'ok']);
      for (const i of [0, 2, 3]) expect(results[i]).toEqual({ ok: true, tree: JSON.parse(JSON.stringify(parseMarkdown(texts[i]!))) });
      // The thread that replaced the stuck one keeps working.
      expect(await worker.parse('Later.\n')).toMatchObject({ ok: true });
    } finally {
      await worker.close();
    }
  });
});

describe('findExcessiveNesting', () => {
  it('counts quotes, list markers and indentation, but not fenced code', () => {
    expect(findExcessiveNesting('> '.repeat(100) + 'ok\n')).toBeUndefined();
    expect(findExcessiveNesting('> '.repeat(101) + 'no\n')).toMatchObject({ offset: 200 });
    expect(findExcessiveNesting(`\`\`\`\n${'>'.repeat(500)}\n\`\`\`\n`)).toBeUndefined();
    expect(findExcessiveNesting(`${'<div>'.repeat(200)}${'</div>'.repeat(200)}${'<div>'.repeat(200)}`)).toBeUndefined();
    expect(findExcessiveNesting(`x\n${'<span>'.repeat(201)}`)).toMatchObject({ offset: 2 + 200 * 6 });
    expect(findExcessiveNesting('<p>'.repeat(1000))).toBeUndefined();
  });
});
