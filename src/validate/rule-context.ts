import type { Diagnostic } from '../diagnostics/index.js';
import type { Model } from '../schema/model.js';
import type { Entities, InvalidIds } from './build-model.js';

/** What a validation rule sees. Rules report; they never throw for content problems. */
export interface RuleContext {
  readonly model: Model;
  readonly entities: Entities;
  readonly invalidIds: InvalidIds;
  /** The date `review_by` is compared with (YYYY-MM-DD); undefined skips the staleness check. */
  readonly today: string | undefined;
  report(diagnostic: Diagnostic): void;
}

/** A cross-reference rule; its file is named after the rule id it reports. */
export type ValidationRule = (context: RuleContext) => void;
