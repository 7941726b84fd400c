import { loadConfig, toolName, toolVersion, type BuildOptions, type Config } from './config/index.js';
import { matchesAny } from './config/match-ids.js';
import { selectShard } from './config/shard.js';
import { hashText, openBuildCache, type BuildCache, type BuildUnit, type FinishedUnit, type ReusedUnit } from './cache/index.js';
import { startLoadingProject } from './content/index.js';
import { compareDiagnostics, countDiagnostics, createDiagnostic, type Diagnostic } from './diagnostics/index.js';
import { createMarkdownProcessor, type SectionHtml } from './markdown/index.js';
import { createOutputStage, findBlockingError, findOutputCollisions, outputNameProblem, outputPath, removePendingTempFiles, writeCacheBlob, type Manifest, type OutputDependencies, type OutputFile, type OutputStage } from './output/index.js';
import type { PdfJob, PrintOutcome, Printer } from './pdf/index.js';
import type { ParsedProject } from './content/load-project.js';
import type { ProjectFiles } from './content/read-project.js';
import type { DocumentEntity, Model, RecipientEntity, SectionEntity } from './schema/model.js';
import { stopSpareThread } from './start-module-thread.js';
import { createTemplateEnvironment, preloadStyleImports, renderHtml, resolveCss, type ResolvedCss, type TemplateEnvironment } from './templates/index.js';
import { factsUsedByDocument, prepareValidation, validateProject } from './validate/index.js';
import { checkLinksBetween, createOutputReader, verifyOutput, type OutputReader, type VerifiedOutput } from './verify/index.js';

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
  /** Outputs taken unchanged from the cache instead of rendered (paths relative to outDir). */
  readonly reused?: readonly string[];
}

/**
 * The PDF stage (puppeteer, pdf-lib: about half a second of module loading) is imported only
 * when a build prints; HTML-only builds and `validate` never pay for it.
 */
let pdfStage: Promise<typeof import('./pdf/index.js')> | undefined;
const loadPdfStage = () => (pdfStage ??= import('./pdf/index.js'));

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
  /** What rendering it reported (sections, styles, template), kept with it in the cache. */
  readonly diagnostics: readonly Diagnostic[];
  /** Set when it came from the cache instead of being rendered. */
  readonly reused?: ReusedUnit;
}

/** Loads, validates and renders every selected document to HTML in memory; writes nothing. */
export async function validate(options: BuildOptions = {}): Promise<BuildResult> {
  return run(options, { write: false });
}

/** The whole pipeline: load → validate → HTML → PDF → write `out/` with index and manifest. */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  return run(options, { write: true });
}

/**
 * For an interrupted build (SIGINT/SIGTERM): closes every browser and removes every temp file
 * a build in progress has made. Finished outputs stay; the caller exits afterwards.
 */
export async function interruptBuild(): Promise<void> {
  removePendingTempFiles();
  if (pdfStage) await (await pdfStage).closeRunningBrowsers();
}

async function run(options: BuildOptions, mode: { write: boolean }): Promise<BuildResult> {
  // A build whose inputs are all unchanged answers from the cache: nothing is loaded or written.
  const cache = mode.write ? await openBuildCache(options) : undefined;
  if (cache?.unchanged) return cache.unchanged;
  const { config, diagnostics: configDiagnostics } = await loadConfig(options);
  if (!config) return finish(configDiagnostics, [], undefined, undefined, { strict: options.strict ?? false, configFailed: true });
  // Chromium starts now, so its launch overlaps loading and rendering — unless an earlier build
  // of this out/ is cached, when most PDFs may come from the cache and none may need printing.
  const fresh = !(config.cache && cache?.hasPrevious(config.out));
  const printing = mode.write && config.formats.includes('pdf') ? startPrinting(config, options, fresh) : undefined;
  try {
    return await runLoaded(config, options, mode, cache, printing, { readOnThread: fresh && !printing });
  } finally {
    // A thread handed on that nothing took (a build that stopped before its reader was made).
    await Promise.all([printing?.close(), stopSpareThread()]);
  }
}

