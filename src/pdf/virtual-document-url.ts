/**
 * The print page is served from this origin by request interception, never from file:// or
 * about:blank: the page then has no filesystem access and no way to reach a real host
 * (`.invalid` never resolves, RFC 2606).
 */
export const virtualOrigin = 'https://briefwright.invalid';

/** `letter/chair.pdf` → `https://briefwright.invalid/letter/chair.html`. */
export function virtualDocumentUrl(outputPath: string): string {
  const htmlPath = outputPath.replace(/\.pdf$/, '.html');
  return `${virtualOrigin}/${htmlPath.split('/').map(encodeURIComponent).join('/')}`;
}
