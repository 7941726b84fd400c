import { createDiagnostic, type Diagnostic } from '../diagnostics/index.js';
import { outputPath } from '../output/output-path.js';
import type { DocumentEntity, FactEntity, Model, RecipientEntity } from '../schema/model.js';
import { sensitivityRank } from '../schema/scalars.js';
import { contentLevel, markingForLevel, markingLevel } from '../validate/document-level.js';
import { checkAnchors, type AnchorTarget } from './check-anchors.js';
import { readOutput, type OutputReading } from './read-output.js';
import { scanForLeaks } from './scan-leaks.js';

/** One finished HTML output, as the build holds it before writing. */
export interface FinishedOutput {
  readonly document: DocumentEntity;
  readonly recipient: RecipientEntity | undefined;
  readonly html: string;
  /** Fact ids the output used (sections, key facts, template helpers). */
  readonly facts: readonly string[];
}

/** An output after its own checks: what the checks between outputs still need of it. */
export interface VerifiedOutput {
  readonly path: string;
  readonly document: DocumentEntity;
  /** Ids and links only: the text is dropped once read, so memory does not grow with the batch. */
  readonly reading: AnchorTarget;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * The post-render stage: checks on what was actually produced, after every rule that could be
 * checked before. Each output is read back once and checked for leaks (scan-leaks.ts), for a
 * marking below what it rendered, and for anchors of its own that name no id (check-anchors.ts);
 * links between outputs are checked by `checkLinksBetween` once every output is verified. Pure:
 * returns diagnostics; the build decides what an error means for writing. `reading` is
 * `readOutput(output.html)`, when the caller had it read elsewhere (createOutputReader).
 */
export function verifyOutput(model: Model, output: FinishedOutput, reading: OutputReading = readOutput(output.html)): VerifiedOutput {
  const path = outputPath(output.document.id, output.recipient?.id, 'html');
  const subject = { path, document: output.document, reading };
  const diagnostics = [...leakDiagnostics(model, output, path, reading), ...markingDiagnostics(model, output), ...checkAnchors(model, subject, new Map(), 'own')];
  return { path, document: output.document, reading: { ids: reading.ids, hrefs: reading.hrefs }, diagnostics };
}

/** Links from one output to an anchor of another (`faq.html#costs`) among the outputs of one run. */
export function checkLinksBetween(model: Model, outputs: readonly VerifiedOutput[]): Diagnostic[] {
  const byPath = new Map(outputs.map((o) => [o.path, o.reading]));
  return outputs.flatMap((o) => checkAnchors(model, o, byPath, 'between'));
}

/** Every check of `verifyOutput` and `checkLinksBetween` over a batch held in memory. */
export function verifyOutputs(model: Model, outputs: readonly FinishedOutput[]): Diagnostic[] {
  const verified = outputs.map((o) => verifyOutput(model, o));
  return [...verified.flatMap((v) => v.diagnostics), ...checkLinksBetween(model, verified)];
}

function leakDiagnostics(model: Model, output: FinishedOutput, path: string, reading: OutputReading): Diagnostic[] {
  const doc = output.document;
  return scanForLeaks(model, doc.distribution, reading.text).map((hit) => {
    const at = hit.fact.origin.range(hit.what === 'statement' ? ['statement'] : hit.fact.display !== undefined ? ['display'] : ['value']);
    return createDiagnostic('sensitivity-leak', {
      file: doc.origin.file,
      range: doc.origin.range(['distribution']),
      message: `Output out/${path} (distributed ${doc.distribution}) contains the ${hit.what} of ${hit.fact.sensitivity} fact \`${hit.fact.id}\` (${hit.fact.origin.file}:${at.start.line}:${at.start.column}): “${hit.text}”`,
      hint: `Find where that text enters \`${doc.id}\` (a typed copy in a section, a template, a title) and remove it, or raise the document's \`distribution\` if every reader may see it.`,
    });
  });
}

/** A template may insert a fact by a computed id: if what rendered outranks the marking, say so. */
function markingDiagnostics(model: Model, output: FinishedOutput): Diagnostic[] {
  const doc = output.document;
  const facts = output.facts.map((id) => model.facts.get(id)).filter((f): f is FactEntity => f !== undefined);
  const highest = facts.reduce<FactEntity | undefined>((best, f) => (!best || sensitivityRank(f.sensitivity) > sensitivityRank(best.sensitivity) ? f : best), undefined);
  if (!highest) return [];
  const known = contentLevel(model, doc).level;
  if (sensitivityRank(highest.sensitivity) <= sensitivityRank(known)) return []; // reported before rendering if at all
  const claimed = doc.marking === undefined ? known : markingLevel(doc.marking);
  if (claimed === undefined || sensitivityRank(highest.sensitivity) <= sensitivityRank(claimed)) return [];
  const shown = doc.marking ?? markingForLevel(known) ?? 'no marking';
  return [
    createDiagnostic('sensitivity-leak', {
      file: doc.origin.file,
      range: doc.origin.range(doc.marking === undefined ? ['distribution'] : ['marking']),
      message: `Document \`${doc.id}\` renders ${highest.sensitivity} fact \`${highest.id}\` through its templates, but carries ${shown === 'no marking' ? shown : `the marking \`${shown}\``}`,
      hint: `Set \`marking: ${highest.sensitivity.toUpperCase()}\` on \`${doc.id}\`, or name the fact literally in the template (\`{{fact "${highest.id}"}}\`) so the marking is computed from it.`,
    }),
  ];
}
