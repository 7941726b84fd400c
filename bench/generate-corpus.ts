import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { documentCss, peerFontFaces, peerFonts, templateFiles } from './corpus-templates.js';
import { createRandomText, type RandomText } from './random-text.js';

export interface CorpusOptions {
  /** Multi-page briefings (3 sections each: headings, lists, a GFM table, a footnote, fact references). */
  readonly briefings: number;
  /** Recipients of the one-page letter merge (0: no letter). */
  readonly recipients: number;
  readonly seed?: number;
}

export interface Corpus {
  readonly root: string;
  /** Markdown with every reference resolved to text, for tools that know no facts. */
  readonly peerBriefings: readonly string[];
  readonly peerLetters: readonly string[];
  /** Directory holding the peers' style.css and fonts/. */
  readonly peerDir: string;
  /** Outputs a briefwright build must produce per format. */
  readonly expectedOutputs: number;
}

interface Fact {
  readonly id: string;
  readonly statement: string;
  readonly value: number;
  readonly display: string;
  readonly status: 'confirmed' | 'reported' | 'alleged';
  readonly attributed_to?: string;
  readonly sources: readonly string[];
}

interface Source {
  readonly id: string;
  readonly title: string;
  readonly publisher: string;
}

const organizations = ['Anthropic', 'the Commerce Department', 'the Treasury', 'Reuters', 'the Financial Times', 'the committee staff'];
const publishers = ['Daily Ledger', 'Policy Review', 'Capitol Wire', 'Tech Monitor', 'The Record', 'Global Affairs'];
const firstNames = ['Alex', 'Jordan', 'Morgan', 'Taylor', 'Casey', 'Riley', 'Avery', 'Quinn', 'Harper', 'Rowan', 'Emerson', 'Parker'];
const lastNames = ['Adams', 'Baker', 'Chen', 'Diaz', 'Evans', 'Foster', 'Garcia', 'Hughes', 'Ito', 'Jensen', 'Kim', 'Lopez', 'Moreau', 'Novak'];
const states = ['Ohio', 'Maine', 'Texas', 'Oregon', 'Iowa', 'Utah', 'Idaho', 'Nevada', 'Kansas', 'Vermont'];

const require = createRequire(import.meta.url);

/**
 * Writes a complete briefwright project (content/ and its own templates/) into `root`, plus the
 * same documents as plain Markdown under peers/ for md-to-pdf and pandoc. Deterministic for a
 * seed: the corpus is the same on every machine.
 */
