import { z } from 'zod';
import type { ParsedProject } from '../content/load-project.js';
import type { ParsedSection } from '../content/parse-section.js';
import type { ValuePath, YamlFile } from '../content/parse-yaml.js';
import { stemOf } from '../content/parse-section.js';
import type { TextFile } from '../content/text-file.js';
import { createDiagnostic, type Diagnostic } from '../diagnostics/index.js';
import { documentSchema } from '../schema/document-schema.js';
import { factSchema, type Fact } from '../schema/fact-schema.js';
import type {
  DocumentEntity,
  FactEntity,
  Model,
  Origin,
  PublisherEntity,
  RecipientEntity,
  RecipientList,
  SectionEntity,
  SourceEntity,
} from '../schema/model.js';
import { publisherSchema } from '../schema/publisher-schema.js';
import { recipientSchema } from '../schema/recipient-schema.js';
import { idSchema } from '../schema/scalars.js';
import { sectionFrontMatterSchema } from '../schema/section-schema.js';
import { sourceSchema } from '../schema/source-schema.js';
import { zodIssuesToDiagnostics } from './zod-issues.js';

/** Every valid entity as written, duplicates included, for rules that look at all of them. */
export interface Entities {
  readonly sources: readonly SourceEntity[];
  readonly facts: readonly FactEntity[];
  readonly sections: readonly SectionEntity[];
  readonly recipientLists: readonly RecipientList[];
  readonly documents: readonly DocumentEntity[];
  readonly layouts: readonly TextFile[];
  readonly partials: readonly TextFile[];
}

/** Ids that exist but failed validation: references to them are not reported again. */
export interface InvalidIds {
  readonly sources: ReadonlySet<string>;
  readonly facts: ReadonlySet<string>;
  readonly sections: ReadonlySet<string>;
  readonly recipientLists: ReadonlySet<string>;
}

export interface BuildModelResult {
  model: Model;
  entities: Entities;
  invalidIds: InvalidIds;
  diagnostics: Diagnostic[];
}

export function originOf(file: YamlFile, base: ValuePath = []): Origin {
  return {
    file: file.path,
    range: (path = []) => file.rangeAt([...base, ...path]),
    keyRange: (path, key) => file.keyRangeAt([...base, ...path], key),
  };
}

/** Types every parsed file through its schema and assembles the model. Never throws for content. */
export function buildModel(project: ParsedProject): BuildModelResult {
  const diagnostics: Diagnostic[] = [];
  const invalid = { sources: new Set<string>(), facts: new Set<string>(), sections: new Set<string>(), recipientLists: new Set<string>() };

  const parseOne = <S extends z.ZodType>(schema: S, file: YamlFile, base: ValuePath, data: unknown): z.output<S> | undefined => {
    const result = typeValue(schema, data);
    if (result.success) return result.data;
    diagnostics.push(...zodIssuesToDiagnostics(result.error.issues, file, schema, base));
    return undefined;
  };

  const parseList = <S extends z.ZodType, T>(
    schema: S,
    file: YamlFile,
    build: (value: z.output<S>, origin: Origin) => T,
    invalidIds?: Set<string>,
  ): T[] => {
    if (!Array.isArray(file.data)) {
      diagnostics.push(
        createDiagnostic('schema-invalid', {
          file: file.path,
          range: file.rangeAt([]),
          message: file.data === null ? 'File is empty, expected a list' : 'Expected a list of entries (`- id: …`)',
          hint: 'Write each entry as a `- ` item with its fields indented below it.',
        }),
      );
      return [];
    }
    const out: T[] = [];
    file.data.forEach((item: unknown, index) => {
      const value = parseOne(schema, file, [index], item);
      if (value !== undefined) out.push(build(value, originOf(file, [index])));
      else if (invalidIds && isRecord(item) && typeof item['id'] === 'string') invalidIds.add(item['id']);
    });
    return out;
  };

  const missing = (path: string, what: string) =>
    diagnostics.push(
      createDiagnostic('schema-invalid', {
        file: path,
        message: `${path} is missing`,
        hint: `Create ${path} with ${what}.`,
      }),
    );

  // Publisher
  let publisher: PublisherEntity | undefined;
  if (project.publisher) {
    const value = parseOne(publisherSchema, project.publisher, [], project.publisher.data);
    if (value) publisher = { ...value, origin: originOf(project.publisher) };
  } else if (!project.files.publisher) {
    missing('content/publisher.yaml', 'the issuing organization (name, address, signatory)');
  }

  // Sources
  let sources: SourceEntity[] = [];
  if (project.sources) {
    sources = parseList(sourceSchema, project.sources, (value, origin) => ({ ...value, origin }), invalid.sources);
  } else if (!project.files.sources) {
    missing('content/sources.yaml', 'a list of sources');
  }

  const facts = project.facts.flatMap((file) => parseList(factSchema, file, (value, origin) => ({ ...value, origin }), invalid.facts));

  const sections = project.sections.flatMap((section) => {
    const entity = buildSection(section, parseOne);
    if (!entity) invalid.sections.add(section.stem);
    return entity ? [entity] : [];
  });

  const recipientLists = project.recipients.flatMap((file): RecipientList[] => {
    const id = stemOf(file.path);
    if (!idSchema.safeParse(id).success) {
      diagnostics.push(
        createDiagnostic('schema-invalid', {
          file: file.path,
          range: file.rangeAt([]),
          message: `Recipients list name \`${id}\` is not a kebab-case id`,
          hint: 'Rename the file to lowercase letters, digits and hyphens, e.g. `senate-banking.yaml`.',
        }),
      );
      invalid.recipientLists.add(id);
      return [];
    }
    const before = diagnostics.length;
    const recipients = parseList(recipientSchema, file, (value, origin): RecipientEntity => ({ ...value, origin, list: id }));
    if (diagnostics.length > before) {
      invalid.recipientLists.add(id);
      return [];
    }
    return [{ id, recipients, origin: originOf(file) }];
  });

  const documents = project.documents.flatMap((file): DocumentEntity[] => {
    const value = parseOne(documentSchema, file, [], file.data);
    if (!value) return [];
    const stem = stemOf(file.path);
    if (value.id !== undefined && value.id !== stem) {
      diagnostics.push(
        createDiagnostic('schema-invalid', {
          file: file.path,
          range: file.rangeAt(['id']),
          message: `Document id \`${value.id}\` differs from its file name \`${stem}\``,
          hint: `Rename the file to \`${value.id}.yaml\` or remove the \`id\` field.`,
        }),
      );
      return [];
    }
    if (!idSchema.safeParse(stem).success) {
      diagnostics.push(
        createDiagnostic('schema-invalid', {
          file: file.path,
          range: file.rangeAt([]),
          message: `Document file name \`${stem}\` is not a kebab-case id`,
          hint: 'Rename the file to lowercase letters, digits and hyphens.',
        }),
      );
      return [];
    }
    return [{ ...value, id: stem, origin: originOf(file) }];
  });

  const byStem = (files: readonly TextFile[]) => new Map(files.map((f) => [stemOf(f.path), f] as const));
  const firstById = <T extends { id: string }>(list: readonly T[]) => {
    const map = new Map<string, T>();
    for (const item of [...list].sort((a, b) => compareIds(a.id, b.id))) if (!map.has(item.id)) map.set(item.id, item);
    return map;
  };

  const entities: Entities = {
    sources,
    facts,
    sections,
    recipientLists,
    documents,
    layouts: project.files.layouts,
    partials: project.files.partials,
  };
  const model: Model = {
    root: project.root,
    publisher,
    sources: firstById(sources),
    facts: firstById(facts),
    sections: firstById(sections),
    recipientLists: firstById(recipientLists),
    documents: firstById(documents),
    layouts: byStem(project.files.layouts),
    partials: byStem(project.files.partials),
    styles: byStem(project.files.styles),
    assets: project.files.assets,
  };
  return { model, entities, invalidIds: invalid, diagnostics };
}

