import { lstat, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';

export type ScaffoldKind = 'document' | 'section' | 'fact';

export interface ScaffoldContentOptions {
  readonly root: string;
  readonly kind: ScaffoldKind;
  readonly id: string;
  /** Dates written into the file (default: today). */
  readonly today?: string;
}

export interface ScaffoldContentResult {
  /** The file created, relative to the root. */
  readonly file: string;
  /** Why nothing was created (a bad id, an existing file, a missing prerequisite). */
  readonly problem: string | undefined;
}

const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * `briefwright new`: one new content file that validates as it is — it names only things that
 * exist (the first source, a public section, a shipped layout) and says in its text what to
 * fill in. Never overwrites a file.
 */
export async function scaffoldContent(options: ScaffoldContentOptions): Promise<ScaffoldContentResult> {
  const root = resolve(options.root);
  const { kind, id } = options;
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const file = kind === 'section' ? `content/sections/${id}.md` : `content/${kind}s/${id}.yaml`;
  const fail = (problem: string): ScaffoldContentResult => ({ file, problem });
  if (!idPattern.test(id) || id.length > 80) return fail(`\`${id}\` is not a valid id: use kebab-case (lowercase letters, digits and single hyphens)`);
  if (!(await isDirectory(join(root, 'content')))) return fail(`${root} has no content/ folder: run \`briefwright init\` first, or pass --root`);
  if (await lstat(join(root, file)).then(() => true, () => false)) return fail(`${file} already exists`);

  let text: string;
  if (kind === 'section') {
    text = sectionText(id);
  } else if (kind === 'fact') {
    if ((await readIds(root, 'content/facts', /\.ya?ml$/)).includes(id)) return fail(`A fact \`${id}\` already exists in content/facts/`);
    const sources = await readList(join(root, 'content/sources.yaml'));
    const source = sources.find((s) => typeof s['id'] === 'string');
    if (!source) return fail('content/sources.yaml has no source yet: a fact needs at least one source to rest on');
    text = factText(id, String(source['id']), typeof source['publisher'] === 'string' ? source['publisher'] : 'the source', today);
  } else {
    const layouts = (await readdir(join(root, 'templates/layouts')).catch(() => [] as string[])).filter((f) => f.endsWith('.hbs')).map((f) => f.slice(0, -4)).sort();
    const layout = layouts.includes('briefing') ? 'briefing' : layouts[0];
    if (!layout) return fail('templates/layouts/ has no layout: a document needs one');
    const sections = await readSections(root);
    const section = sections.find((s) => s.sensitivity === 'public') ?? sections[0];
    if (!section) return fail(`content/sections/ has no section yet: run \`briefwright new section ${id}\` first`);
    text = documentText(id, layout, section.id, section.sensitivity, today);
  }
  await mkdir(dirname(join(root, file)), { recursive: true });
  await writeFile(join(root, file), text, { flag: 'wx' });
  return { file, problem: undefined };
}

const titleOf = (id: string) => id.split('-').map((w, i) => (i === 0 ? w.charAt(0).toUpperCase() + w.slice(1) : w)).join(' ');

function sectionText(id: string): string {
  return `---
title: ${titleOf(id)}
# public | internal | restricted: a document may include it only at or below its distribution.
sensitivity: public
summary: One sentence on what this section says.
---
Write this section in Markdown. Insert a fact with the fact directive and its id in brackets,
and cite a source with the cite directive; every figure should come from a fact.
`;
}

function factText(id: string, source: string, publisher: string, today: string): string {
  const review = new Date(Date.parse(`${today}T00:00:00Z`) + 180 * 86_400_000).toISOString().slice(0, 10);
  return `# Facts: one sentence each, with their sources. See the README for every field.
- id: ${id}
  statement: ${JSON.stringify(`${publisher} reports what this fact states; replace this sentence.`)}
  # alleged | reported | confirmed | disputed | denied; attributed_to is required unless confirmed.
  status: reported
  attributed_to: ${JSON.stringify(publisher)}
  sources: [${source}]
  as_of: ${today}
  review_by: ${review}
`;
}

function documentText(id: string, layout: string, section: string, sensitivity: string, today: string): string {
  return `title: ${titleOf(id)}
kind: briefing
layout: ${layout}
audience: Replace with who reads this
# The highest sensitivity this document may contain: public | internal | restricted.
distribution: ${sensitivity}
date: ${today}
sections: [${section}]
formats: [html, pdf]
`;
}

async function isDirectory(path: string): Promise<boolean> {
  return (await lstat(path).catch(() => undefined))?.isDirectory() === true;
}

async function readList(path: string): Promise<Record<string, unknown>[]> {
  try {
    const data: unknown = parse(await readFile(path, 'utf8'));
    return Array.isArray(data) ? data.filter((d): d is Record<string, unknown> => typeof d === 'object' && d !== null) : [];
  } catch {
    return [];
  }
}

async function readIds(root: string, dir: string, pattern: RegExp): Promise<string[]> {
  const files = (await readdir(join(root, dir)).catch(() => [] as string[])).filter((f) => pattern.test(f));
  const lists = await Promise.all(files.map((f) => readList(join(root, dir, f))));
  return lists.flat().flatMap((item) => (typeof item['id'] === 'string' ? [item['id']] : []));
}

/** Section ids and sensitivities from their front matter (id defaults to the file stem). */
async function readSections(root: string): Promise<{ id: string; sensitivity: string }[]> {
  const files = (await readdir(join(root, 'content/sections')).catch(() => [] as string[])).filter((f) => f.endsWith('.md')).sort();
  const out: { id: string; sensitivity: string }[] = [];
  for (const name of files) {
    const text = await readFile(join(root, 'content/sections', name), 'utf8');
    const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
    let front: Record<string, unknown> = {};
    try {
      const data: unknown = match ? parse(match[1]!) : {};
      if (typeof data === 'object' && data !== null) front = data as Record<string, unknown>;
    } catch {
      continue;
    }
    out.push({ id: typeof front['id'] === 'string' ? front['id'] : name.slice(0, -3), sensitivity: typeof front['sensitivity'] === 'string' ? front['sensitivity'] : 'public' });
  }
  return out;
}
