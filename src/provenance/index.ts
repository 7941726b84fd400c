export {
  explainDocument,
  type DocumentExplanation,
  type ExplainOptions,
  type ExplainResult,
  type FactExplanation,
  type FactUse,
  type Place,
  type SourceSummary,
} from './explain-document.js';
export { formatExplanation } from './format-explanation.js';
