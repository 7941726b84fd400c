/** Schemes a template may put in a link: the web, mail and phone. */
const allowedSchemes = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/**
 * The URL a template may write into href/src, or undefined when it must not: a link with a
 * scheme outside http, https, mailto and tel (javascript:, vbscript:, data:, file: …), or
 * anything that is not a string. Fragments (`#id`) and scheme-less relative links (another
 * output, `faq.html`) are kept. Browsers ignore tabs, newlines and leading control characters
 * in schemes (`java\tscript:`), so they are removed before the scheme is read.
 */
export function safeUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const cleaned = value.replace(/[\u0000-\u0020\u007f]+/g, (match, offset: number) => (offset === 0 ? '' : /[\t\n\r]/.test(match) ? '' : match));
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(cleaned)?.[1];
  if (scheme === undefined) {
    // No scheme: relative or a fragment — unless a colon before any / ? # makes browsers read one.
    const beforePath = cleaned.split(/[/?#]/, 1)[0] ?? '';
    return beforePath.includes(':') ? undefined : cleaned;
  }
  return allowedSchemes.has(`${scheme.toLowerCase()}:`) ? cleaned : undefined;
}
