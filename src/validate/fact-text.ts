import type { ElementContent } from 'hast';
import { displayOfFact } from '../markdown/format-fact-value.js';
import { renderInlineMarkdown } from '../markdown/render-inline-markdown.js';
import type { YamlFile } from '../content/parse-yaml.js';
import { factSchema, type Fact } from '../schema/fact-schema.js';

const statementCache = new WeakMap<object, string>();

/** A fact's statement as a reader sees it: inline Markdown rendered, then reduced to text. */
export function statementText(fact: Pick<Fact, 'statement'>): string {
  const cached = statementCache.get(fact);
  if (cached !== undefined) return cached;
  const text = hastText(renderInlineMarkdown(fact.statement));
  statementCache.set(fact, text);
  return text;
}

/** The text a `:fact[id]` (or `{{fact}}`) puts in front of the reader, mirroring factToHast. */
export function renderedFactText(fact: Pick<Fact, 'statement' | 'display' | 'value'>, show: 'value' | 'statement'): string {
  if (show === 'value') {
    const display = displayOfFact(fact);
    if (display !== undefined) return display;
  }
  return statementText(fact);
}

export function hastText(nodes: readonly ElementContent[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += node.value;
    else if (node.type === 'element') out += hastText(node.children);
  }
  return out;
}

/**
 * Renders the statement of every fact in these files into renderInlineMarkdown's memo, ahead of
 * validation, which asks for each. A plain statement costs nothing there; one with Markdown in it
 * is a cold parse (≈1 ms), done here while the Markdown thread parses the sections and this
 * thread would only wait.
 * Statements are read as the schema reads them; anything it would refuse is left alone.
 */
export function prerenderStatements(files: readonly YamlFile[]): void {
  for (const file of files) {
    if (!Array.isArray(file.data)) continue;
    for (const item of file.data as unknown[]) {
      const statement = factSchema.shape.statement.safeParse((item as { statement?: unknown } | null)?.statement);
      if (statement.success) renderInlineMarkdown(statement.data);
    }
  }
}
