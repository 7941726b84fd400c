import { chmod, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { createTempProject, snapshotTree, type TempProject } from '../helpers/temp-project.js';
import { pdfTestBrowser } from '../pdf/helpers/pdf-browser.js';

interface ManifestOutput {
  path: string;
  facts: string[];
}

/** The base fixture, with one document printed to PDF too, so reuse covers both formats. */
async function project(): Promise<TempProject> {
  const p = await createTempProject({}, { templates: false, fixture: 'base' });
  const doc = await p.read('content/documents/public-note.yaml');
  await p.write('content/documents/public-note.yaml', doc.replace('formats: [html]', 'formats: [html, pdf]'));
  return p;
}

/** `--verbose` prints `html k/n <path> · rendered|reused` per output unit. */
function unitsSaying(stderr: string, word: 'rendered' | 'reused'): string[] {
  return [...stderr.matchAll(new RegExp(`^html \\d+/\\d+ (\\S+) · ${word}$`, 'gm'))].map((m) => m[1]!).sort();
}

async function mtimes(dir: string, paths: Iterable<string>): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const p of paths) out.set(p, (await stat(join(dir, p))).mtimeMs);
  return out;
}

describe('incremental builds', () => {
  let p: TempProject | undefined;
  afterEach(async () => {
    await p?.remove();
    p = undefined;
  });

  it('a second build with no change renders nothing and leaves out/ byte-identical, untouched', async () => {
    p = await project();
    const first = await runCli(['build', '--root', p.root, '--verbose']);
    expect(first.code, first.stderr).toBe(0);
    expect(unitsSaying(first.stderr, 'rendered').length).toBeGreaterThan(0);
    const out = join(p.root, 'out');
    const before = await snapshotTree(out);
    expect(before.has('public-note.pdf')).toBe(true);
    const beforeTimes = await mtimes(out, before.keys());

    const second = await runCli(['build', '--root', p.root, '--verbose']);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toContain('(all reused, nothing changed)');
    expect(second.stderr).not.toMatch(/^(html|pdf) \d+\/\d+ /m);
    expect(await snapshotTree(out)).toEqual(before);
    expect(await mtimes(out, before.keys())).toEqual(beforeTimes);

    // --no-cache renders everything again, to the same bytes.
    const forced = await runCli(['build', '--root', p.root, '--verbose', '--no-cache']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(unitsSaying(forced.stderr, 'reused')).toEqual([]);
    expect(forced.stderr).toMatch(/^pdf 1\/1 public-note\.pdf/m);
    expect(await snapshotTree(out)).toEqual(before);
  });

  it('a browser replaced since the last build prints every PDF again (no output of the old one is kept)', async () => {
    p = await project();
    const real = pdfTestBrowser();
    if (real === undefined) return;
    // A stand-in executable whose file changes the way an upgrade or a new install changes one.
    const browser = join(p.root, 'browser');
    await writeFile(browser, `#!/bin/sh\nexec ${JSON.stringify(real)} "$@"\n`);
    await chmod(browser, 0o755);
    const first = await runCli(['build', '--root', p.root, '--browser', browser]);
    expect(first.code, first.stderr).toBe(0);
    const unchanged = await runCli(['build', '--root', p.root, '--browser', browser]);
    expect(unchanged.stderr).toContain('(all reused, nothing changed)');

    await utimes(browser, new Date(), new Date(Date.now() + 60_000));
    const again = await runCli(['build', '--root', p.root, '--browser', browser, '--verbose']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).not.toContain('nothing changed');
    expect(unitsSaying(again.stderr, 'reused')).toEqual([]);
    expect(again.stderr).toMatch(/^pdf 1\/1 public-note\.pdf/m);
  });

  it('editing one fact renders exactly the outputs whose manifest entry uses it, to the bytes of a fresh build', async () => {
    p = await project();
    expect((await runCli(['build', '--root', p.root])).code).toBe(0);
    const manifest = JSON.parse(await p.read('out/manifest.json')) as { outputs: ManifestOutput[] };
    const units = (fact: string) => manifest.outputs.filter((o) => o.path.endsWith('.html') && o.facts.includes(fact)).map((o) => o.path).sort();
    const all = manifest.outputs.filter((o) => o.path.endsWith('.html')).map((o) => o.path).sort();
    // The fixture has a fact only the internal note uses and one every document uses.
    expect(units('internal-view')).toEqual(['internal-note.html']);
    expect(units('accounts')).toEqual(all);

    const facts = await p.read('content/facts/main.yaml');
    await p.write('content/facts/main.yaml', facts.replace('to support the request.', 'to support the request in full.'));
    const one = await runCli(['build', '--root', p.root, '--verbose']);
    expect(one.code, one.stderr).toBe(0);
    expect(unitsSaying(one.stderr, 'rendered')).toEqual(units('internal-view'));
    expect(unitsSaying(one.stderr, 'reused')).toEqual(all.filter((u) => !units('internal-view').includes(u)));
    expect(one.stderr).not.toMatch(/^pdf /m);
    expect(one.stderr).toContain(`(1 rendered, ${manifest.outputs.length - 1} reused)`);
    expect(await p.read('out/internal-note.html')).toContain('in full');

    // What the cache kept is exactly what a fresh build writes.
    const fresh = await runCli(['build', '--root', p.root, '--no-cache', '--out', 'fresh']);
    expect(fresh.code, fresh.stderr).toBe(0);
    expect(await snapshotTree(join(p.root, 'out'))).toEqual(await snapshotTree(join(p.root, 'fresh')));

    // A fact every document uses: everything is rendered again, the PDF included.
    await p.write('content/facts/main.yaml', (await p.read('content/facts/main.yaml')).replace('display: nearly 25,000', 'display: almost 25,000'));
    const every = await runCli(['build', '--root', p.root, '--verbose']);
    expect(every.code, every.stderr).toBe(0);
    expect(unitsSaying(every.stderr, 'rendered')).toEqual(all);
    expect(every.stderr).toMatch(/^pdf 1\/1 public-note\.pdf/m);
  });

  it('a reused output hides no problem: validation runs on every change, and a reused unit brings back its warnings', async () => {
    p = await project();
    // A warning only rendering finds (raw HTML the sanitizer drops), in a section only the internal note uses.
    const position = await p.read('content/sections/position.md');
    await p.write('content/sections/position.md', `${position}\n<span onclick="x()">clicked</span>\n`);
    const first = await runCli(['build', '--root', p.root, '--format', 'json']);
    expect(first.code, first.stderr).toBe(0);
    const warnings = (JSON.parse(first.stdout) as { diagnostics: { ruleId: string; file: string }[] }).diagnostics;
    expect(warnings.some((d) => d.ruleId === 'html-unsafe' && d.file === 'content/sections/position.md')).toBe(true);

    // An edit elsewhere: the internal note is reused and its warning is still reported, in full.
    const doc = await p.read('content/documents/public-note.yaml');
    await p.write('content/documents/public-note.yaml', doc.replace('title: Public note', 'title: Public note, revised'));
    const second = await runCli(['build', '--root', p.root, '--format', 'json']);
    expect(second.code, second.stderr).toBe(0);
    expect(JSON.parse(second.stdout)).toEqual(JSON.parse(first.stdout));
    // Unchanged inputs: the same diagnostics, replayed without validating.
    const third = await runCli(['build', '--root', p.root, '--format', 'json', '--strict']);
    expect(third.code).toBe(1);
    expect(JSON.parse(third.stdout)).toEqual(JSON.parse(first.stdout));

    // A new error elsewhere is found and fails the build although every existing output is reusable.
    await p.write('content/documents/broken.yaml', doc.replace('title: Public note', 'title: Broken').replace('sections: [overview]', 'sections: [no-such-section]'));
    const broken = await runCli(['build', '--root', p.root, '--format', 'json']);
    expect(broken.code).toBe(1);
    expect((JSON.parse(broken.stdout) as { diagnostics: { ruleId: string; file: string }[] }).diagnostics).toContainEqual(
      expect.objectContaining({ ruleId: 'section-unknown', file: 'content/documents/broken.yaml' }),
    );
  });

  it('an output changed by hand since it was recorded is rendered again, and printed again, to the bytes of a fresh build', async () => {
    p = await project();
    expect((await runCli(['build', '--root', p.root])).code).toBe(0);
    const out = join(p.root, 'out');
    const before = await snapshotTree(out);
    await p.write('out/internal-note.html', `${await p.read('out/internal-note.html')}<!-- edited -->`);
    await p.write('out/public-note.pdf', 'not a PDF any more');

    const again = await runCli(['build', '--root', p.root, '--verbose']);
    expect(again.code, again.stderr).toBe(0);
    expect(unitsSaying(again.stderr, 'rendered')).toEqual(['internal-note.html', 'public-note.html']);
    // The PDF the cache counted on is printed after all, and progress counts it.
    expect(again.stderr).toMatch(/^pdf 1\/1 public-note\.pdf/m);
    expect(await snapshotTree(out)).toEqual(before);
  });
});
