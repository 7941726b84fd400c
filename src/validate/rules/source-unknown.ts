import { createDiagnostic } from '../../diagnostics/index.js';
import { didYouMean } from '../closest-match.js';
import type { RuleContext } from '../rule-context.js';

/** Every source a fact rests on, and every `:cite[id]`, exists in content/sources.yaml. */
export function sourceUnknown(context: RuleContext): void {
  const { model, invalidIds } = context;
  const known = (id: string) => model.sources.has(id) || invalidIds.sources.has(id);
  const hint = (id: string) => `${didYouMean(id, model.sources.keys())}Sources are listed in content/sources.yaml.`;

  for (const fact of context.entities.facts) {
    fact.sources.forEach((id, index) => {
      if (known(id)) return;
      context.report(
        createDiagnostic('source-unknown', {
          file: fact.origin.file,
          range: fact.origin.range(['sources', index]),
          message: `Fact \`${fact.id}\` cites unknown source \`${id}\``,
          hint: hint(id),
        }),
      );
    });
  }
  for (const section of model.sections.values()) {
    for (const ref of section.references) {
      if (ref.kind !== 'cite' || known(ref.id)) continue;
      context.report(
        createDiagnostic('source-unknown', { file: section.path, range: ref.range, message: `Unknown source \`${ref.id}\``, hint: hint(ref.id) }),
      );
    }
  }
}
