import type { Root } from 'mdast';
import { createDiagnostic, createLocator, type Diagnostic } from '../diagnostics/index.js';
import { createMarkdownWorker } from './create-markdown-worker.js';
import { findExcessiveNesting, markdownLimits } from './find-excessive-nesting.js';
import { parseMarkdown } from './parse-markdown.js';
import { parseSection, type ParsedSection } from './parse-section.js';
import { defaultSectionTimeoutMs, earlyParsesQueued, endEarlyParses, takeEarlyParse } from './parse-sections-early.js';
import type { TextFile } from './text-file.js';

export interface ParseSectionsOptions {
  /** Longest one section's parse may take (ms, default 10 000). */
  readonly timeoutMs?: number;
}

export interface ParseSectionsResult {
  sections: ParsedSection[];
  diagnostics: Diagnostic[];
}

/**
 * Parses every section with the guards hostile Markdown needs: a nesting pre-scan, then the
 * parse in a worker with a deadline, then a depth check of the tree the later (recursive)
 * stages will walk. A refused section keeps its front matter and loses its body, with a
 * located `markdown-too-complex` error, so documents using it stop and the others go on.
 */
export async function parseSections(files: readonly TextFile[], options: ParseSectionsOptions = {}): Promise<ParseSectionsResult> {
  const diagnostics: Diagnostic[] = [];
  const sections: ParsedSection[] = [];
  // No early return for an empty project: the finally below also ends the CLI's early pass.
  const timeoutMs = options.timeoutMs ?? defaultSectionTimeoutMs;
  const worker = createMarkdownWorker({ timeoutMs });
  try {
    // Started by the CLI long before: by now its reads are done, and its parses well under way.
    await earlyParsesQueued();
    // Every text the pre-scan lets through goes to the parser thread at once; the trees are
    // taken in file order while the thread parses the next ones.
    const queued = files.map((file) => {
      const nesting = findExcessiveNesting(file.text);
      return nesting ? { file, nesting } : { file, parsing: takeEarlyParse(file.text, timeoutMs) ?? worker.parse(file.text) };
    });
    for (const item of queued) {
      const { file } = item;
      const refuse = (message: string, start: number, end: number) => {
        diagnostics.push(createDiagnostic('markdown-too-complex', { file: file.path, range: createLocator(file.text).range(start, end), message }));
        const result = parseSection(file, parseMarkdown(frontMatterOf(file.text)));
        diagnostics.push(...result.diagnostics);
        sections.push(result.section);
      };
      if ('nesting' in item) {
        refuse(item.nesting.message, item.nesting.offset, item.nesting.offset + item.nesting.length);
        continue;
      }
      const parsed = await item.parsing;
      if (!parsed.ok) {
        refuse(`Section cannot be parsed: ${parsed.message}`, 0, 0);
        continue;
      }
      const deep = findDeepNode(parsed.tree, markdownLimits.treeDepth);
      if (deep) {
        const start = deep.position?.start.offset ?? 0;
        refuse(`Markdown nests more than ${markdownLimits.treeDepth} levels deep here`, start, start + 1);
        continue;
      }
      const result = parseSection(file, parsed.tree);
      diagnostics.push(...result.diagnostics);
      sections.push(result.section);
    }
  } finally {
    await Promise.all([worker.close(), endEarlyParses()]);
  }
  return { sections, diagnostics };
}

/** The front matter block (with its fences) of a section, or '' — parsed alone it is safe. */
function frontMatterOf(text: string): string {
  const match = /^---\n(?:[^]*?\n)?---(?:\n|$)/.exec(text);
  return match ? match[0] : '';
}

interface Positioned {
  position?: { start: { offset?: number | undefined } } | undefined;
  children?: Positioned[];
}

/** The first node deeper than `limit`, found without recursion (the tree may be the problem). */
function findDeepNode(tree: Root, limit: number): Positioned | undefined {
  const stack: [Positioned, number][] = [[tree as Positioned, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > limit) return node;
    for (const child of node.children ?? []) stack.push([child, depth + 1]);
  }
  return undefined;
}
