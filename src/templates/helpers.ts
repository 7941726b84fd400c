import type { HelperOptions } from 'handlebars';
import { toHtml } from 'hast-util-to-html';
import { createDiagnostic } from '../diagnostics/index.js';
import { citePlaceholderHtml } from '../markdown/cite-placeholder.js';
import { factToHast } from '../markdown/fact-html.js';
import { formatDate as formatIsoDate, formatNumber as formatPlainNumber } from '../markdown/format-fact-value.js';
import { resolveProjectPath, toDataUrl } from '../markdown/asset-url.js';
import { sensitivityRank } from '../schema/scalars.js';
import { checkTemplateFact } from './check-template-fact.js';
import { currentFile, type RenderState } from './render-state.js';
import { renderTimeline } from './render-timeline.js';
import { safeUrl } from './safe-url.js';
import { selectTimelineEvents } from './select-timeline-events.js';
import { handlebarsRange } from './template-error.js';

/** Handlebars' SafeString constructor, injected so helpers stay independent of an environment. */
export type SafeStringFactory = (html: string) => unknown;

type Helper = (...args: unknown[]) => unknown;

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** `formatDate "2026-06-10"` → June 10, 2026; styles: long (default), short, numeric, iso. */
export function formatDate(value: unknown, style: unknown = 'long'): string {
  if (typeof value !== 'string' || !isoDate.test(value)) throw new Error(`formatDate expects a YYYY-MM-DD date, got \`${String(value)}\``);
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) throw new Error(`formatDate got an invalid date \`${value}\``);
  switch (style) {
    case 'long':
    case 'short':
    case 'numeric':
      return formatIsoDate(value, style);
    case 'iso':
      return value;
    default:
      throw new Error(`formatDate style must be long, short, numeric or iso, got \`${String(style)}\``);
  }
}

/** `formatNumber 28800000` → 28,800,000. */
export function formatNumber(value: unknown): string {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(n)) throw new Error(`formatNumber expects a number, got \`${String(value)}\``);
  return formatPlainNumber(n);
}

/** Strict equality, for layout branches such as `{{#if (eq document.kind "letter")}}`. */
export function eq(a: unknown, b: unknown): boolean {
  return a === b;
}

/**
 * A CSS string literal for `content:` in the page-setup `<style>` (the running header's marking).
 * Quotes, backslashes and line breaks are CSS-escaped, and `<`, `>` and `&` too, so the text
 * can never close the `<style>` element whatever the document says.
 */
