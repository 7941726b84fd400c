export { createOutputStage, manifestFile, indexFile, type CommitResult, type OutputStage, type OutputStageOptions } from './create-output-stage.js';
export { writeOutputs } from './write-outputs.js';
export { writeFileAtomic, removePendingTempFiles } from './write-file-atomic.js';
export { createManifest, serializeManifest, sha256, type Manifest, type ManifestEntry } from './create-manifest.js';
export { renderIndex } from './render-index.js';
export { outputPath, outputNameProblem, findOutputCollisions } from './output-path.js';
export { findBlockingError, type OutputDependencies } from './find-blocking-error.js';
export type { OutputFile, OutputRecord } from './output-file.js';
export { writeJsonSchemas, type WriteJsonSchemasOptions, type WriteJsonSchemasResult } from './write-json-schemas.js';
