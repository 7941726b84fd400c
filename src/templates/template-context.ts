import type { SectionHtml } from '../markdown/create-markdown-processor.js';
import { displayOfFact } from '../markdown/format-fact-value.js';
import type { DocumentEntity, Model, RecipientEntity } from '../schema/model.js';
import type { Signatory } from '../schema/publisher-schema.js';
import { effectiveMarking } from '../validate/document-level.js';

/**
 * The data a layout sees (documented in templates/README.md). Every optional field is present
 * as null, never missing: strict mode then catches typos without tripping on absent values.
 * HTML-bearing fields are SafeStrings made by trusted code.
 */
export interface TemplateContextInput {
  readonly model: Model;
  readonly document: DocumentEntity;
  readonly recipient: RecipientEntity | undefined;
  readonly sections: readonly SectionHtml[];
  readonly bluf: SectionHtml | undefined;
  readonly css: string;
  readonly safe: (html: string) => unknown;
  readonly generator: string;
}

const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value);

export function buildTemplateContext(input: TemplateContextInput): Record<string, unknown> {
  const { model, document: doc, recipient, safe } = input;
  const publisher = model.publisher;
  if (!publisher) throw new Error('Cannot render without a valid publisher');
  const sectionView = (html: SectionHtml) => {
    const section = model.sections.get(html.id);
    if (!section) throw new Error(`Cannot render unknown section \`${html.id}\``);
    return { id: section.id, title: section.title, summary: orNull(section.summary), sensitivity: section.sensitivity, html: safe(html.html) };
  };
  const signatory = (s: Signatory) => ({ name: s.name, title: s.title, signature: orNull(s.signature) });
  return {
    document: {
      id: doc.id,
      title: doc.title,
      subtitle: orNull(doc.subtitle),
      kind: doc.kind,
      audience: doc.audience,
      distribution: doc.distribution,
      date: doc.date,
      // The document's own marking, else one computed from the highest sensitivity it contains.
      marking: orNull(effectiveMarking(model, doc)),
      draft: doc.draft,
      language: doc.language,
      description: orNull(doc.description),
      keywords: doc.keywords ?? [],
      enclosures: doc.enclosures ?? [],
      cc: doc.cc ?? [],
      pdf: { size: doc.pdf.size, margin: orNull(doc.pdf.margin), toc: doc.pdf.toc },
    },
    publisher: {
      name: publisher.name,
      tagline: orNull(publisher.tagline),
      address: publisher.address,
      logo: orNull(publisher.logo),
      contact: {
        email: orNull(publisher.contact?.email),
        phone: orNull(publisher.contact?.phone),
        web: orNull(publisher.contact?.web),
      },
    },
    signatory: signatory(doc.from ?? publisher.signatory),
    recipient: recipient
      ? {
          id: recipient.id,
          name: recipient.name,
          title: orNull(recipient.title),
          organization: recipient.organization,
          address: recipient.address,
          salutation: recipient.salutation,
        }
      : null,
    sections: input.sections.map(sectionView),
    bluf: input.bluf ? sectionView(input.bluf) : null,
    keyFacts: (doc.key_facts ?? []).map((id) => {
      const fact = model.facts.get(id);
      if (!fact) throw new Error(`Cannot render unknown key fact \`${id}\``);
      return { id, label: orNull(fact.label), display: orNull(displayOfFact(fact)), status: fact.status, attributedTo: orNull(fact.attributed_to) };
    }),
    css: safe(input.css),
    generator: input.generator,
  };
}
