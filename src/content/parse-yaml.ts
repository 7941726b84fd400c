import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node as YamlNode,
  type YAMLError,
} from 'yaml';
import { createDiagnostic, createLocator, type Diagnostic, type Locator, type Range } from '../diagnostics/index.js';

/** A path into a YAML value, as zod issues give it. */
export type ValuePath = readonly (string | number)[];

/**
 * A parsed YAML text. The Document is kept so every later problem can be placed exactly.
 * `data` holds plain values: every scalar is the string written in the source (failsafe
 * schema, so `007`, `1.10` or `NO` are never silently retyped); validation types them.
 */
export interface YamlFile {
  readonly path: string;
  readonly doc: Document.Parsed;
  readonly lineCounter: LineCounter;
  readonly data: unknown;
  /** Exact source range of the value (or, for a missing key, of its parent) at `path`. */
  rangeAt(path: ValuePath): Range;
  /** Exact source range of a key in the mapping at `path`. */
  keyRangeAt(path: ValuePath, key: string): Range;
}

export interface ParseYamlOptions {
  /** Offset of the YAML text inside its file (front matter); requires `locator`. */
  offset?: number;
  /** Locator over the whole file when the YAML is embedded in it. */
  locator?: Locator;
  /** Most alias expansions accepted before the file is rejected (alias bombs). */
  maxAliasCount?: number;
}

export interface ParseYamlResult {
  file: YamlFile | undefined;
  diagnostics: Diagnostic[];
}

/** Keys that would reach Object.prototype in naive consumers; refused outright. */
const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

const nullScalars = new Set(['', '~', 'null', 'Null', 'NULL']);

export function parseYaml(path: string, text: string, options: ParseYamlOptions = {}): ParseYamlResult {
  const offset = options.offset ?? 0;
  if (offset !== 0 && !options.locator) throw new TypeError('Cannot place embedded YAML: `offset` needs the whole file\'s `locator`');
  const locator = options.locator ?? createLocator(text);
  const lineCounter = new LineCounter();
  const diagnostics: Diagnostic[] = [];
  const doc = parseDocument(text, {
    version: '1.2',
    schema: 'failsafe',
    merge: false,
    uniqueKeys: true,
    strict: true,
    prettyErrors: false,
    lineCounter,
  });

  const at = (start: number, end: number): Range => locator.range(offset + start, offset + end);
  const yamlProblem = (error: YAMLError, prefix: string) =>
    createDiagnostic('yaml-syntax', {
      file: path,
      range: at(error.pos[0], error.pos[1]),
      message: `${prefix}${firstLine(error.message)}`,
      hint: yamlHint(error.code),
    });
  for (const error of doc.errors) diagnostics.push(yamlProblem(error, ''));
  for (const warning of doc.warnings) diagnostics.push(yamlProblem(warning, ''));
  if (diagnostics.length > 0) return { file: undefined, diagnostics };

  const converted = toPlain(doc.contents, {
    doc,
    aliasBudget: options.maxAliasCount ?? 100,
    report: (range, message, hint) =>
      diagnostics.push(createDiagnostic('yaml-syntax', { file: path, range: at(range[0], range[1]), message, hint })),
  });
  if (diagnostics.length > 0) return { file: undefined, diagnostics };

  const rangeOfNode = (node: YamlNode | null | undefined): Range => {
    const range = node?.range ?? doc.contents?.range ?? [0, 0, 0];
    return at(range[0], range[1]);
  };
  const file: YamlFile = {
    path,
    doc,
    lineCounter,
    data: converted,
    rangeAt(valuePath) {
      for (let n = valuePath.length; n >= 0; n--) {
        const node = doc.getIn(valuePath.slice(0, n), true) as YamlNode | undefined;
        if (node && typeof node === 'object' && 'range' in node) return rangeOfNode(node);
      }
      return rangeOfNode(doc.contents);
    },
    keyRangeAt(valuePath, key) {
      const map = valuePath.length === 0 ? doc.contents : doc.getIn(valuePath, true);
      if (isMap(map)) {
        const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
        if (pair && isScalar(pair.key)) return rangeOfNode(pair.key);
      }
      return file.rangeAt(valuePath);
    },
  };
  return { file, diagnostics };
}

interface ConvertState {
  doc: Document;
  aliasBudget: number;
  report(range: readonly [number, number], message: string, hint: string): void;
}

/**
 * Converts the YAML AST to plain values ourselves rather than with `toJS`, so that empty
 * plain scalars become null, forbidden keys are reported at their position and alias
 * expansion is bounded with a positioned error instead of a bare ReferenceError.
 */
function toPlain(node: unknown, state: ConvertState): unknown {
  if (node === null || node === undefined) return null;
  if (isAlias(node)) {
    state.aliasBudget--;
    if (state.aliasBudget < 0) {
      // Reported once, at the first alias past the budget: the rest of a bomb is noise.
      if (state.aliasBudget < -1) return null;
      const range = node.range ?? [0, 0];
      state.report(
        [range[0], range[1]],
        'Too many alias expansions; the file looks like an alias bomb',
        'Write the values out instead of repeating anchors (*alias).',
      );
      return null;
    }
    return toPlain(node.resolve(state.doc), state);
  }
  if (isScalar(node)) {
    const value = String(node.value);
    if (node.type === 'PLAIN' && nullScalars.has(value)) return null;
    return value;
  }
  if (isSeq(node)) return node.items.map((item) => toPlain(item, state));
  if (isMap(node)) {
    const out: Record<string, unknown> = {};
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      const keyRange = (pair.key as YamlNode | null)?.range;
      if (key === undefined) {
        state.report(
          keyRange ? [keyRange[0], keyRange[1]] : [0, 0],
          'Only plain text keys are allowed',
          'Use a simple `name: value` key.',
        );
        continue;
      }
      if (forbiddenKeys.has(key)) {
        state.report(
          keyRange ? [keyRange[0], keyRange[1]] : [0, 0],
          `Key \`${key}\` is not allowed`,
          'Rename the key; `__proto__`, `constructor` and `prototype` are reserved.',
        );
        continue;
      }
      out[key] = toPlain(pair.value, state);
    }
    return out;
  }
  return null;
}

function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, '');
}

function yamlHint(code: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'Each key may appear once per mapping; remove or rename the repeated key.';
    case 'TAB_AS_INDENT':
      return 'Indent with spaces, not tabs.';
    case 'TAG_RESOLVE_FAILED':
      return 'Tags (`!!int`, `!include`, …) are not supported; write plain values.';
    case 'MULTIPLE_DOCS':
      return 'Keep one YAML document per file (remove the extra `---`).';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'Check the indentation and that every `key:` has a space after its colon.';
    default:
      return 'Fix the YAML syntax at the position shown; check indentation, colons and quotes.';
  }
}
