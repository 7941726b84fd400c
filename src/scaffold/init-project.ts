import { cp, mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface InitProjectOptions {
  /** Where the project goes; created if missing, refused if it already holds content or templates. */
  readonly dir: string;
  /** Dates written into the example (default: today). */
  readonly today?: string;
}

export interface InitProjectResult {
  readonly root: string;
  /** Files created, relative to the root, sorted. */
  readonly files: readonly string[];
  readonly problem: string | undefined;
}

/** The layouts, partials, styles and assets briefwright ships (next to dist/ in the package). */
const shippedTemplates = fileURLToPath(new URL('../../templates', import.meta.url));

/**
 * `briefwright init`: a project that builds at once — a publisher, one source, one fact, one
 * section, one document, and a copy of the shipped templates to make one's own. The example
 * is written to pass every rule, so the first `briefwright build` shows a clean result.
 */
export async function initProject(options: InitProjectOptions): Promise<InitProjectResult> {
  const root = resolve(options.dir);
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const existing = await readdir(root).catch(() => [] as string[]);
  const clash = existing.find((name) => ['content', 'templates', 'briefwright.config.yaml'].includes(name));
  if (clash !== undefined) return { root, files: [], problem: `${join(root, clash)} already exists: init only creates new projects` };

  const files = exampleFiles(today);
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text, { flag: 'wx' });
  }
  await cp(shippedTemplates, join(root, 'templates'), { recursive: true, errorOnExist: true, force: false });
  const copied = await readdir(join(root, 'templates'), { recursive: true, withFileTypes: true });
  const templateFiles = copied.filter((e) => e.isFile()).map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'));
  return { root, files: [...Object.keys(files), ...templateFiles].sort(), problem: undefined };
}

function exampleFiles(today: string): Record<string, string> {
  const review = new Date(Date.parse(`${today}T00:00:00Z`) + 180 * 86_400_000).toISOString().slice(0, 10);
  return {
    '.gitignore': 'out/\n.briefwright-cache/\n',
    'content/publisher.yaml': `# The organization that issues the briefings.
name: Example Policy Institute
address:
  - 100 Example Street
  - Springfield
contact:
  email: briefings@example.org
signatory:
  name: Alex Example
  title: Director
`,
    'content/sources.yaml': `# Every source a fact rests on.
- id: example-report
  title: Annual report of the example programme
  publisher: Example Agency
  date: ${today}
  kind: report
  url: https://example.org/report
`,
    'content/facts/example.yaml': `# One sentence per fact, its status, who says so, and its sources.
- id: households-reached
  statement: Example Agency reports that the programme reached 1,200 households.
  value: 1200
  display: "1,200"
  status: reported
  attributed_to: Example Agency
  sources: [example-report]
  as_of: ${today}
  review_by: ${review}
`,
    'content/sections/overview.md': `---
title: Overview
summary: What the programme achieved, from its own report.
---
According to Example Agency, the programme reached :fact[households-reached] households.
`,
    'content/documents/example-briefing.yaml': `# One document: which sections, for whom, in which layout and formats.
title: Example briefing
kind: briefing
layout: briefing
audience: Board members
distribution: public
date: ${today}
sections: [overview]
formats: [html, pdf]
`,
  };
}
