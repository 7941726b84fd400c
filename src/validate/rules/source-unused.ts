import { createDiagnostic } from '../../diagnostics/index.js';
import type { RuleContext } from '../rule-context.js';
import { allTemplates } from '../template-index.js';

/**
 * A source nothing cites never reaches a reader: a warning, usually a fact that lost its
 * source or a source added for a fact not written yet. Cited means listed by a fact's
 * `sources`, named by a `:cite[id]` in a section, or by a literal `{{cite "id"}}` in a template.
 */
export function sourceUnused(context: RuleContext): void {
  const { model, entities } = context;
  const cited = new Set<string>();
  for (const fact of entities.facts) for (const id of fact.sources) cited.add(id);
  for (const section of model.sections.values()) for (const ref of section.references) if (ref.kind === 'cite') cited.add(ref.id);
  for (const template of allTemplates(model)) {
    for (const call of template.helperCalls) if (call.helper === 'cite' && call.literal !== undefined) cited.add(call.literal);
  }
  for (const source of model.sources.values()) {
    if (cited.has(source.id)) continue;
    context.report(
      createDiagnostic('source-unused', {
        file: source.origin.file,
        range: source.origin.range(['id']),
        message: `Source \`${source.id}\` is not cited by any fact or \`:cite\``,
        hint: `List it in a fact's \`sources\`, cite it with \`:cite[${source.id}]\`, or remove it.`,
      }),
    );
  }
}
