import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/index.js';
import { createTempProject, type TempProject } from '../helpers/temp-project.js';

const hostile = `---
title: Overview
---
Anthropic alleges that :fact[accounts] accounts were used.

<script>document.title = 'pwned-script'</script>

<img src="../../templates/assets/dot.svg" alt="dot" onerror="alert('pwned-onerror')"> <a href="javascript:alert('pwned-js')">click</a> [md link](javascript:alert('pwned-md'))

<a href="jav&#x09;ascript:alert('pwned-tab')">tab</a> <iframe src="http://127.0.0.1:9/pwned-frame"></iframe> <p onclick="steal()">para</p>

<style>@import url(http://127.0.0.1:9/pwned-style);</style> <bw-ref data-bw-index="0"></bw-ref>

A footnote.[^n]

[^n]: The note text.
`;

describe('hostile HTML in a section', () => {
  let project: TempProject;
  let result: BuildResult;
  let html: string;

  beforeAll(async () => {
    project = await createTempProject(
      {
        'content/sections/overview.md': hostile,
        'templates/assets/dot.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="2" height="2"><circle cx="1" cy="1" r="1"/></svg>',
      },
      { templates: false, fixture: 'base' },
    );
    result = await build({ root: project.root });
    html = await readFile(join(project.root, 'out/public-note.html'), 'utf8');
  });
  afterAll(() => project.remove());

  it('never reaches the HTML', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\bon(error|click)=/i);
    expect(html).not.toMatch(/javascript:|jav\s*ascript/i);
    expect(html).not.toMatch(/<iframe|<style>@import|127\.0\.0\.1/i);
    expect(html).not.toContain('pwned');
    expect(html).not.toContain('<bw-ref');
  });

  it('keeps the safe content and working footnotes', () => {
    expect(html).toContain('>click</a>');
    expect(html).toContain('<p>para</p>');
    const footnoteRef = /href="#(overview--fn-n)"/.exec(html);
    expect(footnoteRef).not.toBeNull();
    expect(html).toContain(`id="${footnoteRef![1]}"`);
    const backRef = /href="#(overview--fnref-n)"/.exec(html);
    expect(backRef).not.toBeNull();
    expect(html).toContain(`id="${backRef![1]}"`);
  });

  it('reports every drop with its position', () => {
    const unsafe = result.diagnostics.filter((d) => d.ruleId === 'html-unsafe').map((d) => `${d.line}:${d.column} ${d.message}`);
    expect(unsafe).toEqual([
      '6:1 Removed `<script>` element and its content',
      '8:1 Removed attribute `onerror` from `<img>`',
      '8:87 Removed unsafe URL `javascript:alert(\'pwned-js\')` from `<a href>`',
      '8:136 Removed unsafe URL `javascript:alert(\'pwned-md\')` from `<a href>`',
      '10:1 Removed unsafe URL `jav\\tascript:alert(\'pwned-tab\')` from `<a href>`',
      '10:55 Removed `<iframe>` element and its content',
      '10:110 Removed attribute `onclick` from `<p>`',
      '12:1 Removed `<style>` element and its content',
      '12:61 Removed `<bw-ref>` element',
    ]);
    expect(result.exitCode).toBe(0);
  });

  it('embeds the image it kept, without its handler', () => {
    expect(html).toMatch(/<img src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+" alt="dot">/);
  });
});
