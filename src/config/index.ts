export { loadConfig, configFileName, type BuildOptions, type BuildProgress, type Config, type LoadConfigResult } from './load-config.js';
export { configSchema, type WrittenConfig } from './config-schema.js';
export { toolName, toolVersion } from './tool-version.js';
export { matchesAny } from './match-ids.js';
