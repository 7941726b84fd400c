/**
 * briefwright's library API. The CLI is a thin layer over these functions.
 */
export { build, validate, type BuildResult, type ExitCode, type OutputSummary } from './build.js';
export type { BuildOptions, Config } from './config/index.js';
export { toolVersion } from './config/index.js';
export { formatDiagnostics, rules, ruleIds, type Diagnostic, type DiagnosticFormat, type Rule, type RuleId, type Severity } from './diagnostics/index.js';
export type { Manifest, ManifestEntry } from './output/index.js';
