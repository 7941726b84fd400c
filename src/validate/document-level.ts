import type { DocumentEntity, Model } from '../schema/model.js';
import { sensitivityRank, type Sensitivity } from '../schema/scalars.js';
import { templateClosure } from './template-index.js';
import { timelineFacts } from './timeline-facts.js';

/**
 * Markings from data. A document's content level is the highest sensitivity of what it
 * contains; without an explicit `marking` it is marked from that level ("INTERNAL",
 * "RESTRICTED"; public content carries no banner). An explicit marking is read back to a level
 * from the words it contains, so one that claims less than the content can be refused.
 */

/** The words that name each level in a marking, matched case-insensitively as whole words. */
const markingWords: readonly (readonly [Sensitivity, RegExp])[] = [
  ['restricted', /\b(?:restricted|confidential|secret|top secret|classified)\b/i],
  ['internal', /\b(?:internal|internal use only|official use only|fouo|cui|sensitive|not for (?:public )?(?:release|distribution))\b/i],
  ['public', /\b(?:public|unclassified)\b/i],
];

/**
 * The level a marking string claims: the highest level any of its words names, e.g.
 * "UNCLASSIFIED//FOR OFFICIAL USE ONLY" → internal; undefined when it names none (a marking
 * such as "DRAFT" says nothing about sensitivity and is not compared).
 */
export function markingLevel(marking: string): Sensitivity | undefined {
  let best: Sensitivity | undefined;
  for (const [level, pattern] of markingWords) {
    // Whole words only: "UNCLASSIFIED" has no word boundary before its "CLASSIFIED".
    if (pattern.test(marking) && (best === undefined || sensitivityRank(level) > sensitivityRank(best))) best = level;
  }
  return best;
}

/** The banner text for content of `level`: none for public. */
export function markingForLevel(level: Sensitivity): string | undefined {
  return level === 'public' ? undefined : level.toUpperCase();
}

export interface LevelReason {
  readonly level: Sensitivity;
  /** What carries that level, e.g. "fact `x` (via section `y`)"; undefined for public. */
  readonly because: string | undefined;
}

/**
 * The highest sensitivity a document contains, known before rendering: its sections (and
 * BLUF), the facts they reference, its key facts and the facts its templates name literally.
 * Facts a template inserts by a computed id are checked after rendering instead.
 */
export function contentLevel(model: Model, doc: DocumentEntity): LevelReason {
  let best: LevelReason = { level: 'public', because: undefined };
  const consider = (level: Sensitivity, because: string) => {
    if (sensitivityRank(level) > sensitivityRank(best.level)) best = { level, because };
  };
  for (const id of [...doc.sections, ...(doc.bluf === undefined ? [] : [doc.bluf])]) {
    const section = model.sections.get(id);
    if (!section) continue;
    consider(section.sensitivity, `section \`${id}\``);
    for (const ref of section.references) {
      const fact = ref.kind === 'fact' ? model.facts.get(ref.id) : undefined;
      if (fact) consider(fact.sensitivity, `fact \`${fact.id}\` (in section \`${id}\`)`);
    }
  }
  for (const id of doc.key_facts ?? []) {
    const fact = model.facts.get(id);
    if (fact) consider(fact.sensitivity, `key fact \`${id}\``);
  }
  for (const template of templateClosure(model, doc.layout)) {
    for (const call of template.helperCalls) {
      if (call.helper === 'timeline') {
        for (const fact of timelineFacts(model, doc)) consider(fact.sensitivity, `fact \`${fact.id}\` (on the timeline in ${template.file.path})`);
        continue;
      }
      const fact = call.helper === 'fact' && call.literal !== undefined ? model.facts.get(call.literal) : undefined;
      // Helpers refuse facts above the distribution, so those never reach the document.
      if (fact && sensitivityRank(fact.sensitivity) <= sensitivityRank(doc.distribution)) {
        consider(fact.sensitivity, `fact \`${fact.id}\` (in ${template.file.path})`);
      }
    }
  }
  return best;
}

/** The marking a document carries: its own, else one computed from its content. */
export function effectiveMarking(model: Model, doc: DocumentEntity): string | undefined {
  return doc.marking ?? markingForLevel(contentLevel(model, doc).level);
}
