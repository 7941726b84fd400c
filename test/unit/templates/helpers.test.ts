import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { createDiagnostic, type Diagnostic } from '../../../src/diagnostics/index.js';
import { createHelpers, cssString, eq, formatDate, formatNumber } from '../../../src/templates/helpers.js';
import { createRenderState } from '../../../src/templates/render-state.js';
import type { DocumentEntity, FactEntity, Model } from '../../../src/schema/model.js';
import { testFact } from '../../helpers/entities.js';

// Markdown in the statement: the helpers must render it, not print it.
const fact = (id: string, extra: Partial<FactEntity> = {}): FactEntity => testFact(id, { statement: `Statement of *${id}*.`, ...extra });

const model = {
  facts: new Map([
    ['count', fact('count', { value: { kind: 'number', number: 25000, raw: '25000' }, display: 'nearly 25,000' })],
    ['secret', fact('secret', { sensitivity: 'internal' })],
  ]),
  sources: new Map([['s1', { id: 's1' }]]),
  assets: new Map([['templates/assets/dot.svg', new TextEncoder().encode('<svg/>')]]),
} as unknown as Model;
const document = { id: 'doc', distribution: 'public' } as DocumentEntity;

function render(template: string): { html: string; diagnostics: Diagnostic[] } {
  const env = Handlebars.create();
  for (const [name, helper] of Object.entries(createHelpers((html) => new env.SafeString(html)))) env.registerHelper(name, helper);
  const diagnostics: Diagnostic[] = [];
  const state = createRenderState(model, document, (d) => diagnostics.push(d));
  state.fileStack.push('templates/layouts/t.hbs');
  const html = env.compile(template, { strict: true })({}, { data: { bw: state } });
  return { html, diagnostics };
}

describe('formatting helpers', () => {
  it('formatDate in every style, and refuses what is not a date', () => {
    expect(formatDate('2026-06-10')).toBe('June 10, 2026');
    expect(formatDate('2026-06-10', 'short')).toBe('Jun 10, 2026');
    expect(formatDate('2026-06-10', 'numeric')).toBe('06/10/2026');
    expect(formatDate('2026-06-10', 'iso')).toBe('2026-06-10');
    expect(() => formatDate('June 10')).toThrow(/YYYY-MM-DD/);
    expect(() => formatDate('2026-06-10', 'fancy')).toThrow(/style/);
  });

  it('formatNumber groups digits and refuses non-numbers', () => {
    expect(formatNumber(28800000)).toBe('28,800,000');
    expect(formatNumber('1234.5')).toBe('1,234.5');
    expect(() => formatNumber('many')).toThrow(/expects a number/);
  });

  it('eq is strict', () => {
    expect(eq('letter', 'letter')).toBe(true);
    expect(eq(1, '1')).toBe(false);
  });
});

describe('fact, cite and asset helpers', () => {
  it('fact renders the display value with a citation placeholder', () => {
    expect(render('{{fact "count"}}').html).toBe('<span class="fact" data-fact="count">nearly 25,000</span><bw-cite data-sources="s1"></bw-cite>');
  });

  it('fact show="statement" renders inline Markdown, escaped', () => {
    expect(render('{{fact "count" show="statement"}}').html).toBe(
      '<span class="fact fact-statement" data-fact="count">Statement of <em>count</em>.</span><bw-cite data-sources="s1"></bw-cite>',
    );
  });

  it('an unknown fact or a fact above the distribution is reported at the template position', () => {
    const unknown = render('x\n  {{fact "nope"}}');
    expect(unknown.html).toBe('x\n  ');
    expect(unknown.diagnostics).toEqual([
      createDiagnostic('fact-unknown', {
        file: 'templates/layouts/t.hbs',
        range: { start: { line: 2, column: 3 }, end: { line: 2, column: 18 } },
        message: 'Unknown fact `nope`',
      }),
    ]);
    const leak = render('{{fact "secret"}}');
    expect(leak.html).toBe('');
    expect(leak.diagnostics[0]).toMatchObject({ ruleId: 'sensitivity-leak', line: 1, column: 1 });
  });

  it('cite renders a placeholder for known sources only', () => {
    expect(render('{{cite "s1"}}').html).toBe('<bw-cite data-sources="s1"></bw-cite>');
    expect(render('{{cite "s9"}}').diagnostics[0]).toMatchObject({ ruleId: 'source-unknown' });
  });

  it('asset embeds project images and refuses paths outside the project', () => {
    expect(render('{{asset "templates/assets/dot.svg"}}').html).toBe(`data:image/svg+xml;base64,${Buffer.from('<svg/>').toString('base64')}`);
    expect(render('{{asset "../etc/passwd"}}').diagnostics[0]).toMatchObject({ ruleId: 'image-missing' });
    expect(render('{{asset "/etc/passwd"}}').diagnostics[0]).toMatchObject({ ruleId: 'image-missing' });
  });
});

describe('cssString', () => {
  it('quotes plain text as a CSS string', () => {
    expect(cssString('For the Committee — not for release')).toBe('"For the Committee — not for release"');
  });

  it('escapes quotes, backslashes, line breaks and markup so the text cannot leave the string or the <style>', () => {
    const css = cssString('a"b\\c\n</style><script>x</script>&\'');
    expect(css).toBe('"a\\22 b\\5c c\\a \\3c /style\\3e \\3c script\\3e x\\3c /script\\3e \\26 \\27 "');
    expect(css.slice(1, -1)).not.toMatch(/["<>&\n]/);
  });

  it('refuses what is not a string', () => {
    expect(() => cssString(undefined)).toThrow(/expects a string/);
  });

  it('as a helper, its output is not HTML-escaped again', () => {
    expect(render('{{cssString "a<b"}}').html).toBe('"a\\3c b"');
  });
});
