import type { Diagnostic } from '../diagnostics/index.js';
import type { Model, SectionEntity } from '../schema/model.js';

/** A fact or cite reference carried from mdast through sanitizing to its expansion. */
export interface RefDescriptor {
  readonly kind: 'fact' | 'cite';
  readonly id: string;
  readonly show: 'value' | 'statement';
}

/** Per-run state the section plugins share through `file.data.briefwright`. */
export interface SectionRenderData {
  readonly section: SectionEntity;
  readonly model: Model;
  readonly refs: RefDescriptor[];
  readonly factsUsed: Set<string>;
  readonly sourcesUsed: Set<string>;
  readonly assetsUsed: Set<string>;
  report(diagnostic: Diagnostic): void;
}

declare module 'vfile' {
  interface DataMap {
    briefwright: SectionRenderData;
  }
}

declare module 'mdast' {
  interface BriefwrightRef extends Node {
    type: 'briefwrightRef';
    index: number;
  }
  interface PhrasingContentMap {
    briefwrightRef: BriefwrightRef;
  }
  interface RootContentMap {
    briefwrightRef: BriefwrightRef;
  }
}

declare module 'hast' {
  interface BriefwrightRef extends Node {
    type: 'briefwrightRef';
    index: number;
  }
  interface ElementContentMap {
    briefwrightRef: BriefwrightRef;
  }
  interface RootContentMap {
    briefwrightRef: BriefwrightRef;
  }
}

/** Reads the per-run data; a plugin running without it is a programmer error. */
export function renderDataOf(file: { data: { briefwright?: SectionRenderData } }): SectionRenderData {
  const data = file.data.briefwright;
  if (!data) throw new Error('Cannot render a section without `file.data.briefwright`');
  return data;
}
