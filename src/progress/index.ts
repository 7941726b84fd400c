export { createProgressReporter, type ProgressReporter, type ProgressReporterOptions, type ProgressStream } from './create-progress-reporter.js';
