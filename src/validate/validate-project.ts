import type { ParsedProject } from '../content/load-project.js';
import type { Diagnostic } from '../diagnostics/index.js';
import type { Model } from '../schema/model.js';
import { buildModel } from './build-model.js';
import { validationRules } from './rules/index.js';
import type { ValidationRule } from './rule-context.js';

export interface ValidateProjectResult {
  model: Model;
  diagnostics: Diagnostic[];
}

export interface ValidateProjectOptions {
  /** Extra rules to run after the built-in ones. */
  rules?: readonly ValidationRule[];
  /** The date `fact-stale` compares `review_by` with, YYYY-MM-DD (the CLI's `--today`). */
  today?: string;
}

/** Schema validation, then every cross-reference rule. Collects everything; never throws for content. */
export function validateProject(project: ParsedProject, options: ValidateProjectOptions = {}): ValidateProjectResult {
  const { model, entities, invalidIds, diagnostics } = buildModel(project);
  const report = (d: Diagnostic) => diagnostics.push(d);
  for (const rule of [...validationRules, ...(options.rules ?? [])]) rule({ model, entities, invalidIds, today: options.today, report });
  return { model, diagnostics };
}