async function runLoaded(config: Config, options: BuildOptions, mode: { write: boolean }, cache: BuildCache | undefined, printing: Printing | undefined, flags: { readOnThread: boolean }): Promise<BuildResult> {
  const diagnostics: Diagnostic[] = [];
  const loading = await startLoadingProject(config.root, { allowHiddenCharacters: config.allowHiddenCharacters });
  // While the Markdown thread parses the sections, what needs only the YAML and the templates.
  const env = createTemplateEnvironment({ layouts: loading.files.layouts, partials: loading.files.partials });
  preloadStyleImports(loading.files.styles);
  prepareValidation(loading);
  const { project, diagnostics: loadDiagnostics } = await loading.finish();
  diagnostics.push(...loadDiagnostics);
  // On the thread the Markdown parser just handed on (no second thread's start), on the core it
  // left. Only for a first build that does not print: one that prints has Chromium for that core,
  // and a rebuild renders few outputs, where a cold thread costs more than the reading.
  const reader = createOutputReader({ threaded: flags.readOnThread });
  // A Markdown thread the reader did not take would only hold its memory through the build.
  void stopSpareThread();
  try {
    return await renderAndWrite(config, options, mode, cache, printing, { project, env, diagnostics, reader });
  } finally {
    await reader.close();
  }
}

/** What the build has once the project is loaded: the rest of runLoaded, with the reader it closes. */
interface Loaded {
  readonly project: ParsedProject;
  readonly env: TemplateEnvironment;
  readonly diagnostics: Diagnostic[];
  readonly reader: OutputReader;
}

