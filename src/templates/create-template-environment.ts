import Handlebars from 'handlebars';
import type { TextFile } from '../content/text-file.js';
import { createDiagnostic, type Diagnostic } from '../diagnostics/index.js';
import { stemOf } from '../content/parse-section.js';
import { createHelpers, helperNames } from './helpers.js';
import type { RenderState } from './render-state.js';
import { handlebarsRange, templateErrorToDiagnostic, type LocatedTemplateError } from './template-error.js';

type HandlebarsEnv = typeof Handlebars;
type Compiled = Handlebars.TemplateDelegate;

export interface TemplateEnvironment {
  /** Problems found while loading: syntax, unknown partials or helpers, forbidden constructs. */
  readonly diagnostics: readonly Diagnostic[];
  hasLayout(name: string): boolean;
  hasPartial(name: string): boolean;
  /** Renders a layout; throws the Handlebars error (annotated with its file) on failure. */
  renderLayout(name: string, context: object, state: RenderState): string;
  renderPartial(name: string, context: object, state: RenderState): string;
  /** The project path of a layout file. */
  layoutFile(name: string): string;
  /** Marks trusted HTML so templates output it with `{{ }}` unescaped. */
  safe(html: string): unknown;
}

export interface TemplateFiles {
  readonly layouts: readonly TextFile[];
  readonly partials: readonly TextFile[];
}

const knownHelpers: Record<string, boolean> = {
  ...Object.fromEntries(helperNames.map((n) => [n, true])),
  // Built-ins we remove: `lookup` is the gadget behind dynamic-partial exploits, `log` prints.
  lookup: false,
  log: false,
};

/** Compile options: strict (a typo is an error, not an empty string) and a closed helper set. */
export const compileOptions: CompileOptions = {
  strict: true,
  knownHelpersOnly: true,
  knownHelpers,
  explicitPartialContext: true,
  preventIndent: true,
};

type CompileOptions = Parameters<HandlebarsEnv['compile']>[1];

/**
 * An isolated Handlebars environment for one build: its own helpers and partials, every
 * template checked up front (syntax, partial names, helpers, no raw `{{{ }}}` output, no
 * decorators or dynamic partials) so problems surface as positioned diagnostics before rendering.
 */
export function createTemplateEnvironment(files: TemplateFiles): TemplateEnvironment {
  const env = Handlebars.create();
  env.unregisterHelper('lookup');
  env.unregisterHelper('log');
  const safe = (html: string) => new env.SafeString(html);
  for (const [name, helper] of Object.entries(createHelpers(safe))) env.registerHelper(name, helper);

  const diagnostics: Diagnostic[] = [];
  const partialNames = new Set(files.partials.map((f) => stemOf(f.path)));
  const layouts = new Map<string, { file: TextFile; compiled: Compiled }>();

  const load = (file: TextFile): Compiled | undefined => {
    let ast: hbs.AST.Program;
    try {
      ast = env.parseWithoutProcessing(file.text);
    } catch (error) {
      diagnostics.push(syntaxError(error, file));
      return undefined;
    }
    const problems = checkTemplate(ast, file, partialNames);
    diagnostics.push(...problems);
    if (problems.length > 0) return undefined;
    try {
      // Compiled now, not lazily on first render, so helper errors carry their position up front;
      // and once, from the AST the checks walked (precompile applies whitespace control to it).
      // `compile` parsed the text again at the first render and generated the code a second time:
      // the templates took ≈3 parses and 2 code generations each. The source precompile returns
      // is the template's spec, loaded as Handlebars loads a precompiled template.
      const spec = env.precompile(ast, compileOptions) as unknown as string;
      return env.template(new Function(`return ${spec}`)() as TemplateSpecification);
    } catch (error) {
      diagnostics.push(templateErrorToDiagnostic(error, file.path));
      return undefined;
    }
  };

  for (const file of files.partials) {
    const compiled = load(file);
    if (!compiled) continue;
    env.registerPartial(stemOf(file.path), withFile(file.path, compiled) as unknown as Handlebars.Template);
  }
  for (const file of files.layouts) {
    const compiled = load(file);
    if (compiled) layouts.set(stemOf(file.path), { file, compiled: withFile(file.path, compiled) });
  }

  const layoutFiles = new Map(files.layouts.map((f) => [stemOf(f.path), f.path]));
  return {
    diagnostics,
    safe,
    hasLayout: (name) => layouts.has(name),
    hasPartial: (name) => partialNames.has(name),
    layoutFile: (name) => layoutFiles.get(name) ?? `templates/layouts/${name}.hbs`,
    renderLayout(name, context, state) {
      const layout = layouts.get(name);
      if (!layout) throw new Error(`Cannot render unknown or invalid layout \`${name}\``);
      return layout.compiled(context, { data: { bw: state } });
    },
    renderPartial(name, context, state) {
      const partial = env.partials[name] as Compiled | undefined;
      if (!partial) throw new Error(`Cannot render unknown partial \`${name}\``);
      return partial(context, { data: { bw: state } });
    },
  };
}

