import { createDiagnostic, type Diagnostic } from '../diagnostics/index.js';
import { formatDate } from '../markdown/format-fact-value.js';
import type { SectionHtml } from '../markdown/create-markdown-processor.js';
import type { DocumentEntity, Model, RecipientEntity } from '../schema/model.js';
import type { TemplateEnvironment } from './create-template-environment.js';
import { sourcesListPlaceholder } from './helpers.js';
import { numberCitations } from './number-citations.js';
import { createRenderState } from './render-state.js';
import { buildTemplateContext } from './template-context.js';
import { templateErrorToDiagnostic } from './template-error.js';

export interface RenderHtmlInput {
  readonly model: Model;
  readonly env: TemplateEnvironment;
  readonly document: DocumentEntity;
  readonly recipient: RecipientEntity | undefined;
  /** The document's sections, rendered, in document order (the BLUF not included). */
  readonly sections: readonly SectionHtml[];
  readonly bluf: SectionHtml | undefined;
  readonly css: string;
  readonly cssFiles: readonly string[];
  readonly generator: string;
}

export interface RenderedHtml {
  /** Undefined when rendering failed (see diagnostics). */
  readonly html: string | undefined;
  readonly factsUsed: readonly string[];
  /** Cited sources in citation order. */
  readonly sourcesCited: readonly string[];
  readonly templatesUsed: readonly string[];
  readonly assetsUsed: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Renders one document (for one recipient) to its finished HTML: layout, partials, numbered
 * citations and the list of cited sources. Content problems are returned, never thrown.
 */
export function renderHtml(input: RenderHtmlInput): RenderedHtml {
  const { model, env, document: doc } = input;
  const diagnostics: Diagnostic[] = [];
  const state = createRenderState(model, doc, (d) => diagnostics.push(d));
  const context = buildTemplateContext({ ...input, safe: env.safe });
  const layoutFile = env.layoutFile(doc.layout);
  const factsUsed = new Set<string>();
  const assetsUsed = new Set<string>();
  for (const section of [...input.sections, ...(input.bluf ? [input.bluf] : [])]) {
    section.factsUsed.forEach((f) => factsUsed.add(f));
    section.assetsUsed.forEach((a) => assetsUsed.add(a));
  }

  let html: string | undefined;
  try {
    html = env.renderLayout(doc.layout, context, state);
  } catch (error) {
    diagnostics.push(templateErrorToDiagnostic(error, layoutFile));
  }
  state.factsUsed.forEach((f) => factsUsed.add(f));
  state.assetsUsed.forEach((a) => assetsUsed.add(a));

  let sourcesCited: readonly string[] = [];
  if (html !== undefined) {
    const numbered = numberCitations(html);
    sourcesCited = numbered.order;
    html = numbered.html;
    if (html.includes(sourcesListPlaceholder)) {
      html = html.replace(sourcesListPlaceholder, () => renderSourcesList(input, numbered.order, state, diagnostics));
    } else if (numbered.order.length > 0) {
      diagnostics.push(
        createDiagnostic('link-broken', {
          file: layoutFile,
          message: `Document \`${doc.id}\` cites ${numbered.order.length} source(s) but its layout has no sources list`,
          hint: 'Add `{{sourcesList}}` to the layout where the numbered list of sources belongs.',
        }),
      );
    }
  }
  if (diagnostics.some((d) => d.severity === 'error')) html = undefined;

  return {
    html,
    factsUsed: [...factsUsed].sort(),
    sourcesCited,
    templatesUsed: [...new Set([...state.templatesUsed, ...input.cssFiles])].sort(),
    assetsUsed: [...assetsUsed].sort(),
    diagnostics,
  };
}

function renderSourcesList(input: RenderHtmlInput, order: readonly string[], state: ReturnType<typeof createRenderState>, diagnostics: Diagnostic[]): string {
  const sources = order.map((id, index) => {
    const source = input.model.sources.get(id);
    if (!source) throw new Error(`Cannot list unknown source \`${id}\``);
    return {
      number: index + 1,
      id,
      title: source.title,
      publisher: source.publisher,
      date: source.date ?? null,
      dateFormatted: source.date ? formatDate(source.date) : null,
      url: source.url ?? null,
      kind: source.kind,
      note: source.note ?? null,
    };
  });
  if (!input.env.hasPartial('sources-list')) {
    diagnostics.push(
      createDiagnostic('template-missing-partial', {
        file: input.env.layoutFile(input.document.layout),
        message: 'Layout uses `{{sourcesList}}` but templates/partials/sources-list.hbs does not exist',
      }),
    );
    return '';
  }
  try {
    return input.env.renderPartial('sources-list', { sources }, state);
  } catch (error) {
    diagnostics.push(templateErrorToDiagnostic(error, 'templates/partials/sources-list.hbs'));
    return '';
  }
}
