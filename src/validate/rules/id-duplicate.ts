import { createDiagnostic, type Range } from '../../diagnostics/index.js';
import type { Origin } from '../../schema/model.js';
import type { RuleContext } from '../rule-context.js';

interface Identified {
  readonly id: string;
  readonly origin: Origin;
}

/** Ids are unique per kind (recipients: per list). Every repeat is reported, pointing at the first. */
export function idDuplicate(context: RuleContext): void {
  const { entities } = context;
  check(context, 'source', entities.sources);
  check(context, 'fact', entities.facts);
  check(context, 'section', entities.sections);
  check(context, 'document', entities.documents);
  check(context, 'recipients list', entities.recipientLists);
  for (const list of entities.recipientLists) check(context, `recipient in \`${list.id}\``, list.recipients);
}

function check(context: RuleContext, kind: string, items: readonly Identified[]): void {
  const first = new Map<string, Identified>();
  for (const item of items) {
    const earlier = first.get(item.id);
    if (!earlier) {
      first.set(item.id, item);
      continue;
    }
    context.report(
      createDiagnostic('id-duplicate', {
        file: item.origin.file,
        range: idRange(item.origin),
        message: `Duplicate ${kind} id \`${item.id}\`, first defined at ${where(earlier.origin.file, idRange(earlier.origin))}`,
        hint: `Ids must be unique per kind; rename one of the two \`${item.id}\`.`,
      }),
    );
  }
}

function idRange(origin: Origin): Range {
  return origin.range(['id']);
}

function where(file: string, range: Range): string {
  return `${file}:${range.start.line}:${range.start.column}`;
}
