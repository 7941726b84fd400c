/**
 * The print page lives on this origin, answered by request interception, never on file:// or
 * about:blank: the page then has no filesystem access and no way to reach a real host
 * (`.invalid` never resolves, RFC 2606).
 */
export const virtualOrigin = 'https://briefwright.invalid';

/**
 * The empty page every print tab loads once from the virtual origin; each document is then
 * written into it, so it keeps that origin without a navigation per document.
 */
export const printShell = {
  url: `${virtualOrigin}/`,
  html: '<!doctype html><html><head><meta charset="utf-8"><title>briefwright</title></head><body></body></html>',
} as const;
