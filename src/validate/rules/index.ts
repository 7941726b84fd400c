import type { ValidationRule } from '../rule-context.js';
import { factUnknown } from './fact-unknown.js';
import { idDuplicate } from './id-duplicate.js';
import { layoutUnknown } from './layout-unknown.js';
import { recipientsUnknown } from './recipients-unknown.js';
import { sectionUnknown } from './section-unknown.js';
import { sensitivityLeak } from './sensitivity-leak.js';
import { sourceUnknown } from './source-unknown.js';

/** Cross-reference rules in the order they run. Each file is named after the rule id it reports. */
export const validationRules: readonly ValidationRule[] = [
  idDuplicate,
  factUnknown,
  sourceUnknown,
  sectionUnknown,
  layoutUnknown,
  recipientsUnknown,
  sensitivityLeak,
];
