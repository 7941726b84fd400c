import Handlebars from 'handlebars';
import type { TextFile } from '../content/text-file.js';
import { stemOf } from '../content/parse-section.js';
import { createLocator, type Range } from '../diagnostics/index.js';
import type { Model } from '../schema/model.js';

/**
 * What the static checks need to know about a template without rendering it: the literal ids
 * its `fact`, `cite` and `asset` helpers name, the partials it includes and its `<img>` tags,
 * each with its exact place. Templates that do not parse yield nothing here (their syntax error
 * is reported by the template environment).
 */
export interface TemplateIndex {
  readonly file: TextFile;
  readonly ast: hbs.AST.Program | undefined;
  readonly helperCalls: readonly HelperCall[];
  readonly partials: readonly string[];
  readonly images: readonly ImageTag[];
  /** `{{#each …}}` blocks, with what they iterate as written (`keyFacts`) and their body. */
  readonly eachBlocks: readonly EachBlock[];
}

export interface EachBlock {
  readonly over: string;
  readonly range: Range;
  readonly body: hbs.AST.Program;
}

export interface HelperCall {
  readonly helper: 'fact' | 'cite' | 'asset' | 'timeline';
  /** The id or path when written as a string literal; undefined when computed (`{{fact id}}`). */
  readonly literal: string | undefined;
  readonly range: Range;
}

export interface ImageTag {
  readonly range: Range;
  /** The `src` attribute as written (may contain `{{…}}`); undefined when absent. */
  readonly src: string | undefined;
  readonly hasAlt: boolean;
}

const indexed = new WeakMap<TextFile, TemplateIndex>();
const trackedHelpers = new Set(['fact', 'cite', 'asset', 'timeline']);

type AnyNode = { type: string; loc?: hbs.AST.SourceLocation; [key: string]: unknown };

/** Handlebars positions: lines 1-based, columns 0-based. */
export function rangeOfLoc(loc: hbs.AST.SourceLocation): Range {
  return { start: { line: loc.start.line, column: loc.start.column + 1 }, end: { line: loc.end.line, column: loc.end.column + 1 } };
}

export function indexTemplate(file: TextFile): TemplateIndex {
  const cached = indexed.get(file);
  if (cached) return cached;
  let ast: hbs.AST.Program | undefined;
  try {
    ast = Handlebars.parse(file.text);
  } catch {
    ast = undefined;
  }
  const helperCalls: HelperCall[] = [];
  const partials: string[] = [];
  const eachBlocks: EachBlock[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (!node || typeof node !== 'object' || typeof (node as AnyNode).type !== 'string') return;
    const n = node as AnyNode;
    if ((n.type === 'MustacheStatement' || n.type === 'SubExpression' || n.type === 'BlockStatement') && n.loc) {
      const path = n['path'] as AnyNode & { original?: unknown };
      const params = n['params'] as AnyNode[];
      const name = path.type === 'PathExpression' ? String(path.original) : undefined;
      if (name !== undefined && trackedHelpers.has(name)) {
        const first = params[0] as (AnyNode & { value?: unknown }) | undefined;
        helperCalls.push({
          helper: name as HelperCall['helper'],
          literal: first?.type === 'StringLiteral' ? String(first.value) : undefined,
          range: rangeOfLoc(n.loc),
        });
      }
    }
    if (n.type === 'BlockStatement' && n.loc && (n['path'] as AnyNode & { original?: unknown }).original === 'each') {
      const over = (n['params'] as (AnyNode & { original?: unknown })[])[0];
      if (over?.type === 'PathExpression') eachBlocks.push({ over: String(over.original), range: rangeOfLoc(n.loc), body: n['program'] as hbs.AST.Program });
    }
    if (n.type === 'PartialStatement' || n.type === 'PartialBlockStatement') {
      const name = n['name'] as AnyNode & { original?: unknown };
      if (name.type === 'PathExpression' || name.type === 'StringLiteral') partials.push(String(name.original));
    }
    for (const [key, value] of Object.entries(n)) if (key !== 'loc') visit(value);
  };
  if (ast) visit(ast);
  const result: TemplateIndex = { file, ast, helperCalls, partials: [...new Set(partials)], images: ast ? findImages(file) : [], eachBlocks };
  indexed.set(file, result);
  return result;
}

/** `<img …>` tags in a template's markup, attributes read as written. */
function findImages(file: TextFile): ImageTag[] {
  const locator = createLocator(file.text);
  const out: ImageTag[] = [];
  const withoutComments = file.text.replace(/\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}|<!--[\s\S]*?-->/g, (m) => ' '.repeat(m.length));
  for (const match of withoutComments.matchAll(/<img\b(?:[^>{]|\{\{[^}]*\}\})*>/gi)) {
    const tag = match[0];
    const src = /\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
    out.push({
      range: locator.range(match.index, match.index + tag.length),
      src: src ? (src[1] ?? src[2] ?? src[3]) : undefined,
      hasAlt: /\salt\s*(?:=|\s|\/?>)/i.test(tag),
    });
  }
  return out;
}

/** Every template file in the project, parsed once. */
export function allTemplates(model: Model): TemplateIndex[] {
  return [...model.layouts.values(), ...model.partials.values()].map(indexTemplate);
}

/** A layout and every partial it reaches, in a stable order. */
export function templateClosure(model: Model, layout: string): TemplateIndex[] {
  const start = model.layouts.get(layout);
  if (!start) return [];
  const out: TemplateIndex[] = [];
  const seen = new Set<string>();
  const queue: TextFile[] = [start];
  // `sourcesList` renders the sources-list partial implicitly.
  const implicit = model.partials.get('sources-list');
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file.path)) continue;
    seen.add(file.path);
    const index = indexTemplate(file);
    out.push(index);
    for (const name of index.partials) {
      const partial = model.partials.get(name);
      if (partial) queue.push(partial);
    }
    if (implicit && /\{\{\s*sourcesList\s*\}\}/.test(file.text)) queue.push(implicit);
  }
  return out;
}

/** The template file at a project path (layouts and partials), if any. */
export function templateFileAt(model: Model, path: string): TextFile | undefined {
  const stem = stemOf(path);
  const layout = model.layouts.get(stem);
  if (layout?.path === path) return layout;
  const partial = model.partials.get(stem);
  return partial?.path === path ? partial : undefined;
}
