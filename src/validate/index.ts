export { validateProject, type ValidateProjectOptions, type ValidateProjectResult } from './validate-project.js';
export { buildModel, originOf, compareIds, type BuildModelResult, type Entities, type InvalidIds } from './build-model.js';
export { validationRules } from './rules/index.js';
export type { RuleContext, ValidationRule } from './rule-context.js';
export { zodIssuesToDiagnostics } from './zod-issues.js';
export { closestMatch, didYouMean } from './closest-match.js';
export { factsUsedByDocument } from './document-facts.js';
export { prepareValidation } from './prepare-validation.js';
