import type { ValidationRule } from '../rule-context.js';
import { allegationUnattributed } from './allegation-unattributed.js';
import { factStale } from './fact-stale.js';
import { factUnknown } from './fact-unknown.js';
import { factUnused } from './fact-unused.js';
import { idDuplicate } from './id-duplicate.js';
import { imageMissingAlt } from './image-missing-alt.js';
import { imageMissing } from './image-missing.js';
import { layoutUnknown } from './layout-unknown.js';
import { linkBroken } from './link-broken.js';
import { numberMismatch } from './number-mismatch.js';
import { numberUnsourced } from './number-unsourced.js';
import { recipientsUnknown } from './recipients-unknown.js';
import { sectionUnknown } from './section-unknown.js';
import { sensitivityLeak } from './sensitivity-leak.js';
import { sourceUnknown } from './source-unknown.js';
import { sourceUnused } from './source-unused.js';
import { templateUnsafeUrl } from './template-unsafe-url.js';

/** Cross-reference rules in the order they run. Each file is named after the rule id it reports. */
export const validationRules: readonly ValidationRule[] = [
  idDuplicate,
  factUnknown,
  sourceUnknown,
  sectionUnknown,
  layoutUnknown,
  recipientsUnknown,
  sensitivityLeak,
  // Editorial integrity (issue 5): prose, freshness, use and links.
  allegationUnattributed,
  numberMismatch,
  numberUnsourced,
  factStale,
  factUnused,
  sourceUnused,
  linkBroken,
  imageMissing,
  imageMissingAlt,
  // Hardening (issue 7): template values in links and styles.
  templateUnsafeUrl,
];
