import { validate } from '../build.js';
import { loadConfig } from '../config/index.js';
import { loadProject } from '../content/index.js';
import type { Diagnostic, Range } from '../diagnostics/index.js';
import type { DocumentEntity, FactEntity, Model, SourceEntity } from '../schema/model.js';
import { collectTemplateFactUses } from '../templates/check-template-fact.js';
import { didYouMean } from '../validate/closest-match.js';
import { effectiveMarking } from '../validate/document-level.js';
import { templateClosure } from '../validate/template-index.js';
import { timelineFacts } from '../validate/timeline-facts.js';
import { validateProject } from '../validate/validate-project.js';

export interface ExplainOptions {
  /** Project root (default: the current directory). */
  readonly root?: string;
  /** The document id to explain. */
  readonly document: string;
  /** Only this fact. */
  readonly fact?: string;
  /** Passed to validation (staleness), as for `validate`. */
  readonly today?: string;
}

/** A place in a file, 1-based; line and column are null when the place is a whole file. */
export interface Place {
  readonly file: string;
  readonly line: number | null;
  readonly column: number | null;
}

export interface FactUse extends Place {
  /** Where the use comes from: a section, the document's key_facts, or a template. */
  readonly via: 'section' | 'key_facts' | 'template';
  /** The section id for `section` uses. */
  readonly section: string | null;
  readonly show: 'value' | 'statement';
}

export interface SourceSummary extends Place {
  readonly id: string;
  readonly title: string;
  readonly publisher: string;
  readonly date: string | null;
  readonly url: string | null;
  readonly kind: string;
}

export interface FactExplanation {
  readonly id: string;
  readonly statement: string;
  readonly status: string;
  readonly attributedTo: string | null;
  readonly sensitivity: string;
  readonly asOf: string;
  readonly reviewBy: string | null;
  readonly definedAt: Place;
  readonly uses: readonly FactUse[];
  readonly sources: readonly SourceSummary[];
}

export interface DocumentExplanation {
  readonly id: string;
  readonly title: string;
  readonly file: string;
  readonly distribution: string;
  /** The marking the document carries (its own, else computed from its content); null if none. */
  readonly marking: string | null;
  /** The recipients list: every recipient's output shares this explanation. */
  readonly recipients: string | null;
  readonly facts: readonly FactExplanation[];
  /** Sources cited directly (`:cite`, `{{cite "id"}}`), not through a fact. */
  readonly citedDirectly: readonly (SourceSummary & { readonly citedAt: readonly Place[] })[];
}

export interface ExplainResult {
  /** 0 explained · 1 the project has content errors (the explanation may miss template uses) · 2 unknown document or fact, or a broken config. */
  readonly exitCode: 0 | 1 | 2;
  readonly diagnostics: readonly Diagnostic[];
  readonly explanation: DocumentExplanation | undefined;
  /** Why nothing could be explained (exit 2), for the caller to show. */
  readonly usageError?: string;
}

function usageError(message: string): ExplainResult {
  return { exitCode: 2, diagnostics: [], explanation: undefined, usageError: message };
}

/**
 * Provenance for one document: every fact it uses, where (section file:line:col, key_facts,
 * template helper call) and on which sources it rests. Template uses are recorded while the
 * document really renders (the same path as `validate`), so facts a layout inserts by a
 * computed id are found too. All recipients of a document share one explanation.
 */