/** The YAML values buildModel types: all but the sections' front matter. */
export type ProjectYaml = Pick<ParsedProject, 'publisher' | 'sources' | 'facts' | 'recipients' | 'documents'>;

/**
 * jitless: zod compiles a fast path per object schema (`new Function`) on its first parse, which
 * a build runs for a few hundred values at most: buildModel on the bench's briefings, cold,
 * 26–33 → 18–19 ms (200 letters: 25–28 → 18–24 ms).
 */
const parseOptions = { reportInput: true, jitless: true } as const;

/** zod's results for YAML values typed ahead (typeEntitiesAhead), by the value and its schema. */
const typedAhead = new WeakMap<object, { readonly schema: z.ZodType; readonly result: z.ZodSafeParseResult<unknown> }>();

function typeValue<S extends z.ZodType>(schema: S, data: unknown): z.ZodSafeParseResult<z.output<S>> {
  const ahead = typeof data === 'object' && data !== null ? typedAhead.get(data) : undefined;
  if (ahead?.schema === schema) return ahead.result as z.ZodSafeParseResult<z.output<S>>;
  return schema.safeParse(data, parseOptions);
}

/**
 * Types every YAML value of the project now, as buildModel will (same schema for the same value,
 * same options), for buildModel to take by the value's identity: the build calls it while the
 * Markdown thread parses the sections and this thread would only wait. buildModel runs after the
 * last tree and holds up every output; zod run cold there took ≈20 ms of it. A value typed here
 * is one buildModel never sees change (the YAML's plain data, read by nobody in between); one it
 * did not type is typed then. Returns the facts that typed, for the other checks made ahead.
 */
export function typeEntitiesAhead(yaml: ProjectYaml): Fact[] {
  const ahead = <S extends z.ZodType>(schema: S, data: unknown): z.output<S> | undefined => {
    if (typeof data !== 'object' || data === null) return undefined;
    const result = schema.safeParse(data, parseOptions);
    typedAhead.set(data, { schema, result });
    return result.success ? result.data : undefined;
  };
  const items = (file: YamlFile | undefined): unknown[] => (Array.isArray(file?.data) ? file.data : []);
  if (yaml.publisher) ahead(publisherSchema, yaml.publisher.data);
  for (const item of items(yaml.sources)) ahead(sourceSchema, item);
  const facts = yaml.facts.flatMap((file) => items(file).flatMap((item) => ahead(factSchema, item) ?? []));
  for (const file of yaml.recipients) for (const item of items(file)) ahead(recipientSchema, item);
  for (const file of yaml.documents) ahead(documentSchema, file.data);
  return facts;
}

type ParseOne = <S extends z.ZodType>(schema: S, file: YamlFile, base: ValuePath, data: unknown) => z.output<S> | undefined;

function buildSection(section: ParsedSection, parseOne: ParseOne): SectionEntity | undefined {
  if (!section.frontMatter) return undefined;
  const front = section.frontMatter;
  const value = parseOne(sectionFrontMatterSchema, front, [], front.data ?? {});
  if (!value) return undefined;
  return {
    id: value.id ?? section.stem,
    title: value.title,
    sensitivity: value.sensitivity,
    summary: value.summary,
    path: section.path,
    text: section.text,
    tree: section.tree,
    references: section.references,
    origin: originOf(front),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
