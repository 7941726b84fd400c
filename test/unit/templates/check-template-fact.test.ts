import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { templateSentence } from '../../../src/templates/check-template-fact.js';

/** The sentence around the first `{{fact …}}` call of a template, as the check reads it. */
function sentence(template: string, factText = 'nearly 25,000'): string | undefined {
  const ast = Handlebars.parse(template);
  let loc: hbs.AST.SourceLocation | undefined;
  const visit = (node: unknown): void => {
    if (loc || !node || typeof node !== 'object') return;
    const n = node as { type?: string; path?: { original?: unknown }; loc?: hbs.AST.SourceLocation };
    if (n.type === 'MustacheStatement' && n.path?.original === 'fact') loc = n.loc;
    for (const value of Object.values(node)) if (value && typeof value === 'object') visit(value);
  };
  visit(ast);
  return templateSentence(ast, loc!, factText);
}

describe('templateSentence', () => {
  it('reads the literal sentence around the call, tags removed, other values opaque', () => {
    expect(sentence('<p>Intro. Anthropic alleges that <b>{{fact "a"}}</b> accounts were used. Next one.</p>')).toBe(
      'Anthropic alleges that nearly 25,000 accounts were used.',
    );
    expect(sentence('<p>{{name}} says {{fact "a"}} were used.</p>')).toBe('\uFFFC says nearly 25,000 were used.');
  });

  it('stops at block-level tags and reads block helpers beside the call inline', () => {
    expect(sentence('<h2>Alleged by Anthropic</h2><p>{{fact "a"}} accounts.</p>')).toBe('nearly 25,000 accounts.');
    expect(sentence('<li>{{fact id}}{{#if attributedTo}}, according to {{attributedTo}}{{/if}}</li>')).toBe(
      'nearly 25,000, according to \uFFFC',
    );
  });

  it('finds calls inside loops, and none inside attributes', () => {
    expect(sentence('<ul>{{#each keyFacts}}<li>{{fact id}} {{label}}</li>{{/each}}</ul>')).toBe('nearly 25,000 \uFFFC');
    expect(sentence('<p title="{{fact "a"}}">x</p>')).toBeUndefined();
  });
});