export async function explainDocument(options: ExplainOptions): Promise<ExplainResult> {
  const { config, diagnostics: configDiagnostics } = await loadConfig({ root: options.root ?? '.' });
  if (!config) return { exitCode: 2, diagnostics: configDiagnostics, explanation: undefined };
  const { project, diagnostics: loadDiagnostics } = await loadProject(config.root);
  const { model, diagnostics: validationDiagnostics } = validateProject(project, { today: options.today ?? config.today });
  const doc = model.documents.get(options.document);
  if (!doc) {
    const known = [...model.documents.keys()];
    return usageError(`Unknown document \`${options.document}\`. ${didYouMean(options.document, known)}Documents: ${known.join(', ') || 'none'}.`);
  }
  if (options.fact !== undefined && !model.facts.has(options.fact)) {
    return usageError(`Unknown fact \`${options.fact}\`. ${didYouMean(options.fact, model.facts.keys())}Facts are defined in content/facts/*.yaml.`);
  }

  const { result, uses: templateUses } = await collectTemplateFactUses(() =>
    validate({ root: config.root, only: [doc.id], formats: ['html'], ...(options.today === undefined ? {} : { today: options.today }) }),
  );
  const diagnostics = [...loadDiagnostics, ...validationDiagnostics, ...result.diagnostics];
  const uses = new Map<string, FactUse[]>();
  const addUse = (fact: string, use: FactUse) => {
    const list = uses.get(fact) ?? [];
    if (!list.some((u) => u.file === use.file && u.line === use.line && u.column === use.column)) list.push(use);
    uses.set(fact, list);
  };
  for (const id of sectionIds(doc)) {
    const section = model.sections.get(id);
    for (const ref of section?.references ?? []) {
      if (ref.kind === 'fact' && section) addUse(ref.id, { ...place(section.path, ref.range), via: 'section', section: id, show: ref.show });
    }
  }
  doc.key_facts?.forEach((id, index) => addUse(id, { ...place(doc.origin.file, doc.origin.range(['key_facts', index])), via: 'key_facts', section: null, show: 'value' }));
  for (const use of templateUses) {
    if (use.document === doc.id) addUse(use.fact, { ...place(use.file, use.range), via: 'template', section: null, show: use.show });
  }
  for (const template of templateClosure(model, doc.layout)) {
    for (const call of template.helperCalls) {
      if (call.helper !== 'timeline') continue;
      for (const fact of timelineFacts(model, doc)) addUse(fact.id, { ...place(template.file.path, call.range), via: 'template', section: null, show: 'value' });
    }
  }

  const facts = [...uses.keys()]
    .filter((id) => options.fact === undefined || id === options.fact)
    .map((id) => model.facts.get(id))
    .filter((f): f is FactEntity => f !== undefined)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((fact) => explainFact(model, fact, uses.get(fact.id) ?? []));

  const explanation: DocumentExplanation = {
    id: doc.id,
    title: doc.title,
    file: doc.origin.file,
    distribution: doc.distribution,
    marking: effectiveMarking(model, doc) ?? null,
    recipients: doc.recipients ?? null,
    facts,
    citedDirectly: options.fact === undefined ? directCitations(model, doc) : [],
  };
  const hasErrors = diagnostics.some((d) => d.severity === 'error');
  return { exitCode: hasErrors ? 1 : 0, diagnostics, explanation };
}

function sectionIds(doc: DocumentEntity): string[] {
  return [...(doc.bluf === undefined ? [] : [doc.bluf]), ...doc.sections];
}

function place(file: string, range: Range | undefined): Place {
  return { file, line: range?.start.line ?? null, column: range?.start.column ?? null };
}

function explainFact(model: Model, fact: FactEntity, uses: readonly FactUse[]): FactExplanation {
  return {
    id: fact.id,
    statement: fact.statement,
    status: fact.status,
    attributedTo: fact.attributed_to ?? null,
    sensitivity: fact.sensitivity,
    asOf: fact.as_of,
    reviewBy: fact.review_by ?? null,
    definedAt: place(fact.origin.file, fact.origin.range(['id'])),
    uses,
    sources: fact.sources.map((id) => model.sources.get(id)).filter((s): s is SourceEntity => s !== undefined).map(summarizeSource),
  };
}

function summarizeSource(source: SourceEntity): SourceSummary {
  return {
    id: source.id,
    title: source.title,
    publisher: source.publisher,
    date: source.date ?? null,
    url: source.url ?? null,
    kind: source.kind,
    ...place(source.origin.file, source.origin.range(['id'])),
  };
}

function directCitations(model: Model, doc: DocumentEntity): DocumentExplanation['citedDirectly'] {
  const cited = new Map<string, Place[]>();
  const add = (id: string, at: Place) => cited.set(id, [...(cited.get(id) ?? []), at]);
  for (const id of sectionIds(doc)) {
    const section = model.sections.get(id);
    for (const ref of section?.references ?? []) if (ref.kind === 'cite' && section) add(ref.id, place(section.path, ref.range));
  }
  for (const template of templateClosure(model, doc.layout)) {
    for (const call of template.helperCalls) if (call.helper === 'cite' && call.literal !== undefined) add(call.literal, place(template.file.path, call.range));
  }
  return [...cited.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .flatMap(([id, citedAt]) => {
      const source = model.sources.get(id);
      return source ? [{ ...summarizeSource(source), citedAt }] : [];
    });
}
