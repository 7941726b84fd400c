import { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import { reporter } from 'vfile-reporter';
import { compareDiagnostics, countDiagnostics, type Diagnostic } from './diagnostic.js';

export type DiagnosticFormat = 'pretty' | 'json' | 'github';

export const diagnosticFormats: readonly DiagnosticFormat[] = ['pretty', 'json', 'github'];

export interface FormatOptions {
  color?: boolean;
}

/** Formats diagnostics for a stream: pretty → stderr, json → stdout, github → stdout. */
export function formatDiagnostics(
  diagnostics: readonly Diagnostic[],
  format: DiagnosticFormat,
  options: FormatOptions = {},
): string {
  const sorted = [...diagnostics].sort(compareDiagnostics);
  switch (format) {
    case 'json':
      return formatJson(sorted);
    case 'github':
      return formatGithub(sorted);
    case 'pretty':
      return formatPretty(sorted, options.color ?? false);
  }
}

function formatJson(diagnostics: readonly Diagnostic[]): string {
  const { errors, warnings } = countDiagnostics(diagnostics);
  const plain = diagnostics.map((d) => ({
    file: d.file,
    line: d.line,
    column: d.column,
    endLine: d.endLine,
    endColumn: d.endColumn,
    ruleId: d.ruleId,
    severity: d.severity,
    message: d.message,
    hint: d.hint,
  }));
  return `${JSON.stringify({ diagnostics: plain, errors, warnings })}\n`;
}

/** GitHub workflow commands; data and properties are escaped as the runner documents. */
function formatGithub(diagnostics: readonly Diagnostic[]): string {
  const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const lines = diagnostics.map((d) => {
    const props = [`file=${escapeProperty(d.file)}`];
    if (d.line !== null) props.push(`line=${d.line}`);
    if (d.column !== null) props.push(`col=${d.column}`);
    if (d.endLine !== null) props.push(`endLine=${d.endLine}`);
    if (d.endColumn !== null && d.endLine === d.line) props.push(`endColumn=${d.endColumn}`);
    props.push(`title=${escapeProperty(d.ruleId)}`);
    const command = d.severity === 'error' ? 'error' : 'warning';
    return `::${command} ${props.join(',')}::${escapeData(`${d.message} (${d.ruleId})\nHint: ${d.hint}`)}`;
  });
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

function formatPretty(diagnostics: readonly Diagnostic[], color: boolean): string {
  if (diagnostics.length === 0) return '';
  const files = new Map<string, VFile>();
  for (const d of diagnostics) {
    let file = files.get(d.file);
    if (!file) {
      file = new VFile({ path: d.file });
      files.set(d.file, file);
    }
    const place =
      d.line !== null && d.column !== null
        ? {
            start: { line: d.line, column: d.column },
            end: { line: d.endLine ?? d.line, column: d.endColumn ?? d.column },
          }
        : undefined;
    const message = new VFileMessage(d.message, { place, ruleId: d.ruleId, source: 'briefwright' });
    message.file = d.file;
    message.fatal = d.severity === 'error' ? true : false;
    message.note = `hint: ${d.hint}`;
    file.messages.push(message);
  }
  return `${reporter([...files.values()], { color, verbose: true })}\n`;
}