async function renderAndWrite(config: Config, options: BuildOptions, mode: { write: boolean }, cache: BuildCache | undefined, printing: Printing | undefined, loaded: Loaded): Promise<BuildResult> {
  const { project, env, diagnostics, reader } = loaded;
  const { model, diagnostics: validationDiagnostics } = validateProject(project, { today: config.today });
  const documents = selectDocuments(model, config);
  const plan = await planUnits(model, documents, config, cache, project.files, options);
  const parts = createDocumentParts(model);
  diagnostics.push(...validationDiagnostics);
  diagnostics.push(...env.diagnostics);
  diagnostics.push(...checkOutputPaths(model, documents));
  const templateFiles = (d: DocumentEntity) => [env.layoutFile(d.layout), ...[...project.files.partials, ...project.files.styles].map((f) => f.path)];
  // Keep-going (default): a document is rendered and written unless an error concerns what it is
  // made of; --fail-fast keeps the all-or-nothing build and stops at the first failed document.
  const renderable = config.failFast
    ? hasError(diagnostics) ? [] : documents
    : documents.filter((d) => {
        const uses = staticUses(model, d);
        return hasAllEntities(model, uses) && hasAllSections(model, d) && !findBlockingError(documentDependencies(model, d, templateFiles, uses), diagnostics);
      });
  const blocked = (r: Pick<RenderedDocument, 'document' | 'facts' | 'sources'>) =>
    config.failFast ? hasError(diagnostics) : findBlockingError(documentDependencies(model, r.document, templateFiles, r), diagnostics) !== undefined;
  if (printing) printing.expect(() => plan.pdfJobs);

  // The stream: each unit is rendered, checked, written to a temp file and printed while the
  // next is rendered, with a bounded number waiting — node's work overlaps Chromium's, and
  // memory does not grow with the batch. What lands in out/ is decided once all are done.
  const stage = mode.write ? createOutputStage({ outDir: config.out, tool: { name: toolName, version: toolVersion }, generator: `${toolName} ${toolVersion}` }) : undefined;
  const outcomes: UnitOutcome[] = [];
  const inFlight = new Set<Promise<void>>();
  const window = config.concurrency * 2 + 2;
  try {
    for await (const r of renderUnits(model, env, renderable, diagnostics, { failFast: config.failFast }, plan, parts)) {
      const reading = reader.read(r.html);
      const outcome: UnitOutcome = {
        unit: {
          document: r.document,
          recipient: r.recipient,
          facts: r.facts,
          sources: r.sources,
          templates: r.templates,
          diagnostics: r.diagnostics,
          htmlBlob: wantsFormat(r.document, config, 'html') ? undefined : (r.reused?.htmlSha256 ?? hashText(r.html)),
        },
        verified: reading.then((read) => verifyOutput(model, r, read)),
        htmlBytes: Buffer.byteLength(r.html),
        reused: r.reused !== undefined,
        files: [],
        failed: false,
      };
      outcomes.push(outcome);
      // Its checks decide whether it is written and printed: they come first.
      const task = outcome.verified
        .then((verified) => {
          diagnostics.push(...verified.diagnostics);
          if (stage && !blocked(r)) return produceUnit(r, outcome, { model, config, stage, printing, diagnostics });
        })
        .finally(() => inFlight.delete(task));
      inFlight.add(task);
      while (inFlight.size >= window) await Promise.race(inFlight);
      // Lets Chromium's replies and finished writes through between two renders.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(inFlight);
  } catch (error) {
    await Promise.allSettled(inFlight);
    await stage?.discard();
    throw error;
  }
  diagnostics.push(...checkLinksBetween(model, await Promise.all(outcomes.map((o) => o.verified))));

  // A unit lands whole or not at all: none of its inputs has an error, and every file printed and staged.
  const landing = outcomes.filter((o) => !o.failed && !blocked(o.unit));
  let manifest: Manifest | undefined;
  let outputs: OutputSummary[];
  if (!stage) {
    outputs = outcomes
      .filter((o) => !blocked(o.unit) && wantsFormat(o.unit.document, config, 'html'))
      .map((o) => ({ path: outputPath(o.unit.document.id, o.unit.recipient?.id, 'html'), format: 'html', document: o.unit.document.id, recipient: o.unit.recipient?.id ?? null, bytes: o.htmlBytes, pages: null }));
  } else if (landing.length === 0 || (config.failFast && hasError(diagnostics))) {
    await stage.discard();
    outputs = [];
  } else {
    const paths = new Set(landing.flatMap((o) => o.files));
    const committed = await stage.commit((path) => paths.has(path));
    diagnostics.push(...committed.diagnostics);
    manifest = committed.manifest;
    outputs = committed.outputs.map((f) => ({ path: f.path, format: f.format, document: f.document, recipient: f.recipient, bytes: f.size, pages: f.pages }));
    const result = finish(diagnostics, outputs, manifest, config, { strict: config.strict, configFailed: false });
    await cache?.save({ units: outcomes.map((o) => o.unit), files: committed.outputs, diagnostics: result.diagnostics, outputs: result.outputs });
    const reusedUnits = new Set(landing.filter((o) => o.reused).map((o) => outputPath(o.unit.document.id, o.unit.recipient?.id, 'html')));
    return { ...result, reused: committed.outputs.filter((f) => reusedUnits.has(outputPath(f.document, f.recipient ?? undefined, 'html'))).map((f) => f.path) };
  }
  return { ...finish(diagnostics, outputs, manifest, config, { strict: config.strict, configFailed: false }), reused: [] };
}

/** One unit on its way through the stream, as kept until the end of the build. */
interface UnitOutcome {
  readonly unit: FinishedUnit;
  /** Read back on the reader's thread and checked; settles before the unit is written. */
  readonly verified: Promise<VerifiedOutput>;
  readonly htmlBytes: number;
  readonly reused: boolean;
  /** Paths staged (or kept from the cache) for it. */
  readonly files: string[];
  /** A print or a write failed: nothing of it lands. */
  failed: boolean;
}

/** The HTML and the PDF of one rendered unit, staged in out/ (a cache hit's files stay where they are). */
async function produceUnit(r: RenderedDocument, outcome: UnitOutcome, ctx: { model: Model; config: Config; stage: OutputStage; printing: Printing | undefined; diagnostics: Diagnostic[] }): Promise<void> {
  const { config, stage } = ctx;
  const wantsHtml = wantsFormat(r.document, config, 'html');
  const wantsPdf = wantsFormat(r.document, config, 'pdf');
  if (r.reused) {
    // Its files were read back with their recorded hashes: listed as they are, not read or hashed again.
    for (const file of r.reused.files) {
      stage.keep({ ...outputMetadata(r, file.format, file.pages), sha256: file.sha256, size: file.bytes });
      outcome.files.push(file.path);
    }
    return;
  }
  const stageFile = async (file: OutputFile) => {
    const problem = await stage.stage(file);
    if (problem) {
      ctx.diagnostics.push(problem);
      outcome.failed = true;
    } else outcome.files.push(file.path);
  };
  if (wantsHtml) await stageFile(toOutputFile(r, 'html', new TextEncoder().encode(r.html), null));
  if (wantsPdf && ctx.printing) {
    const printed = await ctx.printing.print(toPdfJob(r, ctx.model));
    ctx.diagnostics.push(...printed.diagnostics);
    if (!printed.pdf) {
      // A document whose PDF failed loses its HTML too (its outputs are one unit); when no PDF
      // can be printed at all, the HTML outputs still land beside the exit-3 report.
      if (!printed.unavailable) outcome.failed = true;
      return;
    }
    await stageFile(toOutputFile(r, 'pdf', printed.pdf.bytes, printed.pdf.pages));
    // Without an HTML output the next build can reuse this PDF only through the cached HTML.
    if (!wantsHtml && outcome.unit.htmlBlob !== undefined && !outcome.failed) await writeCacheBlob(config.root, outcome.unit.htmlBlob, r.html);
  }
}

/** The PDF stage as the stream uses it: a printer, started at once or at the first job. */
interface Printing {
  /** How many jobs the build will send (for progress; asked on each report). */
  expect(jobs: () => number): void;
  print(job: PdfJob): Promise<PrintOutcome>;
  close(): Promise<void>;
}

function startPrinting(config: Config, options: BuildOptions, now: boolean): Printing {
  let total = () => 0;
  let printer: Promise<Printer> | undefined;
  const onProgress = options.onProgress;
  const open = () =>
    (printer ??= loadPdfStage().then(({ createPrinter }) =>
      createPrinter({
        browser: config.browser,
        concurrency: config.concurrency,
        timeoutMs: config.pdfTimeout,
        producer: `${toolName} ${toolVersion}`,
        sourceDateEpoch: process.env['SOURCE_DATE_EPOCH'],
        onProgress: onProgress && ((p) => onProgress({ stage: 'pdf', ...p })),
        total: () => total(),
      }),
    ));
  if (now) open();
  return {
    expect: (jobs) => {
      total = jobs;
    },
    print: async (job) => (await open()).print(job),
    close: async () => {
      if (printer) await (await printer).close();
    },
  };
}

function selectDocuments(model: Model, config: Config): DocumentEntity[] {
  const all = [...model.documents.values()];
  return config.only.length === 0 ? all : all.filter((d) => matchesAny(d.id, config.only));
}

/** Reused units read ahead of the stream (each a HTML and maybe a PDF in memory). */
const reuseReadAhead = 8;

/** What the units of a build are, which the cache gives back, and progress as each is done. */
interface UnitPlan {
  readonly recipients: ReadonlyMap<DocumentEntity, readonly (RecipientEntity | undefined)[]>;
  /** Units that want a PDF and are not reused: what the printer will be asked for, at most. */
  readonly pdfJobs: number;
  /** The unit's previous render, or undefined (then it is rendered, and counted in pdfJobs). */
  reuse(unit: BuildUnit): Promise<ReusedUnit | undefined>;
  onUnit(unit: BuildUnit, ok: boolean, reused: boolean): void;
}

/** Every output unit (document × recipient) of the selected documents, cut to this shard. */
async function planUnits(model: Model, documents: readonly DocumentEntity[], config: Config, cache: BuildCache | undefined, files: ProjectFiles, options: BuildOptions): Promise<UnitPlan> {
  const all = documents.flatMap((document) =>
    (document.recipients === undefined ? [undefined] : [...(model.recipientLists.get(document.recipients)?.recipients ?? [])]).map((recipient): BuildUnit => ({ document, recipient })),
  );
  const units = selectShard(all, config.shard, (u) => outputPath(u.document.id, u.recipient?.id, 'html'));
  await cache?.prepare({ config, files, model, units });
  const recipients = new Map<DocumentEntity, (RecipientEntity | undefined)[]>();
  for (const u of units) recipients.set(u.document, [...(recipients.get(u.document) ?? []), u.recipient]);
  let done = 0;
  let last = performance.now();
  let pdfJobs = units.filter((u) => wantsFormat(u.document, config, 'pdf') && !cache?.mayReuse(u)).length;
  // The stream takes units in this order: the next few reused ones are read while this one is
  // checked, so the reads overlap without every reused file being held at once.
  const position = new Map(units.map((u, i) => [outputPath(u.document.id, u.recipient?.id, 'html'), i]));
  const reading = new Map<number, Promise<ReusedUnit | undefined>>();
  let readUpTo = 0;
  const startReading = (i: number) => {
    const unit = units[i];
    if (cache && unit && !reading.has(i) && cache.mayReuse(unit)) reading.set(i, cache.reuse(unit));
  };
  return {
    recipients,
    get pdfJobs() {
      return pdfJobs;
    },
    reuse: async (unit) => {
      const i = position.get(outputPath(unit.document.id, unit.recipient?.id, 'html'));
      if (!cache?.mayReuse(unit) || i === undefined) return undefined;
      startReading(i);
      for (readUpTo = Math.max(readUpTo, i + 1); readUpTo <= i + reuseReadAhead; readUpTo++) startReading(readUpTo);
      const hit = await reading.get(i);
      reading.delete(i);
      // Its files changed since they were recorded: it is rendered and printed after all.
      if (!hit && wantsFormat(unit.document, config, 'pdf')) pdfJobs += 1;
      return hit;
    },
    onUnit: (unit, ok, reused) => {
      const now = performance.now();
      done += 1;
      const path = outputPath(unit.document.id, unit.recipient?.id, 'html');
      options.onProgress?.({ stage: 'html', path, ok, reused, pages: null, ms: Math.round(now - last), done, total: units.length });
      last = now;
    },
  };
}

function wantsFormat(document: DocumentEntity, config: Config, format: 'html' | 'pdf'): boolean {
  return document.formats.includes(format) && config.formats.includes(format);
}

/**
 * Renders each section once (its HTML does not depend on the document) and then every
 * document for every recipient, one unit at a time as the stream asks for it. Problems are
 * collected; one failed output does not stop others.
 */
async function* renderUnits(
  model: Model,
  env: TemplateEnvironment,
  documents: readonly DocumentEntity[],
  diagnostics: Diagnostic[],
  flags: { failFast: boolean },
  plan: UnitPlan,
  parts: DocumentParts,
): AsyncGenerator<RenderedDocument> {
  for (const document of documents) {
    if (flags.failFast && hasError(diagnostics)) break;
    const fresh: (RecipientEntity | undefined)[] = [];
    for (const recipient of plan.recipients.get(document) ?? []) {
      const hit = await plan.reuse({ document, recipient });
      if (hit) {
        // Its render's warnings are reported again (before the stream checks it): a cache hit hides nothing.
        diagnostics.push(...hit.diagnostics);
        plan.onUnit({ document, recipient }, true, true);
        yield { ...hit, reused: hit };
      } else fresh.push(recipient);
    }
    if (fresh.length === 0) continue;
    const documentParts = parts.of(document, diagnostics);
    if (partsHaveError(documentParts)) continue;
    const { sections, bluf, css } = documentParts;
    for (const recipient of fresh) {
      const result = renderDocument(model, env, document, recipient, documentParts);
      diagnostics.push(...result.diagnostics);
      plan.onUnit({ document, recipient }, result.html !== undefined, false);
      if (result.html === undefined) continue;
      yield {
        document,
        recipient,
        html: result.html,
        diagnostics: [...sections.flatMap((s) => s.diagnostics), ...(bluf?.diagnostics ?? []), ...css.diagnostics, ...result.diagnostics],
        facts: result.factsUsed,
        sources: result.sourcesCited,
        templates: [...new Set([...result.templatesUsed, ...result.assetsUsed])].sort(),
      };
    }
  }
}

/** A document's rendered sections and style sheet, each rendered once for all the documents using it. */
interface DocumentParts {
  /** Renders what `document` needs and has not been rendered yet; each new part's problems go to `report`. */
  of(document: DocumentEntity, report: Diagnostic[]): { sections: SectionHtml[]; bluf: SectionHtml | undefined; css: ResolvedCss };
}

function createDocumentParts(model: Model): DocumentParts {
  // Made at the first section: a build whose units all come from the cache renders none.
  let processor: ReturnType<typeof createMarkdownProcessor> | undefined;
  const section = madeOnce((id): SectionHtml => {
    const found = model.sections.get(id);
    if (!found) throw new Error(`Cannot render unknown section \`${id}\``);
    return renderSectionSafely((processor ??= createMarkdownProcessor()), found, model);
  });
  const style = madeOnce((layout): ResolvedCss => {
    const sheet = model.styles.get(layout) ?? model.styles.get('base');
    return sheet ? resolveCss(sheet, { styles: model.styles, assets: model.assets }) : { css: '', files: [], diagnostics: [] };
  });
  return {
    of: (document, report) => ({
      sections: document.sections.map((id) => section(id, report)),
      bluf: document.bluf === undefined ? undefined : section(document.bluf, report),
      css: style(document.layout, report),
    }),
  };
}

/** Makes each key's value once, and reports its problems then. */
function madeOnce<T extends { readonly diagnostics: readonly Diagnostic[] }>(make: (key: string) => T): (key: string, report: Diagnostic[]) => T {
  const made = new Map<string, T>();
  return (key, report) => {
    let value = made.get(key);
    if (!value) {
      value = make(key);
      made.set(key, value);
      report.push(...value.diagnostics);
    }
    return value;
  };
}

/** A section or the style sheet has an error: the document cannot be rendered. */
function partsHaveError(parts: ReturnType<DocumentParts['of']>): boolean {
  return [...parts.sections, ...(parts.bluf ? [parts.bluf] : [])].some((s) => hasError(s.diagnostics)) || hasError(parts.css.diagnostics);
}

function renderDocument(model: Model, env: TemplateEnvironment, document: DocumentEntity, recipient: RecipientEntity | undefined, parts: ReturnType<DocumentParts['of']>) {
  return renderHtml({
    model,
    env,
    document,
    recipient,
    sections: parts.sections,
    bluf: parts.bluf,
    css: parts.css.css,
    cssFiles: parts.css.files,
    generator: `${toolName} ${toolVersion}`,
  });
}

/**
 * The section pipeline recurses over the tree; the content stage refuses deep nesting before it
 * gets here, so an overflow is a gap in that pre-scan — still reported on the section, not a crash.
 */
function renderSectionSafely(processor: ReturnType<typeof createMarkdownProcessor>, section: SectionEntity, model: Model): SectionHtml {
  try {
    return processor.renderSection(section, model);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const diagnostic = createDiagnostic('markdown-too-complex', { file: section.path, message: `Section \`${section.id}\` is too complex to render: ${error.message}` });
    return { id: section.id, html: '', factsUsed: new Set(), sourcesUsed: new Set(), assetsUsed: new Set(), diagnostics: [diagnostic] };
  }
}

/** Reserved names and two outputs on one path are refused before anything is rendered. */
function checkOutputPaths(model: Model, documents: readonly DocumentEntity[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const paths: { path: string; file: string; document: DocumentEntity }[] = [];
  for (const document of documents) {
    const problem = outputNameProblem(document.id, 'document');
    if (problem) diagnostics.push(createDiagnostic('output-path-invalid', { file: document.origin.file, range: document.origin.range([]), message: `Document id ${problem}` }));
    const recipients = document.recipients === undefined ? [undefined] : [...(model.recipientLists.get(document.recipients)?.recipients ?? [])];
    for (const recipient of recipients) {
      const recipientProblem = recipient && outputNameProblem(recipient.id, 'recipient');
      if (recipient && recipientProblem) {
        diagnostics.push(createDiagnostic('output-path-invalid', { file: recipient.origin.file, range: recipient.origin.range(['id']), message: `Recipient id ${recipientProblem}` }));
      }
      for (const format of (['html', 'pdf'] as const).filter((f) => document.formats.includes(f))) paths.push({ path: outputPath(document.id, recipient?.id, format), file: recipient?.origin.file ?? document.origin.file, document });
    }
  }
  for (const collision of findOutputCollisions(paths.map((p) => p.path))) {
    const owner = paths.find((p) => p.path === collision.path)!;
    diagnostics.push(
      createDiagnostic('output-path-invalid', {
        file: owner.file,
        range: owner.document.origin.range([]),
        message: `Output \`${collision.path}\` would overwrite \`${collision.with}\` on a case-insensitive file system`,
      }),
    );
  }
  return diagnostics;
}

/**
 * A fact or source that failed validation is not in the model: its error is reported at its own
 * file, and a document using it cannot be rendered.
 */
function hasAllEntities(model: Model, uses: { facts: readonly string[]; sources: readonly string[] }): boolean {
  return uses.facts.every((id) => model.facts.has(id)) && uses.sources.every((id) => model.sources.has(id));
}

/** A section that failed validation is not in the model; its own error is reported at its file. */
function hasAllSections(model: Model, document: DocumentEntity): boolean {
  return [...document.sections, ...(document.bluf === undefined ? [] : [document.bluf])].every((id) => model.sections.has(id));
}

/** Everything one document is made of, for keep-going: an error elsewhere does not stop it. */
function documentDependencies(model: Model, document: DocumentEntity, templateFiles: (document: DocumentEntity) => readonly string[], used?: { facts: readonly string[]; sources: readonly string[] }): OutputDependencies {
  const sectionIds = [...document.sections, ...(document.bluf === undefined ? [] : [document.bluf])];
  const files = [document.origin.file, ...templateFiles(document)];
  for (const id of sectionIds) {
    const section = model.sections.get(id);
    if (section) files.push(section.path);
  }
  if (document.recipients !== undefined) {
    const list = model.recipientLists.get(document.recipients);
    if (list) files.push(list.origin.file);
  }
  if (model.publisher) files.push(model.publisher.origin.file);
  const entities = [
    ...(used?.facts ?? []).map((id) => model.facts.get(id)),
    ...(used?.sources ?? []).map((id) => model.sources.get(id)),
  ].flatMap((e) => (e ? [{ file: e.origin.file, range: e.origin.range([]) }] : []));
  return { files, entities };
}

/** What a document uses as its files say, before rendering: an error in any of it skips the render. */
function staticUses(model: Model, document: DocumentEntity): { facts: readonly string[]; sources: readonly string[] } {
  const facts = [...factsUsedByDocument(model, document)];
  const sources = new Set(facts.flatMap((id) => model.facts.get(id)?.sources ?? []));
  return { facts, sources: [...sources] };
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
  return { ...outputMetadata(r, format, pages), bytes };
}

/** What the manifest says of an output besides its bytes. */
function outputMetadata(r: RenderedDocument, format: 'html' | 'pdf', pages: number | null): Omit<OutputFile, 'bytes'> {
  return {
    path: outputPath(r.document.id, r.recipient?.id, format),
    format,
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
  outputs: readonly OutputSummary[],
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
    outputs: [...outputs],
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
