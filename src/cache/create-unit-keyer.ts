import type { ProjectFiles } from '../content/read-project.js';
import type { DocumentEntity, Model, RecipientEntity } from '../schema/model.js';
import { hashText } from './hash-text.js';

/** What one rendered unit (a document, or a document for one recipient) was made from. */
export interface UnitDependencies {
  readonly facts: readonly string[];
  readonly sources: readonly string[];
  /** Layout, partials, styles and assets, as the manifest records them. */
  readonly templates: readonly string[];
}

export interface UnitKeyerInput {
  readonly tool: string;
  readonly model: Model;
  readonly files: ProjectFiles;
  /** Settings outside the project that change the bytes of an output (PDF dates, the browser). */
  readonly environment: Readonly<Record<string, string | null>>;
}

export type UnitKeyer = (document: DocumentEntity, recipient: RecipientEntity | undefined, dependencies: UnitDependencies) => string;

/** Drops `origin` (functions and positions): moving a fact inside its file does not change what it renders. */
const withoutOrigin = (key: string, value: unknown) => (key === 'origin' ? undefined : value);

/**
 * The cache key of a unit: a hash of everything its output can depend on. Facts, sources and
 * template files are the ones the unit's previous render recorded (the manifest's dependency
 * graph) — a render can only reach a new one through a section, the document or a template,
 * and those are hashed whole. Two things a render may read beyond its recorded dependencies are
 * hashed for every unit, on purpose over-broad: the set of template file names (a new
 * `letter.css` replaces `base.css`) and every fact's sensitivity (markings are computed from
 * the facts a layout could show).
 */
export function createUnitKeyer(input: UnitKeyerInput): UnitKeyer {
  const { model, files } = input;
  const templateHashes = new Map<string, string>();
  for (const file of [...files.layouts, ...files.partials, ...files.styles]) templateHashes.set(file.path, hashText(file.text));
  for (const [path, bytes] of files.assets) templateHashes.set(path, hashText(bytes));
  const documentTexts = new Map(files.documents.map((f) => [f.path, f.text]));
  const shared = hashText(
    JSON.stringify({
      tool: input.tool,
      environment: input.environment,
      publisher: files.publisher?.text ?? null,
      templateNames: [...templateHashes.keys()].sort(),
      sensitivities: [...model.facts.values()].map((f) => [f.id, f.sensitivity]),
    }),
  );

  return (document, recipient, dependencies) => {
    const factSources = dependencies.facts.flatMap((id) => model.facts.get(id)?.sources ?? []);
    const sources = [...new Set([...dependencies.sources, ...factSources])].sort();
    const sections = [...document.sections, ...(document.bluf === undefined ? [] : [document.bluf])];
    return hashText(
      JSON.stringify({
        shared,
        document: documentTexts.get(document.origin.file) ?? null,
        recipient: recipient === undefined ? null : JSON.stringify(recipient, withoutOrigin),
        sections: sections.map((id) => [id, model.sections.get(id)?.text ?? null]),
        facts: [...dependencies.facts].sort().map((id) => [id, JSON.stringify(model.facts.get(id) ?? null, withoutOrigin)]),
        sources: sources.map((id) => [id, JSON.stringify(model.sources.get(id) ?? null, withoutOrigin)]),
        templates: [...dependencies.templates].sort().map((path) => [path, templateHashes.get(path) ?? null]),
      }),
    );
  };
}
