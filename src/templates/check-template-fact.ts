import { AsyncLocalStorage } from 'node:async_hooks';
import { createDiagnostic, type Range } from '../diagnostics/index.js';
import type { FactEntity } from '../schema/model.js';
import { findAttribution, statusesNeedingAttribution } from '../validate/attribution.js';
import { renderedFactText } from '../validate/fact-text.js';
import { unattributedHint, unattributedMessage } from '../validate/rules/allegation-unattributed.js';
import { sentenceAt, splitSentences } from '../validate/sentences.js';
import { indexTemplate, rangeOfLoc, templateFileAt } from '../validate/template-index.js';
import type { RenderState } from './render-state.js';

/** Where a template put a fact, for `briefwright explain`. */
export interface TemplateFactUse {
  readonly document: string;
  readonly fact: string;
  readonly show: 'value' | 'statement';
  readonly file: string;
  readonly range: Range | undefined;
}

/** The uses recorded in the current async context (set only while explaining). */
const collector = new AsyncLocalStorage<TemplateFactUse[]>();

/**
 * Runs `run` (which renders) while recording every fact that templates insert, with the place
 * of the helper call. Async-context scoped, so concurrent builds in one process never mix.
 */
export async function collectTemplateFactUses<T>(run: () => Promise<T>): Promise<{ result: T; uses: TemplateFactUse[] }> {
  const uses: TemplateFactUse[] = [];
  const result = await collector.run(uses, run);
  return { result, uses };
}

/**
 * Called by the `fact` helper for every fact a template inserts. An alleged, disputed or
 * denied fact must be attributed in its sentence, as for sections; here the sentence is read
 * from the template source around the helper call (its exact Handlebars position): the
 * template's literal text, with tags removed (block-level tags end the sentence), the fact's
 * rendered text in place of the call, and every other `{{…}}` as an opaque word that
 * attributes nothing. The text of `{{#if}}`/`{{#each}}` blocks beside the call reads inline.
 * Checked at helper time because only then is a computed id (`{{fact id}}` in a loop) known.
 */
export function checkTemplateFact(state: RenderState, fact: FactEntity, show: 'value' | 'statement', file: string, loc: hbs.AST.SourceLocation | undefined): void {
  const range = loc ? rangeOfLoc(loc) : undefined;
  collector.getStore()?.push({ document: state.document.id, fact: fact.id, show, file, range });
  if (!statusesNeedingAttribution.has(fact.status) || !loc) return;
  const template = templateFileAt(state.model, file);
  if (!template) return;
  const sentence = templateSentence(indexTemplate(template).ast, loc, renderedFactText(fact, show));
  if (sentence === undefined || findAttribution(sentence, fact.attributed_to) !== undefined) return;
  state.report(
    createDiagnostic('allegation-unattributed', {
      file,
      range,
      message: unattributedMessage(fact),
      hint: unattributedHint(fact, `{{fact "${fact.id}" show="statement"}}`),
    }),
  );
}

const target = '\uE000';
const opaque = '\uFFFC';
const paragraphBreak = '\u2029';
const blockTags =
  /<\/?(?:address|article|aside|blockquote|body|br|caption|dd|div|dl|dt|figcaption|figure|footer|h[1-6]|head|header|hr|li|main|nav|ol|p|pre|section|table|tbody|td|tfoot|th|thead|title|tr|ul)\b[^>]*>/gi;

type Statement = hbs.AST.Statement & { type: string; loc: hbs.AST.SourceLocation };

/** The sentence around the helper call at `loc`, as the reader will read it; undefined if not found. */
export function templateSentence(ast: hbs.AST.Program | undefined, loc: hbs.AST.SourceLocation, factText: string): string | undefined {
  const found = ast ? findStatement(ast, loc) : undefined;
  if (!found) return undefined;
  const raw = flatten(found.body, found.statement);
  const text = raw
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(blockTags, paragraphBreak)
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/&amp;/g, '&');
  const paragraph = text.split(paragraphBreak).find((p) => p.includes(target));
  if (paragraph === undefined) return undefined; // the call sits inside a tag (an attribute): not prose
  const start = paragraph.indexOf(target);
  const prose = paragraph.replace(target, factText);
  const spans = splitSentences(prose, (i) => i >= start && i < start + factText.length);
  const span = sentenceAt(spans, start);
  return span ? prose.slice(span.start, span.end) : prose;
}

function findStatement(program: hbs.AST.Program, loc: hbs.AST.SourceLocation): { body: Statement[]; statement: Statement } | undefined {
  const body = program.body as Statement[];
  for (const statement of body) {
    if (contains(statement, loc)) {
      if (statement.type === 'BlockStatement') {
        const block = statement as unknown as hbs.AST.BlockStatement;
        if (samePlace(block.loc, loc)) return { body, statement };
        const inner = findStatement(block.program, loc) ?? (block.inverse ? findStatement(block.inverse, loc) : undefined);
        if (inner) return inner;
      }
      return { body, statement };
    }
  }
  return undefined;
}

function samePlace(a: hbs.AST.SourceLocation, b: hbs.AST.SourceLocation): boolean {
  return a.start.line === b.start.line && a.start.column === b.start.column;
}

function before(a: hbs.AST.Position, b: hbs.AST.Position): boolean {
  return a.line < b.line || (a.line === b.line && a.column <= b.column);
}

function contains(statement: Statement, loc: hbs.AST.SourceLocation): boolean {
  return before(statement.loc.start, loc.start) && before(loc.end, statement.loc.end);
}

/** Literal text of a template body, the target call marked, everything computed opaque. */
function flatten(body: readonly Statement[], statement: Statement | undefined): string {
  let out = '';
  for (const node of body) {
    if (node === statement) {
      out += target;
      continue;
    }
    switch (node.type) {
      case 'ContentStatement':
        out += (node as unknown as hbs.AST.ContentStatement).value;
        break;
      case 'CommentStatement':
        break;
      case 'BlockStatement':
        out += flatten((node as unknown as hbs.AST.BlockStatement).program.body as Statement[], undefined);
        break;
      default:
        out += opaque;
    }
  }
  return out;
}
