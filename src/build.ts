import { loadConfig, toolName, toolVersion, type BuildOptions, type Config } from './config/index.js';
import { matchesAny } from './config/match-ids.js';
import { loadProject } from './content/index.js';
import { compareDiagnostics, countDiagnostics, type Diagnostic } from './diagnostics/index.js';
import { createMarkdownProcessor, type SectionHtml } from './markdown/index.js';
import { outputPath, writeOutputs, type Manifest, type OutputFile } from './output/index.js';
import { printPdfs, type PdfJob } from './pdf/index.js';
import type { DocumentEntity, Model, RecipientEntity } from './schema/model.js';
import { createTemplateEnvironment, renderHtml, resolveCss, type ResolvedCss, type TemplateEnvironment } from './templates/index.js';
import { validateProject } from './validate/index.js';
import { verifyOutputs } from './verify/index.js';

export type { BuildOptions } from './config/index.js';

export type ExitCode = 0 | 1 | 2 | 3;

/** One output the build produced (or, for `validate`, would produce). */
export interface OutputSummary {
  readonly path: string;
  readonly format: 'html' | 'pdf';
  readonly document: string;
  readonly recipient: string | null;
  readonly bytes: number;
  readonly pages: number | null;
}

export interface BuildResult {
  readonly diagnostics: readonly Diagnostic[];
  readonly errors: number;
  readonly warnings: number;
  /** 0 ok · 1 content errors (or warnings with `strict`) · 2 usage/config · 3 environment. */
  readonly exitCode: ExitCode;
  readonly outputs: readonly OutputSummary[];
  readonly manifest: Manifest | undefined;
  /** Absolute out directory, when the config was valid. */
  readonly outDir: string | undefined;
}

/** Rules whose failure is the machine's, not the content's: exit 3. */
const environmentRules = new Set(['pdf-browser-missing', 'output-write-failed']);

/** A rendered document for one recipient, before it is written. */
interface RenderedDocument {
  readonly document: DocumentEntity;
  readonly recipient: RecipientEntity | undefined;
  readonly html: string;
  readonly facts: readonly string[];
  readonly sources: readonly string[];
  readonly templates: readonly string[];
}

/** Loads, validates and renders every selected document to HTML in memory; writes nothing. */
export async function validate(options: BuildOptions = {}): Promise<BuildResult> {
  return run(options, { write: false });
}

/** The whole pipeline: load → validate → HTML → PDF → write `out/` with index and manifest. */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  return run(options, { write: true });
}

async function run(options: BuildOptions, mode: { write: boolean }): Promise<BuildResult> {
  const { config, diagnostics: configDiagnostics } = await loadConfig(options);
  if (!config) return finish(configDiagnostics, [], undefined, undefined, { strict: options.strict ?? false, configFailed: true });

  const diagnostics: Diagnostic[] = [];
  const { project, diagnostics: loadDiagnostics } = await loadProject(config.root);
  diagnostics.push(...loadDiagnostics);
  const { model, diagnostics: validationDiagnostics } = validateProject(project, { today: config.today });
  diagnostics.push(...validationDiagnostics);
  const env = createTemplateEnvironment({ layouts: project.files.layouts, partials: project.files.partials });
  diagnostics.push(...env.diagnostics);

  const documents = selectDocuments(model, config);
  const rendered = hasError(diagnostics) ? [] : renderDocuments(model, env, documents, diagnostics);
  // Post-render proof: each finished output is read back for leaks, markings and anchors (src/verify).
  diagnostics.push(...verifyOutputs(model, rendered));

  const files: OutputFile[] = [];
  for (const r of rendered) {
    if (!wantsFormat(r.document, config, 'html')) continue;
    files.push(toOutputFile(r, 'html', new TextEncoder().encode(r.html), null));
  }
  // PDF stage, after HTML. Skipped when something already failed: a failed build writes nothing.
  if (mode.write && !hasError(diagnostics)) files.push(...(await printPdfStage(rendered, model, config, options, diagnostics)));

  let manifest: Manifest | undefined;
  if (mode.write && files.length > 0 && !hasError(diagnostics)) {
    const result = await writeOutputs(files, {
      outDir: config.out,
      tool: { name: toolName, version: toolVersion },
      generator: `${toolName} ${toolVersion}`,
    });
    diagnostics.push(...result.diagnostics);
    manifest = result.manifest;
  }
  return finish(diagnostics, files, manifest, config, { strict: config.strict, configFailed: false });
}

function selectDocuments(model: Model, config: Config): DocumentEntity[] {
  const all = [...model.documents.values()];
  return config.only.length === 0 ? all : all.filter((d) => matchesAny(d.id, config.only));
}

function wantsFormat(document: DocumentEntity, config: Config, format: 'html' | 'pdf'): boolean {
  return document.formats.includes(format) && config.formats.includes(format);
}

/**
 * Renders each section once (its HTML does not depend on the document) and then every
 * document for every recipient. Problems are collected; one failed output does not stop others.
 */
