import { createDiagnostic } from '../../diagnostics/index.js';
import type { RuleContext } from '../rule-context.js';
import { allTemplates, rangeOfLoc } from '../template-index.js';

/** Attributes whose value a browser loads, navigates to or applies as CSS. */
const urlAttribute = /\b(href|src|srcset|action|formaction|poster|background|xlink:href|style)\s*=\s*["']?([^"'<>]*)$/i;

/** The helpers that validate what they write, per kind of attribute. */
const safeHelpers = { url: new Set(['safeUrl', 'asset']), style: new Set(['cssString']) };

type Statement = hbs.AST.Statement & { loc?: hbs.AST.SourceLocation };

/**
 * A template value written into href/src/style must pass through a helper that checks it
 * (`safeUrl`, `asset`, `cssString`): a fact, source or recipient field holding `javascript:…`
 * or a CSS `url(…)` would otherwise become a live link or a request in every output. A value
 * after literal text that already fixes where the link goes (`#{{id}}`, `mailto:{{email}}`)
 * cannot change the scheme and passes.
 */
export function templateUnsafeUrl(context: RuleContext): void {
  for (const template of allTemplates(context.model)) {
    if (!template.ast) continue;
    const report = (loc: hbs.AST.SourceLocation, attribute: string) =>
      context.report(
        createDiagnostic('template-unsafe-url', {
          file: template.file.path,
          range: rangeOfLoc(loc),
          message: `A template value is written into \`${attribute}\` without a helper that checks it`,
        }),
      );
    checkProgram(template.ast, '', report);
  }
}

/** Walks one program, carrying the literal text written so far (what precedes each value). */
function checkProgram(program: hbs.AST.Program, before: string, report: (loc: hbs.AST.SourceLocation, attribute: string) => void): void {
  let text = before;
  for (const statement of program.body as Statement[]) {
    if (statement.type === 'ContentStatement') {
      text = (text + (statement as hbs.AST.ContentStatement).value).slice(-2000);
      continue;
    }
    if (statement.type === 'CommentStatement') continue;
    if (statement.type === 'MustacheStatement') {
      const mustache = statement as hbs.AST.MustacheStatement;
      const attribute = urlAttribute.exec(text);
      if (attribute && !isSafe(attribute[1]!.toLowerCase(), attribute[2]!, mustache)) report(mustache.loc, attribute[1]!);
    } else if (statement.type === 'BlockStatement') {
      const block = statement as hbs.AST.BlockStatement;
      checkProgram(block.program, text, report);
      if (block.inverse) checkProgram(block.inverse, text, report);
    }
    // What a value, block or partial writes is unknown: it counts as literal text that fixes nothing.
    text += 'x';
  }
}

function isSafe(attribute: string, literal: string, mustache: hbs.AST.MustacheStatement): boolean {
  const helper = mustache.path.type === 'PathExpression' && mustache.params.length > 0 ? (mustache.path as hbs.AST.PathExpression).original : undefined;
  if (attribute === 'style') return helper !== undefined && safeHelpers.style.has(helper);
  if (helper !== undefined && safeHelpers.url.has(helper)) return true;
  // `#{{id}}`, `mailto:{{email}}`, `/{{path}}`: the literal before the value already decides.
  return /^(#|\/|\?|[a-z][a-z0-9+.-]*:)/i.test(literal.trimStart());
}