export function cssString(value: unknown): string {
  if (typeof value !== 'string') throw new Error(`cssString expects a string, got \`${String(value)}\``);
  const escaped = value.replace(/[\\"'<>&\n\r\f\u0000-\u001f\u007f]/g, (c) => `\\${c.codePointAt(0)!.toString(16)} `);
  return `"${escaped}"`;
}

export const sourcesListPlaceholder = '<bw-sources></bw-sources>';

/** The names of every helper, for `knownHelpers` (anything else fails at compile time). */
export const helperNames = ['fact', 'cite', 'formatDate', 'formatNumber', 'eq', 'asset', 'sourcesList', 'cssString', 'timeline', 'safeUrl'] as const;

/** The helpers, bound to a SafeString factory. Per-document state arrives through `@bw`. */
export function createHelpers(safe: SafeStringFactory): Record<(typeof helperNames)[number], Helper> {
  const stateOf = (options: HelperOptions): RenderState => {
    const state = (options.data as { bw?: RenderState } | undefined)?.bw;
    if (!state) throw new Error('briefwright helpers need the @bw render state');
    return state;
  };
  const rangeOf = (options: HelperOptions) => {
    const loc = (options as HelperOptions & { loc?: { start: { line: number; column: number }; end: { line: number; column: number } } }).loc;
    return loc ? handlebarsRange(loc.start.line, loc.start.column, loc.end.line, loc.end.column) : undefined;
  };
  const lastArg = (args: unknown[]) => args[args.length - 1] as HelperOptions;

  return {
    formatDate: (...args) => formatDate(args[0], args.length > 2 ? args[1] : 'long'),
    formatNumber: (...args) => formatNumber(args[0]),
    eq: (...args) => eq(args[0], args[1]),
    sourcesList: () => safe(sourcesListPlaceholder),
    cssString: (...args) => safe(cssString(args[0])),

    safeUrl: (...args) => {
      const options = lastArg(args);
      const value = args.length > 1 ? args[0] : undefined;
      // An absent optional field (null) writes an empty link, as any other missing value would.
      if (value === null || value === undefined) return '';
      const url = safeUrl(value);
      if (url !== undefined) return url;
      const state = stateOf(options);
      state.report(
        createDiagnostic('template-unsafe-url', {
          file: currentFile(state),
          range: rangeOf(options),
          message: `\`${String(value).slice(0, 80)}\` is not a link a document may carry (http, https, mailto, tel, #fragment or relative)`,
        }),
      );
      return '';
    },

    timeline: (...args) => {
      const state = stateOf(lastArg(args));
      // Only facts the document may carry (selectTimelineEvents filters by distribution).
      const events = selectTimelineEvents(state.model, state.document);
      for (const event of events) {
        state.factsUsed.add(event.fact.id);
        for (const s of event.fact.sources) state.sourcesUsed.add(s);
      }
      return safe(renderTimeline(events));
    },

    fact: (...args) => {
      const options = lastArg(args);
      const state = stateOf(options);
      const id = args[0];
      const show = (options.hash as Record<string, unknown>)['show'] ?? 'value';
      if (typeof id !== 'string') throw new Error('fact expects a fact id string: {{fact "fact-id"}}');
      if (show !== 'value' && show !== 'statement') throw new Error('fact show= must be "value" or "statement"');
      const fact = state.model.facts.get(id);
      const file = currentFile(state);
      if (!fact) {
        state.report(createDiagnostic('fact-unknown', { file, range: rangeOf(options), message: `Unknown fact \`${id}\`` }));
        return '';
      }
      if (sensitivityRank(fact.sensitivity) > sensitivityRank(state.document.distribution)) {
        state.report(
          createDiagnostic('sensitivity-leak', {
            file,
            range: rangeOf(options),
            message: `Fact \`${id}\` is ${fact.sensitivity} but document \`${state.document.id}\` is distributed ${state.document.distribution}`,
            hint: 'Guard the template code with the document distribution, or remove the fact from this document.',
          }),
        );
        return '';
      }
      state.factsUsed.add(fact.id);
      for (const s of fact.sources) state.sourcesUsed.add(s);
      // Editorial checks of the surrounding template text (allegations), and provenance for `explain`.
      checkTemplateFact(state, fact, show, file, (options as HelperOptions & { loc?: hbs.AST.SourceLocation }).loc);
      return safe(toHtml(factToHast(fact, show)));
    },

    cite: (...args) => {
      const options = lastArg(args);
      const state = stateOf(options);
      const id = args[0];
      if (typeof id !== 'string') throw new Error('cite expects a source id string: {{cite "source-id"}}');
      if (!state.model.sources.has(id)) {
        state.report(createDiagnostic('source-unknown', { file: currentFile(state), range: rangeOf(options), message: `Unknown source \`${id}\`` }));
        return '';
      }
      state.sourcesUsed.add(id);
      return safe(citePlaceholderHtml([id]));
    },

    asset: (...args) => {
      const options = lastArg(args);
      const state = stateOf(options);
      const reference = args[0];
      if (typeof reference !== 'string') throw new Error('asset expects a project path: {{asset publisher.logo}}');
      const path = resolveProjectPath('', reference);
      const bytes = path === undefined ? undefined : state.model.assets.get(path);
      if (path === undefined || !bytes) {
        state.report(
          createDiagnostic('image-missing', {
            file: currentFile(state),
            range: rangeOf(options),
            message: `Asset \`${reference}\` not found`,
            hint: 'Asset paths are relative to the project root, e.g. `templates/assets/logo.svg`.',
          }),
        );
        return '';
      }
      state.assetsUsed.add(path);
      return safe(toDataUrl(path, bytes));
    },
  };
}
