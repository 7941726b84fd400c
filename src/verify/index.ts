export { verifyOutputs, verifyOutput, checkLinksBetween, type FinishedOutput, type VerifiedOutput } from './verify-outputs.js';
export { readOutput, type OutputReading } from './read-output.js';
export { scanForLeaks, leakNeedles, isDistinctive, type LeakHit, type LeakNeedle } from './scan-leaks.js';
export { checkAnchors, type AnchorSubject, type AnchorTarget } from './check-anchors.js';
export { createOutputReader, type OutputReader } from './create-output-reader.js';
