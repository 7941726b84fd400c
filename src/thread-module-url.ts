/**
 * The compiled module a worker thread imports, named by its path under src/
 * (`content/parse-markdown.js`), for a caller in that stage's folder: the module beside the caller
 * (in dist/<stage>/, or in the bundle's dist/bin/, where each such module is an entry of its own),
 * or, when the caller runs from the TypeScript sources under test, the one the test setup
 * compiled: a worker thread cannot load TypeScript on Node 20.
 */
export function threadModuleUrl(callerUrl: string, path: string): string {
  const beside = `./${path.slice(path.lastIndexOf('/') + 1)}`;
  return new URL(callerUrl.endsWith('.ts') ? `../../dist/${path}` : beside, callerUrl).href;
}
