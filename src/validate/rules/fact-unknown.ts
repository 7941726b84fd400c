import { createDiagnostic } from '../../diagnostics/index.js';
import { didYouMean } from '../closest-match.js';
import type { RuleContext } from '../rule-context.js';

/** Every `:fact[id]` in a section and every `key_facts` entry names an existing fact. */
export function factUnknown(context: RuleContext): void {
  const { model, invalidIds } = context;
  const known = (id: string) => model.facts.has(id) || invalidIds.facts.has(id);
  const hint = (id: string) => `${didYouMean(id, model.facts.keys())}Facts are defined in content/facts/*.yaml.`;

  for (const section of model.sections.values()) {
    for (const ref of section.references) {
      if (ref.kind !== 'fact' || known(ref.id)) continue;
      context.report(
        createDiagnostic('fact-unknown', { file: section.path, range: ref.range, message: `Unknown fact \`${ref.id}\``, hint: hint(ref.id) }),
      );
    }
  }
  for (const doc of model.documents.values()) {
    doc.key_facts?.forEach((id, index) => {
      if (known(id)) return;
      context.report(
        createDiagnostic('fact-unknown', {
          file: doc.origin.file,
          range: doc.origin.range(['key_facts', index]),
          message: `Unknown fact \`${id}\` in \`key_facts\``,
          hint: hint(id),
        }),
      );
    });
  }
}