export async function generateCorpus(root: string, options: CorpusOptions): Promise<Corpus> {
  const random = createRandomText(options.seed ?? 20260624);
  const files = new Map<string, string>();
  const put = (path: string, text: string): void => void files.set(path, text);

  // A letter-only corpus needs few facts and sources; unused ones would only add warnings.
  const sources: Source[] = Array.from({ length: options.briefings > 0 ? 24 : 4 }, (_, i) => ({
    id: `source-${pad(i + 1, 2)}`,
    title: capitalize(random.words(4, 8)),
    publisher: publishers[i % publishers.length] ?? 'Daily Ledger',
  }));
  const facts: Fact[] = Array.from({ length: options.briefings > 0 ? 60 : 4 }, (_, i) => createFact(random, i, sources));

  put('content/publisher.yaml', stringify({
    name: 'Institute for Benchmark Policy',
    address: ['100 Example Avenue', 'Washington, DC'],
    signatory: { name: 'Jordan Example', title: 'Director of Policy' },
  }));
  put('content/sources.yaml', stringify(sources.map((s, i) => ({ ...s, date: `2026-06-${pad((i % 27) + 1, 2)}`, kind: 'news' }))));
  put('content/facts/figures.yaml', stringify(facts.map((f) => ({ ...f, as_of: '2026-06-24', review_by: '2099-01-01' }))));

  // Every fact and source gets used somewhere, so the build is warning-free like a real one.
  let nextFact = 0;
  const takeFact = (): Fact => facts[nextFact++ % facts.length] ?? fail();
  let nextSource = 0;
  const takeSource = (): Source => sources[nextSource++ % sources.length] ?? fail();

  const peerBriefings: string[] = [];
  for (let b = 1; b <= options.briefings; b++) {
    const id = `briefing-${pad(b, 2)}`;
    const title = `Briefing ${b}: ${capitalize(random.words(3, 6))}`;
    const sections: { id: string; title: string; body: string }[] = [];
    for (let s = 1; s <= 3; s++) {
      const sectionId = `${id}-part-${s}`;
      const sectionTitle = capitalize(random.words(2, 5));
      const body = briefingSection(random, `${b}x${s}`, takeFact, takeSource);
      put(`content/sections/${sectionId}.md`, `---\ntitle: ${JSON.stringify(sectionTitle)}\n---\n${body}`);
      sections.push({ id: sectionId, title: sectionTitle, body });
    }
    put(`content/documents/${id}.yaml`, stringify({
      title,
      kind: 'briefing',
      layout: 'briefing',
      audience: 'Committee staff',
      distribution: 'public',
      date: '2026-06-26',
      sections: sections.map((s) => s.id),
      formats: ['html', 'pdf'],
      pdf: { size: 'Letter' },
    }));
    peerBriefings.push(peerMarkdown(`# ${title}\n\nInstitute for Benchmark Policy · June 26, 2026 · Committee staff\n`, sections, facts, sources));
  }

  const peerLetters: string[] = [];
  if (options.recipients > 0) {
    const body = letterSection(random, takeFact, takeSource);
    const ask = letterSection(random, takeFact, takeSource);
    put('content/sections/letter-body.md', `---\ntitle: Letter body\n---\n${body}`);
    put('content/sections/letter-ask.md', `---\ntitle: Our request\n---\n${ask}`);
    const recipients = Array.from({ length: options.recipients }, (_, i) => {
      const last = random.pick(lastNames);
      return {
        id: `r${pad(i + 1, 4)}`,
        name: `Senator ${random.pick(firstNames)} ${last}`,
        title: 'Member',
        organization: `Committee on ${capitalize(random.words(1, 2))}`,
        address: [`${100 + i} Russell Senate Office Building`, `Washington, DC, ${random.pick(states)} office`],
        salutation: `Dear Senator ${last}:`,
      };
    });
    put('content/recipients/members.yaml', stringify(recipients));
    put('content/documents/letter.yaml', stringify({
      title: 'Request for review of distillation safeguards',
      kind: 'letter',
      layout: 'letter',
      audience: 'Senators',
      distribution: 'public',
      date: '2026-06-26',
      recipients: 'members',
      sections: ['letter-body', 'letter-ask'],
      formats: ['html', 'pdf'],
    }));
    for (const r of recipients) {
      const head = `**Institute for Benchmark Policy** — 100 Example Avenue, Washington, DC\n\nJune 26, 2026\n\n${r.name}, ${r.title}  \n${r.organization}  \n${r.address.join('  \n')}\n\n${r.salutation}\n`;
      peerLetters.push(peerMarkdown(head, [{ title: '', body }, { title: '', body: ask }], facts, sources) + '\nSincerely,\n\nJordan Example  \nDirector of Policy\n');
    }
  }

  for (const [path, text] of Object.entries(templateFiles)) put(path, text);
  for (const [path, text] of files) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }

  const peerDir = join(root, 'peers');
  await mkdir(join(peerDir, 'fonts'), { recursive: true });
  // pandoc embeds fonts/ relative to the stylesheet; md-to-pdf serves peers/ over HTTP and
  // inlines the stylesheet into a page at another path, so it needs root-relative URLs.
  await writeFile(join(peerDir, 'style.css'), `${peerFontFaces('fonts/')}\n${documentCss}`);
  await writeFile(join(peerDir, 'style-served.css'), `${peerFontFaces('/fonts/')}\n${documentCss}`);
  const fontsource = dirname(dirname(require.resolve('@fontsource/source-serif-4/latin-400.css')));
  for (const font of peerFonts) await copyFile(join(fontsource, font.file), join(peerDir, 'fonts', font.file.split('/').pop() ?? fail()));
  const peerBriefingPaths = await writePeerFiles(join(peerDir, 'briefings'), peerBriefings, (i) => `briefing-${pad(i + 1, 2)}.md`);
  const peerLetterPaths = await writePeerFiles(join(peerDir, 'letters'), peerLetters, (i) => `r${pad(i + 1, 4)}.md`);

  return {
    root,
    peerBriefings: peerBriefingPaths,
    peerLetters: peerLetterPaths,
    peerDir,
    expectedOutputs: options.briefings + options.recipients,
  };
}

function createFact(random: RandomText, i: number, sources: readonly Source[]): Fact {
  const value = random.int(12, 9_800) * 10;
  const display = value.toLocaleString('en-US');
  const status = (['confirmed', 'reported', 'alleged'] as const)[i % 3] ?? 'confirmed';
  const who = organizations[i % organizations.length] ?? 'Anthropic';
  const topic = random.words(3, 6);
  const base = {
    id: `figure-${pad(i + 1, 3)}`,
    value,
    display,
    status,
    sources: [sources[i % sources.length]?.id ?? fail(), ...(i % 4 === 0 ? [sources[(i + 7) % sources.length]?.id ?? fail()] : [])],
  };
  if (status === 'confirmed') return { ...base, statement: `The count of ${topic} reached ${display}.` };
  const verb = status === 'alleged' ? 'alleges' : 'reports';
  return { ...base, statement: `${capitalize(who)} ${verb} that the count of ${topic} reached ${display}.`, attributed_to: capitalize(who) };
}

