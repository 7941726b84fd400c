import type { Parent, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import { createDiagnostic, createLocator, rangeFromPosition, type Diagnostic, type Range } from '../diagnostics/index.js';
import { parseMarkdown } from './parse-markdown.js';
import { parseYaml, type YamlFile } from './parse-yaml.js';
import type { TextFile } from './text-file.js';

export type DirectiveKind = 'fact' | 'cite';

/** A `:fact[id]` or `:cite[id]` found in a section, with its exact place. */
export interface DirectiveReference {
  readonly kind: DirectiveKind;
  readonly id: string;
  readonly show: 'value' | 'statement';
  readonly range: Range;
}

export interface ParsedSection {
  readonly path: string;
  /** The file stem: the section id unless the front matter sets one. */
  readonly stem: string;
  readonly text: string;
  /** Front matter, or undefined when the file has none (reported). */
  readonly frontMatter: YamlFile | undefined;
  /** The body as mdast (front matter node removed; unknown directives turned back into text). */
  readonly tree: Root;
  readonly references: readonly DirectiveReference[];
}

export interface ParseSectionResult {
  section: ParsedSection;
  diagnostics: Diagnostic[];
}

const knownDirectives = new Set<string>(['fact', 'cite']);
const showValues = new Set(['value', 'statement']);

/**
 * Parses a section. `tree` is the text already parsed elsewhere (loadProject parses in a worker
 * with a deadline); without it the text is parsed here, which is for trusted input and tests.
 */
export function parseSection(file: TextFile, tree: Root = parseMarkdown(file.text)): ParseSectionResult {
  const diagnostics: Diagnostic[] = [];
  const locator = createLocator(file.text);
  const stem = stemOf(file.path);

  let frontMatter: YamlFile | undefined;
  const first = tree.children[0];
  if (first?.type === 'yaml' && first.position?.start.offset !== undefined) {
    // The YAML text starts after the opening `---` line.
    const yamlOffset = file.text.indexOf('\n', first.position.start.offset) + 1;
    const parsed = parseYaml(file.path, first.value, { offset: yamlOffset, locator });
    diagnostics.push(...parsed.diagnostics);
    frontMatter = parsed.file;
    tree.children.shift();
  } else {
    diagnostics.push(
      createDiagnostic('schema-invalid', {
        file: file.path,
        range: locator.range(0, 0),
        message: 'Section has no front matter',
        hint: 'Start the file with a `---` block holding at least `title: …`, closed by another `---`.',
      }),
    );
  }

  const references: DirectiveReference[] = [];
  restoreDirectives(tree, file, references, diagnostics);
  return { section: { path: file.path, stem, text: file.text, frontMatter, tree, references }, diagnostics };
}

type AnyDirective = TextDirective | LeafDirective | ContainerDirective;

function isDirective(node: RootContent): node is AnyDirective {
  return node.type === 'textDirective' || node.type === 'leafDirective' || node.type === 'containerDirective';
}

/**
 * Keeps `:fact` / `:cite` text directives (validating their shape) and turns every other
 * directive back into the text the author wrote: `10:30` or `ratio 3:1` are prose, not syntax.
 */
function restoreDirectives(
  parent: Parent,
  file: TextFile,
  references: DirectiveReference[],
  diagnostics: Diagnostic[],
): void {
  const children = parent.children as RootContent[];
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!;
    if (isDirective(node)) {
      if (node.type === 'textDirective' && knownDirectives.has(node.name)) {
        const reference = readReference(node, file.path, diagnostics);
        if (reference) references.push(reference);
        continue;
      }
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (node.type === 'textDirective' && start !== undefined && end !== undefined) {
        children[i] = { type: 'text', value: file.text.slice(start, end), position: node.position! };
        continue;
      }
      // Leaf and container directives are not part of the content model: keep their
      // content, and the source of their fence as text, so nothing the author wrote is lost.
      if (start !== undefined && end !== undefined) {
        const lineEnd = file.text.indexOf('\n', start);
        const fence = file.text.slice(start, lineEnd === -1 ? end : lineEnd);
        const replacement: RootContent[] = [{ type: 'paragraph', children: [{ type: 'text', value: fence }] }];
        if (node.type === 'containerDirective') replacement.push(...(node.children as RootContent[]));
        children.splice(i, 1, ...replacement);
        i += replacement.length - 1;
        continue;
      }
    }
    if ('children' in node) restoreDirectives(node as Parent, file, references, diagnostics);
  }
  mergeAdjacentText(children);
}

function readReference(node: TextDirective, path: string, diagnostics: Diagnostic[]): DirectiveReference | undefined {
  const range = rangeFromPosition(node.position);
  if (!range) return undefined;
  const id = phrasingText(node.children).trim();
  const kind = node.name as DirectiveKind;
  if (id === '') {
    diagnostics.push(
      createDiagnostic('schema-invalid', {
        file: path,
        range,
        message: `\`:${kind}\` needs an id in brackets`,
        hint: kind === 'fact' ? 'Write `:fact[fact-id]`.' : 'Write `:cite[source-id]`.',
      }),
    );
    return undefined;
  }
  const attributes = node.attributes ?? {};
  let show: 'value' | 'statement' = 'value';
  for (const [key, value] of Object.entries(attributes)) {
    if (kind === 'fact' && key === 'show' && typeof value === 'string' && showValues.has(value)) {
      show = value as 'value' | 'statement';
      continue;
    }
    diagnostics.push(
      createDiagnostic('schema-invalid', {
        file: path,
        range,
        message:
          kind === 'fact' && key === 'show'
            ? `Unexpected \`show=${value ?? ''}\`, expected \`value\` or \`statement\``
            : `Unexpected attribute \`${key}\` on \`:${kind}\``,
        hint: kind === 'fact' ? 'The only attribute is `{show=statement}` (or `{show=value}`, the default).' : '`:cite[source-id]` takes no attributes.',
      }),
    );
  }
  return { kind, id, show, range };
}

function phrasingText(nodes: readonly PhrasingContent[]): string {
  let out = '';
  for (const node of nodes) {
    if ('value' in node && typeof node.value === 'string') out += node.value;
    else if ('children' in node) out += phrasingText(node.children as PhrasingContent[]);
  }
  return out;
}

function mergeAdjacentText(children: RootContent[]): void {
  for (let i = children.length - 1; i > 0; i--) {
    const a = children[i - 1]!;
    const b = children[i]!;
    if (a.type === 'text' && b.type === 'text') {
      const merged: Text = { type: 'text', value: a.value + b.value };
      if (a.position && b.position) merged.position = { start: a.position.start, end: b.position.end };
      children.splice(i - 1, 2, merged);
    }
  }
}

export function stemOf(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}
