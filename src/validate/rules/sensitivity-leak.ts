import { posix } from 'node:path';
import { createDiagnostic } from '../../diagnostics/index.js';
import { sensitivityRank } from '../../schema/scalars.js';
import { contentLevel, markingLevel } from '../document-level.js';
import { documentsIncluding, isRelativeUrl, projectOutputs, resolveOutputUrl, sectionLinks } from '../document-links.js';
import type { RuleContext } from '../rule-context.js';

/**
 * Nothing reaches a reader above its clearance. Checked at two levels, so every path is
 * covered: a section may not use a fact above the section's own sensitivity (the section
 * would carry it into every document that includes it), and a document may not include a
 * section, BLUF or key fact above its `distribution`. A document's explicit `marking` may not
 * claim less than its content (see document-level.ts), and a section may not link a document
 * to one of a higher distribution: its readers cannot open it, and the link names it.
 * Templates are checked as they render (the `fact` helper) and every finished output is
 * scanned for what it must not contain (verify/scan-leaks.ts).
 */
export function sensitivityLeak(context: RuleContext): void {
  const { model } = context;
  for (const section of model.sections.values()) {
    for (const ref of section.references) {
      const fact = ref.kind === 'fact' ? model.facts.get(ref.id) : undefined;
      if (!fact || sensitivityRank(fact.sensitivity) <= sensitivityRank(section.sensitivity)) continue;
      const readers = [...model.documents.values()]
        .filter((d) => d.sections.includes(section.id) || d.bluf === section.id)
        .map((d) => `\`${d.id}\``);
      context.report(
        createDiagnostic('sensitivity-leak', {
          file: section.path,
          range: ref.range,
          message: `Fact \`${fact.id}\` is ${fact.sensitivity} but section \`${section.id}\` is ${section.sensitivity}${readers.length ? `; it would reach ${readers.join(', ')}` : ''}`,
          hint: `Remove the reference, or mark the section \`sensitivity: ${fact.sensitivity}\` (documents below ${fact.sensitivity} then cannot include it).`,
        }),
      );
    }
  }

  for (const doc of model.documents.values()) {
    const limit = sensitivityRank(doc.distribution);
    const hint = (what: string, level: string) =>
      `Remove ${what} from \`${doc.id}\`, or raise its \`distribution\` to ${level} if every reader may see it.`;
    const checkSection = (id: string, path: (string | number)[]) => {
      const section = model.sections.get(id);
      if (!section || sensitivityRank(section.sensitivity) <= limit) return;
      context.report(
        createDiagnostic('sensitivity-leak', {
          file: doc.origin.file,
          range: doc.origin.range(path),
          message: `Section \`${id}\` is ${section.sensitivity} but document \`${doc.id}\` is distributed ${doc.distribution}`,
          hint: hint(`section \`${id}\``, section.sensitivity),
        }),
      );
    };
    doc.sections.forEach((id, index) => checkSection(id, ['sections', index]));
    if (doc.bluf !== undefined) checkSection(doc.bluf, ['bluf']);
    doc.key_facts?.forEach((id, index) => {
      const fact = model.facts.get(id);
      if (!fact || sensitivityRank(fact.sensitivity) <= limit) return;
      context.report(
        createDiagnostic('sensitivity-leak', {
          file: doc.origin.file,
          range: doc.origin.range(['key_facts', index]),
          message: `Fact \`${id}\` is ${fact.sensitivity} but document \`${doc.id}\` is distributed ${doc.distribution}`,
          hint: hint(`fact \`${id}\``, fact.sensitivity),
        }),
      );
    });
  }

  checkMarkings(context);
  checkCrossAudienceLinks(context);
}

function checkMarkings(context: RuleContext): void {
  for (const doc of context.model.documents.values()) {
    if (doc.marking === undefined) continue;
    const claimed = markingLevel(doc.marking);
    const content = contentLevel(context.model, doc);
    if (claimed === undefined || sensitivityRank(claimed) >= sensitivityRank(content.level)) continue;
    context.report(
      createDiagnostic('sensitivity-leak', {
        file: doc.origin.file,
        range: doc.origin.range(['marking']),
        message: `Marking \`${doc.marking}\` reads as ${claimed}, but document \`${doc.id}\` contains ${content.level} content (${content.because ?? 'its sections'})`,
        hint: `Mark it ${content.level.toUpperCase()} (or remove \`marking\` to have it computed), or remove the ${content.level} content.`,
      }),
    );
  }
}

function checkCrossAudienceLinks(context: RuleContext): void {
  const { model } = context;
  const outputs = projectOutputs(model);
  for (const section of model.sections.values()) {
    const links = sectionLinks(section).filter((l) => isRelativeUrl(l.url));
    if (links.length === 0) continue;
    for (const doc of documentsIncluding(model, section.id)) {
      const from = [...outputs.values()].find((o) => o.document === doc);
      if (!from) continue;
      for (const link of links) {
        const target = outputs.get(resolveOutputUrl(posix.join(posix.dirname(from.path), 'index.html'), link.url).path ?? '');
        if (!target || sensitivityRank(target.document.distribution) <= sensitivityRank(doc.distribution)) continue;
        context.report(
          createDiagnostic('sensitivity-leak', {
            file: section.path,
            range: link.range,
            message: `Document \`${doc.id}\` (${doc.distribution}) links to \`${target.document.id}\`, which is ${target.document.distribution}`,
            hint: `Its readers cannot open \`${target.document.id}\` and the link names it; remove the link from \`${doc.id}\` or move it to a section only ${target.document.distribution} documents include.`,
          }),
        );
      }
    }
  }
}
