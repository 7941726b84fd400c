import type { Root } from 'mdast';
import type { DirectiveReference } from '../content/parse-section.js';
import type { ValuePath } from '../content/parse-yaml.js';
import type { TextFile } from '../content/text-file.js';
import type { Range } from '../diagnostics/index.js';
import type { DocumentDefinition } from './document-schema.js';
import type { Fact } from './fact-schema.js';
import type { Publisher } from './publisher-schema.js';
import type { Recipient } from './recipient-schema.js';
import type { Sensitivity } from './scalars.js';
import type { Source } from './source-schema.js';

/** Where an entity was written, so any later rule can point at one of its fields exactly. */
export interface Origin {
  readonly file: string;
  /** Range of the value at `path` below the entity (the entity itself for []). */
  range(path?: ValuePath): Range;
  /** Range of a key of the mapping at `path` below the entity. */
  keyRange(path: ValuePath, key: string): Range;
}

export interface Located {
  readonly origin: Origin;
}

export type SourceEntity = Source & Located;
export type FactEntity = Fact & Located;
export type RecipientEntity = Recipient & Located & { readonly list: string };
export type PublisherEntity = Publisher & Located;

export interface SectionEntity extends Located {
  readonly id: string;
  readonly title: string;
  readonly sensitivity: Sensitivity;
  readonly summary: string | undefined;
  readonly path: string;
  /** The file's text, for exact positions inside text nodes (prose checks). */
  readonly text: string;
  readonly tree: Root;
  readonly references: readonly DirectiveReference[];
}

export interface RecipientList extends Located {
  readonly id: string;
  readonly recipients: readonly RecipientEntity[];
}

export type DocumentEntity = Omit<DocumentDefinition, 'id'> & Located & { readonly id: string };

/** The validated project: what rendering works from. Maps are keyed by id, in sorted order. */
export interface Model {
  readonly root: string;
  /** Undefined only when publisher.yaml is missing or invalid (reported; nothing renders then). */
  readonly publisher: PublisherEntity | undefined;
  readonly sources: ReadonlyMap<string, SourceEntity>;
  readonly facts: ReadonlyMap<string, FactEntity>;
  readonly sections: ReadonlyMap<string, SectionEntity>;
  readonly recipientLists: ReadonlyMap<string, RecipientList>;
  readonly documents: ReadonlyMap<string, DocumentEntity>;
  readonly layouts: ReadonlyMap<string, TextFile>;
  readonly partials: ReadonlyMap<string, TextFile>;
  readonly styles: ReadonlyMap<string, TextFile>;
  readonly assets: ReadonlyMap<string, Uint8Array>;
}
