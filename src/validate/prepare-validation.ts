import { typeEntitiesAhead, type ProjectYaml } from './build-model.js';
import { prepareFactNumbers } from './number-findings.js';

/**
 * What validation needs of the YAML alone, done ahead: every value typed by its schema
 * (typeEntitiesAhead), and each fact's statement rendered (into renderInlineMarkdown's memo) with
 * the figures and words of its texts found (prepareFactNumbers). The build calls it between the
 * YAML and the section trees, while the Markdown thread parses and this thread would only wait;
 * validation, which runs after the trees and holds up every output, then finds it done: HTML
 * only, bench corpus, ≈60 ms sooner in all (BENCHMARKS.md).
 *
 * Nothing here decides anything: validation still types and checks everything itself, and finds
 * the same results with or without this pass, only sooner.
 */
export function prepareValidation(yaml: ProjectYaml): void {
  prepareFactNumbers(typeEntitiesAhead(yaml));
}
