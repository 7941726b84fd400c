import { describe, expect, it } from 'vitest';
import { fillTocPages, findTocTargets, samePages } from '../../../src/pdf/toc-pages.js';

const toc = `<nav class="toc"><ol>
<li><a href="#overview">Overview</a><span class="toc-page" data-target="overview"></span></li>
<li><a href="#annex">Annex</a><span data-target="annex" class="toc-page wide"></span></li>
<li><a href="#overview">Again</a><span class="toc-page" data-target="overview"></span></li>
</ol></nav><span class="other" data-target="x"></span>`;

describe('findTocTargets', () => {
  it('lists each target once, in document order, whatever the attribute order', () => {
    expect(findTocTargets(toc)).toEqual(['overview', 'annex']);
  });
  it('ignores spans without the toc-page class and documents without a TOC', () => {
    expect(findTocTargets('<span class="toc-pages" data-target="a"></span><span class="x" data-target="b"></span>')).toEqual([]);
    expect(findTocTargets('<p>No TOC</p>')).toEqual([]);
  });
  it('decodes the entities Handlebars puts into attribute values', () => {
    expect(findTocTargets('<span class="toc-page" data-target="a&amp;b"></span>')).toEqual(['a&b']);
  });
});

describe('fillTocPages', () => {
  it('writes every span’s page, leaves unknown targets empty, and touches nothing else', () => {
    const filled = fillTocPages(toc, new Map([['overview', 3]]));
    expect(filled).toContain('<span class="toc-page" data-target="overview">3</span></li>\n<li><a href="#annex">');
    expect(filled).toContain('<span data-target="annex" class="toc-page wide"></span>');
    expect(filled.match(/>3<\/span>/g)).toHaveLength(2);
    expect(filled).toContain('<span class="other" data-target="x"></span>');
  });
  it('refills a filled TOC (later passes start from the template HTML or a previous fill)', () => {
    const once = fillTocPages(toc, new Map([['overview', 3], ['annex', 9]]));
    expect(fillTocPages(once, new Map([['overview', 4], ['annex', 10]]))).toBe(fillTocPages(toc, new Map([['overview', 4], ['annex', 10]])));
  });
});

describe('samePages', () => {
  it('compares only the targets', () => {
    expect(samePages(['a', 'b'], new Map([['a', 1], ['b', 2], ['c', 1]]), new Map([['a', 1], ['b', 2]]))).toBe(true);
    expect(samePages(['a', 'b'], new Map([['a', 1], ['b', 2]]), new Map([['a', 1], ['b', 3]]))).toBe(false);
  });
});
