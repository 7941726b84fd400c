export { rules, ruleIds, isRuleId, type Rule, type RuleId, type Severity } from './rules.js';
export {
  createDiagnostic,
  compareDiagnostics,
  countDiagnostics,
  hasErrors,
  type Diagnostic,
  type DiagnosticCounts,
  type DiagnosticInput,
  type Point,
  type Range,
} from './diagnostic.js';
export { createLocator, rangeFromPosition, type Locator } from './position.js';
export { formatDiagnostics, diagnosticFormats, type DiagnosticFormat, type FormatOptions } from './format-diagnostics.js';
