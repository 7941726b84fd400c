export { openBuildCache, type BuildCache, type BuildUnit, type FinishedUnit, type RenderedUnit, type ReusedUnit, type SaveBuildInput } from './open-build-cache.js';
export { readUnchangedBuild, type UnchangedBuildCheck } from './read-unchanged-build.js';
export { fingerprintBuild } from './fingerprint-build.js';
export { createUnitKeyer, type UnitDependencies, type UnitKeyer } from './create-unit-keyer.js';
export { cacheDirName, readBuildState, type BuildState, type UnitRecord } from './build-state.js';
export { hashText } from './hash-text.js';
