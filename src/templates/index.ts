export { createTemplateEnvironment, compileOptions, type TemplateEnvironment, type TemplateFiles } from './create-template-environment.js';
export { createHelpers, helperNames, formatDate, formatNumber, eq, sourcesListPlaceholder } from './helpers.js';
export { renderHtml, type RenderHtmlInput, type RenderedHtml } from './render-html.js';
export { numberCitations, type NumberedCitations } from './number-citations.js';
export { resolveCss, type ResolvedCss, type ResolveCssOptions } from './resolve-css.js';
export { buildTemplateContext, type TemplateContextInput } from './template-context.js';
export { templateErrorToDiagnostic } from './template-error.js';
export { createRenderState, type RenderState } from './render-state.js';