function renderDocuments(model: Model, env: TemplateEnvironment, documents: readonly DocumentEntity[], diagnostics: Diagnostic[]): RenderedDocument[] {
  const processor = createMarkdownProcessor();
  const sectionHtml = new Map<string, SectionHtml>();
  const sectionFor = (id: string): SectionHtml => {
    let html = sectionHtml.get(id);
    if (!html) {
      const section = model.sections.get(id);
      if (!section) throw new Error(`Cannot render unknown section \`${id}\``);
      html = processor.renderSection(section, model);
      diagnostics.push(...html.diagnostics);
      sectionHtml.set(id, html);
    }
    return html;
  };
  const cssByLayout = new Map<string, ResolvedCss>();
  const cssFor = (layout: string): ResolvedCss => {
    let css = cssByLayout.get(layout);
    if (!css) {
      const entry = model.styles.get(layout) ?? model.styles.get('base');
      css = entry ? resolveCss(entry, { styles: model.styles, assets: model.assets }) : { css: '', files: [], diagnostics: [] };
      diagnostics.push(...css.diagnostics);
      cssByLayout.set(layout, css);
    }
    return css;
  };

  const out: RenderedDocument[] = [];
  for (const document of documents) {
    const sections = document.sections.map(sectionFor);
    const bluf = document.bluf === undefined ? undefined : sectionFor(document.bluf);
    const css = cssFor(document.layout);
    if ([...sections, ...(bluf ? [bluf] : [])].some((s) => hasError(s.diagnostics)) || hasError(css.diagnostics)) continue;
    const recipients: (RecipientEntity | undefined)[] =
      document.recipients === undefined ? [undefined] : [...(model.recipientLists.get(document.recipients)?.recipients ?? [])];
    for (const recipient of recipients) {
      const result = renderHtml({
        model,
        env,
        document,
        recipient,
        sections,
        bluf,
        css: css.css,
        cssFiles: css.files,
        generator: `${toolName} ${toolVersion}`,
      });
      diagnostics.push(...result.diagnostics);
      if (result.html === undefined) continue;
      out.push({
        document,
        recipient,
        html: result.html,
        facts: result.factsUsed,
        sources: result.sourcesCited,
        templates: [...new Set([...result.templatesUsed, ...result.assetsUsed])].sort(),
      });
    }
  }
  return out;
}

/** Documents that want a PDF → Chromium (src/pdf) → PDF outputs carrying their page counts. */
async function printPdfStage(rendered: readonly RenderedDocument[], model: Model, config: Config, options: BuildOptions, diagnostics: Diagnostic[]): Promise<OutputFile[]> {
  const wanted = rendered.filter((r) => wantsFormat(r.document, config, 'pdf'));
  if (wanted.length === 0) return [];
  const onProgress = options.onProgress;
  const result = await printPdfs(
    wanted.map((r) => toPdfJob(r, model)),
    {
      browser: config.browser,
      concurrency: config.concurrency,
      timeoutMs: config.pdfTimeout,
      producer: `${toolName} ${toolVersion}`,
      sourceDateEpoch: process.env['SOURCE_DATE_EPOCH'],
      onProgress: onProgress && ((p) => onProgress({ stage: 'pdf', ...p })),
    },
  );
  diagnostics.push(...result.diagnostics);
  return wanted.flatMap((r, i) => {
    const pdf = result.printed[i];
    return pdf ? [toOutputFile(r, 'pdf', pdf.bytes, pdf.pages)] : [];
  });
}

function toPdfJob(r: RenderedDocument, model: Model): PdfJob {
  const d = r.document;
  return {
    path: outputPath(d.id, r.recipient?.id, 'pdf'),
    file: d.origin.file,
    html: r.html,
    size: d.pdf.size,
    toc: d.pdf.toc,
    metadata: { title: d.title, author: model.publisher?.name, subject: d.description, keywords: d.keywords ?? [], language: d.language, date: d.date },
  };
}

function toOutputFile(r: RenderedDocument, format: 'html' | 'pdf', bytes: Uint8Array, pages: number | null): OutputFile {
  return {
    path: outputPath(r.document.id, r.recipient?.id, format),
    format,
    bytes,
    document: r.document.id,
    recipient: r.recipient?.id ?? null,
    title: r.document.title,
    audience: r.document.audience,
    distribution: r.document.distribution,
    pages,
    facts: r.facts,
    sources: r.sources,
    templates: r.templates,
  };
}

function hasError(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

function finish(
  diagnostics: Diagnostic[],
  files: readonly OutputFile[],
  manifest: Manifest | undefined,
  config: Config | undefined,
  flags: { strict: boolean; configFailed: boolean },
): BuildResult {
  const sorted = dedupe(diagnostics).sort(compareDiagnostics);
  const { errors, warnings } = countDiagnostics(sorted);
  let exitCode: ExitCode = 0;
  if (flags.configFailed) exitCode = 2;
  else if (sorted.some((d) => d.severity === 'error' && environmentRules.has(d.ruleId))) exitCode = 3;
  else if (errors > 0 || (flags.strict && warnings > 0)) exitCode = 1;
  return {
    diagnostics: sorted,
    errors,
    warnings,
    exitCode,
    outputs: files.map((f) => ({ path: f.path, format: f.format, document: f.document, recipient: f.recipient, bytes: f.bytes.byteLength, pages: f.pages })),
    manifest,
    outDir: config?.out,
  };
}

/** The same problem reached twice (a section shared by two documents) is reported once. */
function dedupe(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = JSON.stringify(d);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
