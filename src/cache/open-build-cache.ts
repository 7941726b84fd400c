import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { BuildResult, OutputSummary } from '../build.js';
import type { BuildOptions, Config } from '../config/load-config.js';
import type { ProjectFiles } from '../content/read-project.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { OutputRecord } from '../output/output-file.js';
import { outputPath } from '../output/output-path.js';
import { writeBuildCache } from '../output/write-build-cache.js';
import type { DocumentEntity, Model, RecipientEntity } from '../schema/model.js';
import { cacheFormat, htmlBlobPath, type CachedFile, type UnitRecord } from './build-state.js';
import { createUnitKeyer, type UnitDependencies, type UnitKeyer } from './create-unit-keyer.js';
import { fingerprintBrowser } from './fingerprint-browser.js';
import { fingerprintTool } from './fingerprint-tool.js';
import { hashText } from './hash-text.js';
import { readUnchangedBuild } from './read-unchanged-build.js';

/** One document for one recipient (or for nobody): the unit the cache reuses or renders. */
export interface BuildUnit {
  readonly document: DocumentEntity;
  readonly recipient: RecipientEntity | undefined;
}

/** A unit as the build holds it after rendering (or reusing) it. */
export interface RenderedUnit extends BuildUnit, UnitDependencies {
  readonly html: string;
  /** What rendering this unit reported (sections, styles, template). */
  readonly diagnostics: readonly Diagnostic[];
}

/** A previous render whose inputs are unchanged and whose files are intact. */
export interface ReusedUnit extends RenderedUnit {
  /** sha256 of its HTML, checked against the bytes read back. */
  readonly htmlSha256: string;
  /** Its files in out/ this build wants, as recorded; each was read back with the recorded hash. */
  readonly files: readonly CachedFile[];
}

