import { createDiagnostic } from '../../diagnostics/index.js';
import type { FactEntity } from '../../schema/model.js';
import { findAttribution, statusesNeedingAttribution } from '../attribution.js';
import { statementText } from '../fact-text.js';
import type { RuleContext } from '../rule-context.js';
import { isFactText, proseBlocks } from '../section-prose.js';
import { sentenceAt, splitSentences } from '../sentences.js';
import { templateClosure } from '../template-index.js';

/**
 * A sentence that uses an alleged, disputed or denied fact says who claims it: the fact's
 * `attributed_to` (or its first word) or an attribution phrase must appear in the same sentence
 * as the reader sees it, the fact's own rendered text included — so `{show=statement}` of a
 * statement that attributes itself passes. Sentences come from each paragraph and heading (see
 * sentences.ts for the splitting rules); in a table the row is the sentence, and the header
 * row may attribute a whole column ("Alleged by Anthropic"). Facts inserted by templates are
 * checked while rendering (templates/check-template-fact.ts); a key-figures loop that shows a
 * document's alleged key facts without `{{fact}}` is checked here (checkKeyFigures).
 */
export function allegationUnattributed(context: RuleContext): void {
  const { model } = context;
  checkKeyFigures(context);
  for (const section of model.sections.values()) {
    for (const block of proseBlocks(section, model)) {
      let spans: ReturnType<typeof splitSentences> | undefined;
      for (const piece of block.pieces) {
        if (piece.kind !== 'fact' || !piece.fact || !statusesNeedingAttribution.has(piece.fact.status)) continue;
        spans ??= splitSentences(block.text, (i) => isFactText(block, i));
        const sentence = sentenceAt(spans, piece.start);
        const text = `${sentence ? block.text.slice(sentence.start, sentence.end) : block.text} ${block.header ?? ''}`;
        if (findAttribution(text, piece.fact.attributed_to) !== undefined) continue;
        context.report(
          createDiagnostic('allegation-unattributed', {
            file: section.path,
            range: piece.ref.range,
            message: unattributedMessage(piece.fact),
            hint: unattributedHint(piece.fact, `:fact[${piece.fact.id}]{show=statement}`),
          }),
        );
      }
    }
  }
}

export function unattributedMessage(fact: FactEntity): string {
  const who = fact.attributed_to === undefined ? '' : ` by ${fact.attributed_to}`;
  return `Fact \`${fact.id}\` is ${fact.status}${who}, but its sentence states it without attribution`;
}

export function unattributedHint(fact: FactEntity, statementSyntax: string): string {
  const who = fact.attributed_to ?? 'the source';
  const example = `"${who} ${fact.status === 'denied' ? 'denies' : fact.status === 'disputed' ? 'disputes' : 'alleges'} that …" or "according to ${who}, …"`;
  const ownAttribution = findAttribution(statementText(fact), fact.attributed_to);
  return ownAttribution !== undefined
    ? `Attribute it in the same sentence (${example}), or use ${statementSyntax}: its statement names "${ownAttribution}".`
    : `Attribute it in the same sentence (${example}).`;
}

/**
 * A layout may show key facts from the context (`{{#each keyFacts}}…{{display}}…{{/each}}`)
 * without the `fact` helper. When a document's key facts include an allegation, that loop must
 * say who claims each figure: use `{{fact id}}` (checked at render time), render `attributedTo`
 * or `status`, or write an attribution phrase in the loop.
 */
export function checkKeyFigures(context: RuleContext): void {
  const { model } = context;
  const reported = new Set<string>();
  for (const doc of model.documents.values()) {
    const alleged = (doc.key_facts ?? []).map((id) => model.facts.get(id)).find((f) => f && statusesNeedingAttribution.has(f.status));
    if (!alleged) continue;
    for (const template of templateClosure(model, doc.layout)) {
      for (const loop of template.eachBlocks) {
        if (!/(?:^|\.|\/)keyFacts$/.test(loop.over) || attributesEach(loop.body)) continue;
        const key = `${template.file.path}:${loop.range.start.line}:${loop.range.start.column}`;
        if (reported.has(key)) continue;
        reported.add(key);
        context.report(
          createDiagnostic('allegation-unattributed', {
            file: template.file.path,
            range: loop.range,
            message: `Key figures show ${alleged.status} fact \`${alleged.id}\` (of \`${doc.id}\`) without saying who claims it`,
            hint: 'Render each figure with `{{fact id}}` in a sentence that attributes it, or show `{{attributedTo}}` / `{{status}}` beside it.',
          }),
        );
      }
    }
  }
}

/** Whether a key-figures loop body attributes what it shows. */
function attributesEach(body: hbs.AST.Program): boolean {
  let found = false;
  const visit = (node: unknown): void => {
    if (found || !node || typeof node !== 'object') return;
    const n = node as { type?: string; original?: unknown; value?: unknown };
    if (n.type === 'PathExpression' && typeof n.original === 'string' && /^(?:this\.)?(?:attributedTo|status|fact)$/.test(n.original)) found = true;
    if (n.type === 'ContentStatement' && typeof n.value === 'string' && findAttribution(n.value, undefined) !== undefined) found = true;
    for (const value of Object.values(node)) if (value && typeof value === 'object') visit(value);
  };
  visit(body);
  return found;
}