/** A fact in a sentence that attributes it when its status needs that. */
function factSentence(random: RandomText, fact: Fact): string {
  const lead = fact.status === 'confirmed' ? capitalize(random.words(4, 9)) : `${fact.attributed_to ?? 'Anthropic'} ${fact.status === 'alleged' ? 'alleges' : 'reports'} that ${random.words(3, 8)}`;
  return `${lead} reached :fact[${fact.id}] ${random.words(3, 7)}.`;
}

function briefingSection(random: RandomText, key: string, takeFact: () => Fact, takeSource: () => Source): string {
  const paragraph = (): string => `${random.paragraph(1)} ${factSentence(random, takeFact())} ${random.paragraph(random.int(1, 2))}`;
  const list = Array.from({ length: 3 }, () => `- ${random.sentence(6, 14)}`).join('\n');
  const rows = Array.from({ length: random.int(3, 4) }, () => {
    const fact = takeFact();
    const status = fact.status === 'confirmed' ? 'confirmed' : `${fact.status} by ${fact.attributed_to ?? 'Anthropic'}`;
    return `| ${capitalize(random.words(2, 4))} | :fact[${fact.id}] | ${status} | ${random.words(4, 9)} |`;
  });
  const statementFact = takeFact();
  return [
    paragraph(),
    `### ${capitalize(random.words(2, 5))}`,
    `${paragraph()}[^note-${key}]`,
    list,
    `| Measure | Figure | Status | Note |\n| --- | --- | --- | --- |\n${rows.join('\n')}`,
    `:fact[${statementFact.id}]{show=statement} ${random.sentence()}`,
    `1. ${random.sentence(8, 16)}\n2. ${random.sentence(8, 16)}`,
    `${random.sentence()} As described in :cite[${takeSource().id}].`,
    `[^note-${key}]: ${random.sentence(10, 20)} See :cite[${takeSource().id}].`,
  ].join('\n\n') + '\n';
}

function letterSection(random: RandomText, takeFact: () => Fact, takeSource: () => Source): string {
  return [
    `${random.paragraph(2)} ${factSentence(random, takeFact())} ${random.sentence()}`,
    `${random.sentence()} ${factSentence(random, takeFact())} As described in :cite[${takeSource().id}].`,
  ].join('\n\n') + '\n';
}

/** The document as a peer sees it: references replaced by the text briefwright would print. */
function peerMarkdown(head: string, sections: readonly { title: string; body: string }[], facts: readonly Fact[], sources: readonly Source[]): string {
  const byFact = new Map(facts.map((f) => [f.id, f]));
  const cited: string[] = [];
  const mark = (sourceId: string): string => {
    if (!cited.includes(sourceId)) cited.push(sourceId);
    return `<sup>${cited.indexOf(sourceId) + 1}</sup>`;
  };
  const resolve = (text: string): string =>
    text
      .replace(/:fact\[([^\]]+)\]\{show=statement\}/g, (_, id: string) => {
        const fact = byFact.get(id) ?? fail();
        return `${fact.statement}${mark(fact.sources[0] ?? fail())}`;
      })
      .replace(/:fact\[([^\]]+)\]/g, (_, id: string) => {
        const fact = byFact.get(id) ?? fail();
        return `${fact.display}${mark(fact.sources[0] ?? fail())}`;
      })
      .replace(/:cite\[([^\]]+)\]/g, (_, id: string) => mark(id));
  const body = sections.map((s) => `${s.title ? `## ${s.title}\n\n` : ''}${resolve(s.body)}`).join('\n');
  const list = cited.map((id, i) => {
    const source = sources.find((s) => s.id === id) ?? fail();
    return `${i + 1}. ${source.publisher}, “${source.title}”.`;
  });
  return `${head}\n${body}\n## Sources\n\n${list.join('\n')}\n`;
}

async function writePeerFiles(dir: string, texts: readonly string[], name: (i: number) => string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const paths = texts.map((_, i) => join(dir, name(i)));
  await Promise.all(texts.map((text, i) => writeFile(paths[i] ?? fail(), text)));
  return paths;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function capitalize(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

function fail(): never {
  throw new Error('Corpus generator indexed past a list');
}
