import { formatDate } from '../markdown/format-fact-value.js';
import type { TimelineEvent } from './select-timeline-events.js';

export interface TimelineSvgOptions {
  /** Prefix for the ids of the SVG's title and description (unique within the page). */
  readonly idPrefix?: string;
}

/** Drawing units (the SVG scales to its container; CSS sizes the text in the same units). */
const width = 680;
const lineHeight = 15;
const dateSize = 13;
/** Average advance of Source Sans 3 at 12.5px (see .tl-label), a little generous so lines never overrun. */
const charWidth = 6.6;
const maxLabelLines = 4;
const stemGap = 16;
const dotRadius = 5;
/**
 * A horizontal timeline as inline SVG: events evenly spaced in date order on one axis, their
 * captions alternating above and below so neighbours never collide, each caption wrapped to the
 * room it has. Pure and deterministic (same events, same bytes); every text is escaped; no
 * external references, scripts or styles (the document's CSS styles the classes), so the
 * Content-Security-Policy and the print isolation let it through untouched.
 */
export function drawTimelineSvg(events: readonly TimelineEvent[], options: TimelineSvgOptions = {}): string {
  if (events.length === 0) throw new Error('Cannot draw a timeline without events');
  const prefix = options.idPrefix ?? 'timeline';
  const n = events.length;
  // Captions on one side are two slots apart: each may use nearly two slots of width.
  const labelWidth = n === 1 ? 320 : Math.min(200, (2 * width - 12 * (n - 1)) / (n + 1));
  const slot = n === 1 ? 0 : (width - labelWidth) / (n - 1);
  const maxChars = Math.max(8, Math.floor(labelWidth / charWidth));

  const blocks = events.map((event, i) => {
    const lines: { text: string; cls: string }[] = [{ text: shortDate(event), cls: 'tl-date' }];
    for (const line of wrapText(event.label, maxChars, maxLabelLines)) lines.push({ text: line, cls: 'tl-label' });
    if (event.attribution) for (const line of wrapText(event.attribution, maxChars, 2)) lines.push({ text: line, cls: 'tl-attribution' });
    return { event, x: n === 1 ? width / 2 : labelWidth / 2 + i * slot, above: i % 2 === 0, lines };
  });
  const heightOf = (above: boolean) => Math.max(0, ...blocks.filter((b) => b.above === above).map((b) => b.lines.length * lineHeight));
  const top = 4;
  const axisY = top + heightOf(true) + stemGap;
  const height = axisY + stemGap + heightOf(false) + 6;

  const parts: string[] = [];
  const first = events[0]!;
  const last = events[n - 1]!;
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="timeline-svg" viewBox="0 0 ${width} ${round(height)}" role="img" aria-labelledby="${prefix}-svg-title ${prefix}-svg-desc">`,
    `<title id="${prefix}-svg-title">Timeline</title>`,
    `<desc id="${prefix}-svg-desc">${escapeXml(`${n} dated ${n === 1 ? 'event' : 'events'}, from ${first.dateText} to ${last.dateText}; each is listed with its sources below.`)}</desc>`,
    `<line class="tl-axis" x1="0" y1="${round(axisY)}" x2="${width}" y2="${round(axisY)}"/>`,
  );
  for (const block of blocks) {
    const x = round(block.x);
    const blockHeight = block.lines.length * lineHeight;
    const stemEnd = block.above ? axisY - stemGap + 4 : axisY + stemGap - 4;
    parts.push(`<g class="tl-event" data-fact="${escapeXml(block.event.fact.id)}">`);
    parts.push(`<line class="tl-stem" x1="${x}" y1="${round(axisY)}" x2="${x}" y2="${round(stemEnd)}"/>`);
    parts.push(`<circle class="tl-dot tl-${block.event.fact.status}" cx="${x}" cy="${round(axisY)}" r="${dotRadius}"/>`);
    // Baselines: above the axis the block ends just over the stem; below, it starts under it.
    const firstBaseline = block.above ? axisY - stemGap - blockHeight + dateSize : axisY + stemGap + dateSize;
    parts.push(`<text x="${x}" text-anchor="middle">`);
    block.lines.forEach((line, j) => {
      parts.push(`<tspan class="${line.cls}" x="${x}" y="${round(firstBaseline + j * lineHeight)}">${escapeXml(line.text)}</tspan>`);
    });
    parts.push('</text></g>');
  }
  parts.push('</svg>');
  return parts.join('');
}

/** The date as drawn: the fact's own wording when it has one, else e.g. "Jun 10, 2026". */
function shortDate(event: TimelineEvent): string {
  return event.fact.display !== undefined ? event.dateText : formatDate(event.date, 'short');
}

/**
 * Greedy word wrap to `maxChars` per line and at most `maxLines` lines; a longer text ends
 * with an ellipsis (the full statement is in the list under the drawing). Over-long words
 * are cut so a URL-like token cannot run off the drawing.
 */
export function wrapText(text: string, maxChars: number, maxLines: number): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean).flatMap((w) => chunk(w, maxChars));
  const lines: string[] = [];
  let current = '';
  let i = 0;
  for (; i < words.length; i++) {
    const word = words[i]!;
    const candidate = current === '' ? word : `${current} ${word}`;
    if (candidate.length <= maxChars) {
      current = candidate;
      continue;
    }
    lines.push(current);
    current = word;
    if (lines.length === maxLines) break;
  }
  if (lines.length < maxLines && current !== '') {
    lines.push(current);
    return lines;
  }
  if (i < words.length || current !== '') {
    const lastLine = lines[maxLines - 1] ?? '';
    lines[maxLines - 1] = `${lastLine.length + 1 > maxChars ? lastLine.slice(0, maxChars - 1).trimEnd() : lastLine}…`;
  }
  return lines;
}

function chunk(word: string, size: number): string[] {
  if (word.length <= size) return [word];
  const out: string[] = [];
  for (let i = 0; i < word.length; i += size) out.push(word.slice(i, i + size));
  return out;
}

function round(n: number): string {
  return String(Math.round(n * 10) / 10);
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
