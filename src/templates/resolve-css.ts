import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { TextFile } from '../content/text-file.js';
import { createDiagnostic, createLocator, type Diagnostic } from '../diagnostics/index.js';
import { resolveProjectPath, toDataUrl } from '../markdown/asset-url.js';

export interface ResolvedCss {
  readonly css: string;
  /** Project files the CSS was built from, for the manifest and the cache. */
  readonly files: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

export interface ResolveCssOptions {
  readonly styles: ReadonlyMap<string, TextFile>;
  readonly assets: ReadonlyMap<string, Uint8Array>;
}

/** Only font packages may be imported from node_modules: fonts must ship inside the HTML. */
const packageImport = /^@fontsource(?:-variable)?\/[a-z0-9-]+\/[a-z0-9-]+\.css$/;
const importRule = /@import\s+(?:url\()?\s*["']([^"']+)["']\s*\)?\s*;/g;
const urlToken = /url\(\s*(["']?)([^"')]+)\1\s*\)/g;

const require = createRequire(import.meta.url);
const packageCssCache = new Map<string, string>();

/**
 * Resolves a stylesheet from templates/styles into one self-contained CSS string: local
 * `@import`s are inlined, `@import "@fontsource/<family>/<subset>.css"` pulls the font face
 * from the package with its woff2 embedded as a data: URL, and `url()` references to project
 * images are embedded. Nothing is left for the browser to fetch.
 */
export function resolveCss(entry: TextFile, options: ResolveCssOptions): ResolvedCss {
  const diagnostics: Diagnostic[] = [];
  const files = new Set<string>();
  const seen = new Set<string>();

  const inlineFile = (file: TextFile): string => {
    if (seen.has(file.path)) return '';
    seen.add(file.path);
    files.add(file.path);
    const locator = createLocator(file.text);
    const withImports = file.text.replace(importRule, (match, target: string, offset: number) => {
      if (packageImport.test(target)) {
        try {
          return packageCss(target);
        } catch (error) {
          // A font package that is not installed, or a subset file without a woff2 font: the
          // stylesheet's problem, reported at its import (it crashed the build before).
          if (!(error instanceof FontImportProblem)) throw error;
          diagnostics.push(
            createDiagnostic('template-missing-partial', {
              file: file.path,
              range: locator.range(offset, offset + match.length),
              message: `Cannot inline \`@import "${target}"\`: ${error.message}`,
              hint: 'Import a subset file of an installed @fontsource package, e.g. `@import "@fontsource/source-serif-4/latin-400.css";` after `npm install @fontsource/source-serif-4`.',
            }),
          );
          return '';
        }
      }
      const stem = target.replace(/^\.\//, '').replace(/\.css$/, '');
      const local = options.styles.get(stem);
      if (local && !stem.includes('/')) return inlineFile(local);
      diagnostics.push(
        createDiagnostic('template-missing-partial', {
          file: file.path,
          range: locator.range(offset, offset + match.length),
          message: `Cannot resolve \`@import "${target}"\``,
          hint: 'Import a file from templates/styles (`@import "fonts.css";`) or a font subset (`@import "@fontsource/source-serif-4/latin-400.css";`).',
        }),
      );
      return '';
    });
    return withImports.replace(urlToken, (match, _quote: string, target: string, offset: number) => {
      if (target.startsWith('data:') || target.startsWith('#')) return match;
      const path = resolveProjectPath(file.path, target);
      const bytes = path === undefined ? undefined : options.assets.get(path);
      if (path !== undefined && bytes) {
        files.add(path);
        return `url("${toDataUrl(path, bytes)}")`;
      }
      diagnostics.push(
        createDiagnostic('image-missing', {
          file: file.path,
          range: locator.range(offset, offset + match.length),
          message: `Cannot embed \`${target}\` referenced from CSS`,
          hint: 'Reference an image under templates/assets relative to the stylesheet, e.g. `url("../assets/logo.svg")`.',
        }),
      );
      return 'none';
    });
  };

  const css = inlineFile(entry);
  return { css, files: [...files].sort(), diagnostics };
}

/**
 * Inlines now the font packages these style sheets import (into packageCss's cache), so that a
 * build's first render does not: finding each package (`require.resolve`) took ≈7 ms of the
 * first briefing's render, which holds up the output reader. The build calls it while the
 * Markdown thread parses the sections and this thread would only wait. A package that cannot be
 * inlined is left alone here: resolveCss meets it as before.
 */
export function preloadStyleImports(styles: readonly TextFile[]): void {
  for (const file of styles) {
    for (const [, target] of file.text.matchAll(importRule)) {
      if (target === undefined || !packageImport.test(target)) continue;
      try {
        packageCss(target);
      } catch (error) {
        // resolveCss reaches the same import and reports it there, as without this pass.
        if (!(error instanceof FontImportProblem)) throw error;
      }
    }
  }
}

/** Why a font package import cannot be inlined: the stylesheet's problem, not a bug here. */
class FontImportProblem extends Error {}

/** Node's errors for a package or file that is not there (require.resolve, readFileSync). */
const missingCodes = new Set(['MODULE_NOT_FOUND', 'ERR_PACKAGE_PATH_NOT_EXPORTED', 'ENOENT']);

/** A @fontsource CSS file with its woff2 embedded and the woff fallback dropped. */
function packageCss(specifier: string): string {
  const cached = packageCssCache.get(specifier);
  if (cached !== undefined) return cached;
  const found = <T>(read: () => T): T => {
    try {
      return read();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException | null)?.code;
      if (code !== undefined && missingCodes.has(code)) throw new FontImportProblem((error as Error).message.split('\n')[0]);
      throw error;
    }
  };
  const cssPath = found(() => require.resolve(specifier));
  const source = readFileSync(cssPath, 'utf8');
  const css = source.replace(/src:\s*([^;]+);/g, (_match, sources: string) => {
    const woff2 = /url\(([^)]+\.woff2)\)/.exec(sources);
    if (!woff2?.[1]) throw new FontImportProblem(`No woff2 font in ${specifier}`);
    const bytes = found(() => readFileSync(join(dirname(cssPath), woff2[1]!)));
    return `src: url(data:font/woff2;base64,${bytes.toString('base64')}) format('woff2');`;
  });
  packageCssCache.set(specifier, css);
  return css;
}
