import { createDiagnostic } from '../../diagnostics/index.js';
import type { FactEntity } from '../../schema/model.js';
import { findAttribution, statusesNeedingAttribution } from '../attribution.js';
import { statementText } from '../fact-text.js';
import type { RuleContext } from '../rule-context.js';
import { isFactText, proseBlocks } from '../section-prose.js';
import { sentenceAt, splitSentences } from '../sentences.js';

/**
 * A sentence that uses an alleged, disputed or denied fact says who claims it: the fact's
 * `attributed_to` (or its first word) or an attribution phrase must appear in the same sentence
 * as the reader sees it, the fact's own rendered text included — so `{show=statement}` of a
 * statement that attributes itself passes. Sentences come from each paragraph and heading (see
 * sentences.ts for the splitting rules); in a table the row is the sentence, and the header
 * row may attribute a whole column ("Alleged by Anthropic"). Facts inserted by templates are
 * checked while rendering (templates/check-template-fact.ts).
 */
export function allegationUnattributed(context: RuleContext): void {
  const { model } = context;
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
