import type { Diagnostic } from '../diagnostics/index.js';
import type { DocumentEntity, Model } from '../schema/model.js';

/**
 * What helpers need while one document renders; passed as the `@bw` data variable, so the
 * environment (compiled once per build) holds no per-document state.
 */
export interface RenderState {
  readonly model: Model;
  readonly document: DocumentEntity;
  /** Template files being rendered, innermost last: errors and helper reports name the right file. */
  readonly fileStack: string[];
  readonly templatesUsed: Set<string>;
  readonly factsUsed: Set<string>;
  readonly sourcesUsed: Set<string>;
  readonly assetsUsed: Set<string>;
  report(diagnostic: Diagnostic): void;
}

export function createRenderState(model: Model, document: DocumentEntity, report: (d: Diagnostic) => void): RenderState {
  return {
    model,
    document,
    fileStack: [],
    templatesUsed: new Set(),
    factsUsed: new Set(),
    sourcesUsed: new Set(),
    assetsUsed: new Set(),
    report,
  };
}

export function currentFile(state: RenderState): string {
  return state.fileStack.at(-1) ?? 'templates';
}
