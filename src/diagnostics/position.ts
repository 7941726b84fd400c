import { location } from 'vfile-location';
import type { Point, Range } from './diagnostic.js';

/** Turns byte offsets of one file's text into 1-based line/column points. */
export interface Locator {
  point(offset: number): Point;
  range(start: number, end: number): Range;
}

export function createLocator(text: string): Locator {
  const place = location(text);
  const point = (offset: number): Point => {
    const clamped = Math.max(0, Math.min(offset, text.length));
    const p = place.toPoint(clamped);
    // vfile-location returns undefined only for offsets outside the text, excluded above.
    if (p === undefined) throw new Error(`Cannot locate offset ${offset}`);
    return { line: p.line, column: p.column };
  };
  return {
    point,
    range: (start, end) => ({ start: point(start), end: point(Math.max(start, end)) }),
  };
}

/** An mdast/hast position (already 1-based) as a Range. */
export function rangeFromPosition(position: { start: Point; end?: Point | undefined } | undefined): Range | undefined {
  if (!position) return undefined;
  const { start } = position;
  const end = position.end ?? start;
  return { start: { line: start.line, column: start.column }, end: { line: end.line, column: end.column } };
}