/** Wraps a template so the render state knows which file is running and errors name it. */
function withFile(path: string, compiled: Compiled): Compiled {
  return ((context: unknown, options?: Handlebars.RuntimeOptions) => {
    const state = (options?.data as { bw?: RenderState } | undefined)?.bw;
    state?.fileStack.push(path);
    state?.templatesUsed.add(path);
    try {
      return compiled(context, options);
    } catch (error) {
      const located = error as LocatedTemplateError;
      if (located && typeof located === 'object' && located.briefwrightFile === undefined) located.briefwrightFile = path;
      throw error;
    } finally {
      state?.fileStack.pop();
    }
  }) as Compiled;
}

interface AstNode {
  type: string;
  loc?: { start: { line: number; column: number }; end: { line: number; column: number } };
  [key: string]: unknown;
}

/** Walks a template's AST for what strict compile options do not catch. */
function checkTemplate(ast: hbs.AST.Program, file: TextFile, partialNames: ReadonlySet<string>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (node: AstNode) => (node.loc ? handlebarsRange(node.loc.start.line, node.loc.start.column, node.loc.end.line, node.loc.end.column) : undefined);
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (!node || typeof node !== 'object' || typeof (node as AstNode).type !== 'string') return;
    const n = node as AstNode;
    switch (n.type) {
      case 'PartialStatement':
      case 'PartialBlockStatement': {
        const name = n['name'] as AstNode & { original?: unknown };
        if (name.type !== 'PathExpression' && name.type !== 'StringLiteral') {
          out.push(
            createDiagnostic('template-syntax', {
              file: file.path,
              range: at(n),
              message: 'Dynamic partial names are not allowed',
              hint: 'Name the partial literally: `{{> letterhead this}}`.',
            }),
          );
        } else if (!partialNames.has(String(name.original))) {
          out.push(
            createDiagnostic('template-missing-partial', {
              file: file.path,
              range: at(name),
              message: `Unknown partial \`${String(name.original)}\``,
              hint: `Create templates/partials/${String(name.original)}.hbs or use one of: ${[...partialNames].join(', ') || 'none'}.`,
            }),
          );
        }
        break;
      }
      case 'DecoratorStatement':
      case 'DecoratorBlock':
        out.push(createDiagnostic('template-syntax', { file: file.path, range: at(n), message: 'Decorators (`{{* …}}`) are not allowed' }));
        break;
      case 'MustacheStatement':
        if (n['escaped'] === false) {
          out.push(
            createDiagnostic('template-syntax', {
              file: file.path,
              range: at(n),
              message: 'Raw output `{{{ … }}}` is not allowed',
              hint: 'Use `{{ … }}`: section HTML, CSS and helper output are already marked safe; everything else must be escaped.',
            }),
          );
        }
        break;
    }
    for (const [key, value] of Object.entries(n)) if (key !== 'loc') visit(value);
  };
  visit(ast);
  return out;
}

/** Jison's parse errors carry no position; its lexer still holds the offending token's. */
function syntaxError(error: unknown, file: TextFile): Diagnostic {
  const lexer = (Handlebars as unknown as { Parser?: { lexer?: { yylloc?: { first_line: number; first_column: number; last_line: number; last_column: number } } } })
    .Parser?.lexer;
  const loc = lexer?.yylloc;
  const message = String((error as Error)?.message ?? error);
  const lines = message.split('\n');
  const expecting = lines.find((l) => l.startsWith('Expecting'));
  const got = expecting ? /got '([^']+)'/.exec(expecting)?.[1] : undefined;
  const positioned = (error as LocatedTemplateError).lineNumber !== undefined;
  return createDiagnostic('template-syntax', {
    file: file.path,
    range: positioned
      ? handlebarsRange((error as LocatedTemplateError).lineNumber, (error as LocatedTemplateError).column)
      : loc
        ? handlebarsRange(loc.first_line, loc.first_column, loc.last_line, loc.last_column)
        : undefined,
    message: positioned ? (lines[0] ?? message).replace(/ - \d+:\d+$/, '') : `Parse error${got ? `: unexpected ${got}` : ''}`,
    hint: 'Check that every `{{#block}}` has its `{{/block}}` and every `{{` its `}}`.',
  });
}
