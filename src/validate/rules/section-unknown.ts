import { createDiagnostic } from '../../diagnostics/index.js';
import { didYouMean } from '../closest-match.js';
import type { RuleContext } from '../rule-context.js';

/** Every section a document lists (and its `bluf`) exists. */
export function sectionUnknown(context: RuleContext): void {
  const { model, invalidIds } = context;
  const known = (id: string) => model.sections.has(id) || invalidIds.sections.has(id);
  for (const doc of model.documents.values()) {
    const check = (id: string, path: (string | number)[]) => {
      if (known(id)) return;
      context.report(
        createDiagnostic('section-unknown', {
          file: doc.origin.file,
          range: doc.origin.range(path),
          message: `Unknown section \`${id}\``,
          hint: `${didYouMean(id, model.sections.keys())}Sections are the files in content/sections/ (id = file stem unless front matter sets \`id\`).`,
        }),
      );
    };
    doc.sections.forEach((id, index) => check(id, ['sections', index]));
    if (doc.bluf !== undefined) check(doc.bluf, ['bluf']);
  }
}