/** A unit as the cache records it once its outputs are written. */
export interface FinishedUnit extends BuildUnit, UnitDependencies {
  /**
   * Only for a unit without an HTML output: the sha256 of its HTML, written to the cache
   * (write-cache-blob.ts) once its PDF was staged. A unit with one is known by that file's hash.
   */
  readonly htmlBlob: string | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

export interface SaveBuildInput {
  readonly units: readonly FinishedUnit[];
  /** The files written (manifest entries). */
  readonly files: readonly OutputRecord[];
  /** Every diagnostic of the build, for the no-change replay. */
  readonly diagnostics: readonly Diagnostic[];
  readonly outputs: readonly OutputSummary[];
}

export interface BuildCache {
  /** Set when nothing changed since the last successful build: its result, and nothing to do. */
  readonly unchanged: BuildResult | undefined;
  /** Once the project is validated: decides which planned units may be reused (their inputs hash as before). */
  prepare(input: { config: Config; files: ProjectFiles; model: Model; units: readonly BuildUnit[] }): Promise<void>;
  /** True when the unit's inputs are unchanged: reuse() will give it back unless its files changed since. */
  mayReuse(unit: BuildUnit): boolean;
  /**
   * The unit's previous render, read from out/ (and the cache) only now, when the stream takes it:
   * a partial rebuild of a large merge never holds every reused HTML and PDF at once. Undefined
   * when its files no longer hash as recorded; the build then renders it.
   */
  reuse(unit: BuildUnit): Promise<ReusedUnit | undefined>;
  /** True when an earlier build of this out directory recorded units: this build may reuse most of them. */
  hasPrevious(outDir: string): boolean;
  /** After writing: records every written unit and, without errors, the whole build. */
  save(input: SaveBuildInput): Promise<void>;
}

const unitId = (unit: BuildUnit) => (unit.recipient === undefined ? unit.document.id : `${unit.document.id}/${unit.recipient.id}`);

/**
 * The incremental build, in three calls from build.ts. Validation is never skipped except when
 * every input is unchanged (`unchanged`); otherwise the whole project is validated as usual and
 * only rendering is saved, unit by unit, for units whose inputs hash as before (see
 * create-unit-keyer.ts). A reused unit goes through the post-render checks like a fresh one and
 * brings back the warnings its render reported, so a cache hit hides nothing.
 */
export async function openBuildCache(options: BuildOptions): Promise<BuildCache> {
  const root = resolve(options.root ?? '.');
  const { result: unchanged, fingerprint, state } = await readUnchangedBuild(options);
  const candidates = new Map<string, UnitRecord>();
  let keyer: UnitKeyer | undefined;
  let config: Config | undefined;

  return {
    unchanged,
    async prepare(input) {
      config = input.config;
      keyer = createUnitKeyer({
        tool: await fingerprintTool(),
        model: input.model,
        files: input.files,
        environment: { SOURCE_DATE_EPOCH: process.env['SOURCE_DATE_EPOCH'] ?? null, browser: input.config.browser ?? null, browserFiles: fingerprintBrowser(input.config.browser) },
      });
      if (!input.config.cache) return;
      const records = state.units[input.config.out] ?? {};
      for (const unit of input.units) {
        const record = records[unitId(unit)];
        if (record && isReusable(input.config, unit, record, keyer)) candidates.set(unitId(unit), record);
      }
    },
    mayReuse: (unit) => candidates.has(unitId(unit)),
    reuse: async (unit) => {
      const record = candidates.get(unitId(unit));
      return record && config ? loadReusable(root, config, unit, record) : undefined;
    },
    hasPrevious: (outDir) => Object.keys(state.units[outDir] ?? {}).length > 0,
    async save(input) {
      if (!keyer || !config) return;
      const byPath = new Map(input.files.map((f) => [f.path, f]));
      const units: Record<string, UnitRecord> = {};
      for (const unit of input.units) {
        const files: CachedFile[] = [];
        for (const format of ['html', 'pdf'] as const) {
          const file = byPath.get(outputPath(unit.document.id, unit.recipient?.id, format));
          if (file) files.push({ path: file.path, format, sha256: file.sha256, bytes: file.size, pages: file.pages });
        }
        if (files.length === 0) continue;
        const htmlSha256 = files.find((f) => f.format === 'html')?.sha256 ?? unit.htmlBlob;
        if (htmlSha256 === undefined) throw new Error(`Unit ${unitId(unit)} has no HTML output and no HTML kept for the cache`);
        units[unitId(unit)] = {
          key: keyer(unit.document, unit.recipient, unit),
          htmlSha256,
          facts: [...unit.facts],
          sources: [...unit.sources],
          templates: [...unit.templates],
          files,
          diagnostics: [...unit.diagnostics],
        };
      }
      const outDir = config.out;
      const clean = !input.diagnostics.some((d) => d.severity === 'error');
      const written = clean
        ? await Promise.all(
            [...input.files.map((f) => f.path), 'index.html', 'manifest.json'].map(async (path) => {
              const info = await stat(join(outDir, path));
              return { path, size: info.size, mtimeMs: info.mtimeMs };
            }),
          ).catch(() => undefined)
        : undefined;
      const last = written ? { fingerprint, outDir, written, diagnostics: [...input.diagnostics], outputs: [...input.outputs] } : null;
      // Failing to write the cache only costs the next build time; the build itself succeeded.
      await writeBuildCache(root, { format: cacheFormat, last, units: { ...state.units, [outDir]: units } });
    },
  };
}

function wantedFormats(config: Config, unit: BuildUnit): ('html' | 'pdf')[] {
  return (['html', 'pdf'] as const).filter((f) => unit.document.formats.includes(f) && config.formats.includes(f));
}

/** The record has every file this build wants of the unit, and the unit's inputs hash as they did. */
function isReusable(config: Config, unit: BuildUnit, record: UnitRecord, keyer: UnitKeyer): boolean {
  if (wantedFormats(config, unit).some((format) => !record.files.some((f) => f.format === format))) return false;
  return keyer(unit.document, unit.recipient, record) === record.key;
}

/**
 * The unit's previous render, if its files read back with the recorded hashes. Each file is
 * read and hashed once; only the HTML is kept (the checks read it), the PDF stays on disk.
 */
async function loadReusable(root: string, config: Config, unit: BuildUnit, record: UnitRecord): Promise<ReusedUnit | undefined> {
  const formats = wantedFormats(config, unit);
  const wanted = record.files.filter((f) => formats.includes(f.format));
  const intact = async (path: string, sha256: string) => {
    const bytes = await readFile(path).catch(() => undefined);
    return bytes && hashText(bytes) === sha256 ? bytes : undefined;
  };
  const htmlFile = wanted.find((f) => f.format === 'html');
  // An HTML output's hash is the unit's htmlSha256 (see save); without one, the HTML is a cache blob.
  if (htmlFile && htmlFile.sha256 !== record.htmlSha256) return undefined;
  const htmlBytes = await intact(htmlFile ? join(config.out, htmlFile.path) : htmlBlobPath(root, record.htmlSha256), record.htmlSha256);
  if (!htmlBytes) return undefined;
  for (const file of wanted) if (file !== htmlFile && !(await intact(join(config.out, file.path), file.sha256))) return undefined;
  return {
    document: unit.document,
    recipient: unit.recipient,
    html: new TextDecoder().decode(htmlBytes),
    htmlSha256: record.htmlSha256,
    facts: record.facts,
    sources: record.sources,
    templates: record.templates,
    diagnostics: record.diagnostics,
    files: wanted,
  };
}
