/**
 * briefwright's library API. The CLI is a thin layer over these functions.
 */
export { build, validate, type BuildResult, type ExitCode, type OutputSummary } from './build.js';
export type { BuildOptions, Config } from './config/index.js';
export { toolVersion } from './config/index.js';
export { formatDiagnostics, rules, ruleIds, type Diagnostic, type DiagnosticFormat, type Rule, type RuleId, type Severity } from './diagnostics/index.js';
export type { Manifest, ManifestEntry } from './output/index.js';
export {
  explainDocument,
  formatExplanation,
  type DocumentExplanation,
  type ExplainOptions,
  type ExplainResult,
  type FactExplanation,
  type FactUse,
  type Place,
  type SourceSummary,
} from './provenance/index.js';
export { writeJsonSchemas, type WriteJsonSchemasOptions, type WriteJsonSchemasResult } from './output/write-json-schemas.js';
export { createJsonSchemas, type JsonSchemaFile } from './schema/json-schemas.js';
