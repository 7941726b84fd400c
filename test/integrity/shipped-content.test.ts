import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { findAttribution } from '../../src/validate/attribution.js';
import { runCli } from '../helpers/run-cli.js';
import { createTempProject, repoRoot, type TempProject } from '../helpers/temp-project.js';

/**
 * The shipped knowledge base (content/) against the editorial checks: it must pass them all
 * under --strict, and a copy of it with typical editorial mistakes injected must fail each one
 * with the right rule at the right place. The injections are built from whatever the content
 * holds (which facts are alleged, which carry figures), so the test follows the content as it
 * grows instead of pinning its wording.
 */
interface Fact {
  id: string;
  statement: string;
  value?: string | undefined;
  display?: string;
  status: string;
  attributed_to?: string;
  sources: string[];
  review_by?: string;
  sensitivity?: string;
}
interface Doc {
  kind: string;
  distribution: string;
  date: string;
  sections: string[];
}
interface Report {
  diagnostics: { file: string; line: number | null; column: number | null; ruleId: string; severity: string; message: string }[];
}

const projects: TempProject[] = [];
afterAll(async () => Promise.all(projects.map((p) => p.remove())));

async function readYaml<T>(path: string): Promise<T> {
  const { readFile } = await import('node:fs/promises');
  return parse(await readFile(join(repoRoot, path), 'utf8')) as T;
}

async function shipped(): Promise<{ facts: (Fact & { file: string; index: number })[]; docs: Map<string, Doc>; today: string }> {
  const facts: (Fact & { file: string; index: number })[] = [];
  for (const name of (await readdir(join(repoRoot, 'content/facts'))).filter((n) => /\.ya?ml$/.test(n)).sort()) {
    const list = await readYaml<Fact[]>(`content/facts/${name}`);
    list.forEach((f, index) => facts.push({ ...f, value: f.value === undefined ? undefined : String(f.value), file: `content/facts/${name}`, index }));
  }
  const docs = new Map<string, Doc>();
  for (const name of (await readdir(join(repoRoot, 'content/documents'))).filter((n) => /\.ya?ml$/.test(n)).sort()) {
    docs.set(name.replace(/\.ya?ml$/, ''), await readYaml<Doc>(`content/documents/${name}`));
  }
  // Staleness is judged on the content's own latest document date, so the test does not age.
  const today = [...docs.values()].map((d) => String(d.date)).sort().at(-1)!;
  return { facts, docs, today };
}

describe('the shipped content', () => {
  it('validates clean under --strict (no false positives)', async () => {
    const { today } = await shipped();
    const result = await runCli(['validate', '--root', repoRoot, '--strict', '--format', 'json', '--today', today]);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId} ${d.message}`)).toEqual([]);
    expect(result.code).toBe(0);
  });

  it('catches a changed number, an internal fact in the public explainer, an unattributed allegation, an unknown source and a stale fact', async () => {
    const { facts, docs, today } = await shipped();
    const [, explainer] = [...docs.entries()].find(([, d]) => d.distribution === 'public' && d.kind === 'explainer') ??
      [...docs.entries()].find(([, d]) => d.distribution === 'public')!;
    expect(explainer, 'a public explainer').toBeDefined();
    const sectionPath = `content/sections/${explainer.sections[0]}.md`;

    // A figure to mistype: a plain count of at least 1,000.
    const figure = facts.find((f) => f.value !== undefined && /^[\d,]+(?:\.\d+)?$/.test(f.value) && Number(f.value.replace(/,/g, '')) >= 1000 && !/[%$€£]/.test(f.display ?? ''));
    expect(figure, 'a fact with a figure').toBeDefined();
    const wrong = Math.round(Number(figure!.value!.replace(/,/g, '')) * 1.03).toLocaleString('en-US');
    // An allegation to state as fact: its rendered value must not attribute itself.
    const alleged = facts.find((f) => f.status === 'alleged' && (f.sensitivity ?? 'public') === 'public' && f.display !== undefined && findAttribution(f.display, f.attributed_to) === undefined);
    expect(alleged, 'an alleged fact with a display value').toBeDefined();
    const stale = facts.find((f) => f.review_by !== undefined) ?? facts[0]!;

    const project = await createTempProject({}, { content: true });
    projects.push(project);
    const section = await project.read(sectionPath);
    const base = section.endsWith('\n') ? section : `${section}\n`;
    const firstLine = base.split('\n').length; // the first injected line's number
    const injected = [
      `All told the total was ${wrong} :cite[${figure!.sources[0]}].`,
      'Internally, :fact[injected-internal]{show=statement}',
      `The campaign used :fact[${alleged!.id}] in total.`,
      'See also :cite[no-such-source].',
    ];
    await project.write(sectionPath, `${base}\n${injected.join('\n')}\n`);
    await project.write(
      'content/facts/zz-injected.yaml',
      [
        '- id: injected-internal',
        '  statement: Our internal estimate differs from the published one.',
        '  status: confirmed',
        `  sources: [${figure!.sources[0]}]`,
        `  as_of: ${today}`,
        '  sensitivity: internal',
        '',
      ].join('\n'),
    );
    const staleToday = stale.review_by === undefined ? today : nextDay(String(stale.review_by));
    if (stale.review_by === undefined) {
      const text = await project.read(stale.file);
      await project.write(stale.file, addReviewBy(text, stale.index, '2000-01-01'));
    }

    const result = await runCli(['validate', '--root', project.root, '--format', 'json', '--today', staleToday]);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as Report;
    const at = (ruleId: string, file: string, line: number, column: number) => expect.objectContaining({ ruleId, file, line, column });
    const line = (n: number) => firstLine + 1 + n;
    expect(report.diagnostics).toContainEqual(at('number-mismatch', sectionPath, line(0), 'All told the total was '.length + 1));
    expect(report.diagnostics).toContainEqual(at('sensitivity-leak', sectionPath, line(1), 'Internally, '.length + 1));
    expect(report.diagnostics).toContainEqual(at('allegation-unattributed', sectionPath, line(2), 'The campaign used '.length + 1));
    expect(report.diagnostics).toContainEqual(at('source-unknown', sectionPath, line(3), 'See also '.length + 1));
    const staleDiagnostic = report.diagnostics.find((d) => d.ruleId === 'fact-stale' && d.message.includes(`\`${stale.id}\``));
    expect(staleDiagnostic, `fact-stale for ${stale.id}`).toMatchObject({ file: stale.file, severity: 'warning' });
    expect(report.diagnostics.find((d) => d.ruleId === 'number-mismatch')?.message).toContain(`fact \`${figure!.id}\``);
  });
});

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Adds `review_by` to the index-th fact of a facts file (each fact starts with `- id:`). */
function addReviewBy(text: string, index: number, date: string): string {
  let seen = -1;
  return text
    .split('\n')
    .map((l) => {
      if (/^- id:/.test(l)) seen++;
      return seen === index && /^- id:/.test(l) ? `${l}\n  review_by: ${date}` : l;
    })
    .join('\n');
}
