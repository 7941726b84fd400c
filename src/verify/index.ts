export { verifyOutputs, type FinishedOutput } from './verify-outputs.js';
export { readOutput, type OutputReading } from './read-output.js';
export { scanForLeaks, leakNeedles, isDistinctive, type LeakHit, type LeakNeedle } from './scan-leaks.js';
export { checkAnchors, type AnchorSubject } from './check-anchors.js';
