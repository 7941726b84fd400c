import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import type { FactEntity } from '../../../src/schema/model.js';
import { drawTimelineSvg, wrapText } from '../../../src/templates/draw-timeline-svg.js';
import type { TimelineEvent } from '../../../src/templates/select-timeline-events.js';

function event(id: string, date: string, label: string, extra: Partial<TimelineEvent> = {}): TimelineEvent {
  const fact = { id, status: 'confirmed', display: undefined } as unknown as FactEntity;
  return { fact, date, dateText: date, label, attribution: undefined, ...extra };
}

function elements(root: Root | Element, tag: string): Element[] {
  const out: Element[] = [];
  const walk = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === tag) out.push(child);
      walk(child);
    }
  };
  walk(root);
  return out;
}

function text(node: Element): string {
  return node.children.map((c) => (c.type === 'text' ? c.value : c.type === 'element' ? text(c) : '')).join('');
}

const events = [
  event('start', '2026-04-01', 'Activity begins', { attribution: 'Alleged by Example Lab', fact: { id: 'start', status: 'alleged', display: undefined } as unknown as FactEntity }),
  event('letter', '2026-06-10', 'Letter to the committee'),
  event('story', '2026-06-24', 'Story published'),
];

describe('drawTimelineSvg', () => {
  it('draws one dot per event, left to right in the order given, with date, caption and attribution', () => {
    const tree = fromHtml(drawTimelineSvg(events), { fragment: true });
    const groups = elements(tree, 'g');
    expect(groups.map((g) => g.properties['dataFact'])).toEqual(['start', 'letter', 'story']);
    const xs = elements(tree, 'circle').map((c) => Number(c.properties['cx']));
    expect(xs).toHaveLength(3);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    expect(new Set(xs).size).toBe(3);
    expect(text(groups[0]!)).toBe('Apr 1, 2026Activity beginsAlleged by Example Lab');
    expect(elements(groups[0]!, 'circle')[0]?.properties['className']).toEqual(['tl-dot', 'tl-alleged']);
  });

  it('alternates captions above and below the axis so neighbours do not collide', () => {
    const tree = fromHtml(drawTimelineSvg(events), { fragment: true });
    const axisY = Number(elements(tree, 'line')[0]?.properties['y1']);
    const firstBaselines = elements(tree, 'text').map((t) => Number(elements(t, 'tspan')[0]?.properties['y']));
    expect(firstBaselines[0]!).toBeLessThan(axisY);
    expect(firstBaselines[1]!).toBeGreaterThan(axisY);
    expect(firstBaselines[2]!).toBeLessThan(axisY);
  });

  it('escapes every text, so a caption cannot inject markup', () => {
    const svg = drawTimelineSvg([event('x', '2026-01-02', '<script>alert(1)</script> & "quotes"', { dateText: '<b>' })]);
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg).toContain('&amp;');
    expect(svg).toContain('&quot;quotes&quot;');
    const tree = fromHtml(svg, { fragment: true });
    expect(elements(tree, 'script')).toHaveLength(0);
    expect(elements(tree, 'b')).toHaveLength(0);
  });

  it('refers to nothing outside itself: no links, images, styles or scripts', () => {
    const svg = drawTimelineSvg(events);
    expect(svg).not.toMatch(/href|url\(|<image|<style|<script|<foreignObject|on[a-z]+=/i);
  });

  it('is deterministic and has an accessible name', () => {
    expect(drawTimelineSvg(events)).toBe(drawTimelineSvg(events.map((e) => ({ ...e }))));
    const svg = fromHtml(drawTimelineSvg(events, { idPrefix: 'tl' }), { fragment: true }).children[0] as Element;
    expect(svg.properties['role']).toBe('img');
    expect(svg.properties['ariaLabelledBy']).toEqual(['tl-svg-title', 'tl-svg-desc']);
    expect(text(elements(svg, 'desc')[0]!)).toContain('3 dated events, from 2026-04-01 to 2026-06-24');
  });

  it('keeps long captions inside the drawing and refuses an empty timeline', () => {
    const long = 'A very long caption that goes on and on about what happened on that particular day in great detail indeed';
    const svg = drawTimelineSvg([event('a', '2026-01-01', long), event('b', '2026-02-01', 'Short')]);
    const width = Number(/viewBox="0 0 (\d+)/.exec(svg)?.[1]);
    const lines = elements(fromHtml(svg, { fragment: true }), 'tspan').filter((t) => t.properties['className']?.toString() === 'tl-label');
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(text(line).length * 6.6).toBeLessThanOrEqual(width);
    expect(() => drawTimelineSvg([])).toThrow(/without events/);
  });
});

describe('wrapText', () => {
  it('wraps greedily at word boundaries', () => {
    expect(wrapText('one two three four', 9, 4)).toEqual(['one two', 'three', 'four']);
  });

  it('ends with an ellipsis when the lines run out, never exceeding the width', () => {
    const lines = wrapText('alpha beta gamma delta epsilon zeta', 11, 2);
    expect(lines).toEqual(['alpha beta', 'gamma delt…']);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(11);
  });

  it('cuts words longer than a line', () => {
    expect(wrapText('https://example.com/very/long/path', 10, 5)).toEqual(['https://ex', 'ample.com/', 'very/long/', 'path']);
  });
});
