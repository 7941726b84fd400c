import type { DocumentExplanation, FactUse, Place, SourceSummary } from './explain-document.js';

/** `briefwright explain` as text: one block per fact, its uses and its sources. */
export function formatExplanation(explanation: DocumentExplanation): string {
  const e = explanation;
  const lines: string[] = [];
  const head = [e.distribution, e.marking ? `marking ${e.marking}` : 'no marking', e.recipients ? `one output per recipient in \`${e.recipients}\`` : undefined, e.file];
  lines.push(`${e.id} — ${e.title}`, `  ${head.filter(Boolean).join(' · ')}`);
  if (e.facts.length === 0) lines.push('', '  No facts used.');
  for (const fact of e.facts) {
    const status = fact.attributedTo ? `${fact.status} (${fact.attributedTo})` : fact.status;
    lines.push('', `${fact.id}  ${status} · ${fact.sensitivity} · as of ${fact.asOf}${fact.reviewBy ? ` · review by ${fact.reviewBy}` : ''}`);
    lines.push(`  “${fact.statement}”`, `  defined at ${where(fact.definedAt)}`, '  used at:');
    const width = Math.max(...fact.uses.map((u) => where(u).length));
    for (const use of fact.uses) lines.push(`    ${where(use).padEnd(width)}  ${describeUse(use)}`);
    lines.push('  rests on:');
    for (const source of fact.sources) lines.push(`    ${describeSource(source)}`);
  }
  if (e.citedDirectly.length > 0) {
    lines.push('', 'cited directly:');
    for (const source of e.citedDirectly) lines.push(`  ${describeSource(source)}`, `    at ${source.citedAt.map(where).join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}

function where(p: Place): string {
  return p.line === null ? p.file : `${p.file}:${p.line}:${p.column}`;
}

function describeUse(use: FactUse): string {
  const show = use.show === 'statement' ? ', statement' : '';
  switch (use.via) {
    case 'section':
      return `section \`${use.section}\`${show}`;
    case 'key_facts':
      return 'key_facts';
    case 'template':
      return `template${show}`;
  }
}

function describeSource(s: SourceSummary): string {
  return `${s.id}  ${s.publisher}, “${s.title}”${s.date ? `, ${s.date}` : ''} (${s.kind})${s.url ? ` ${s.url}` : ''}`;
}
