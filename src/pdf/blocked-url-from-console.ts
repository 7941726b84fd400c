/**
 * Requests Chromium refuses before they reach request interception still have to fail the
 * document: a CSP violation (the HTML carries `default-src 'none'`) and a `file://` load from
 * the https virtual origin. Chromium reports both only as console errors (JavaScript is off in
 * the print page, so every console error comes from the browser itself). Returns the URL named
 * in such a message, or undefined for anything else.
 */
export function blockedUrlFromConsole(type: string, text: string): string | undefined {
  if (type !== 'error') return undefined;
  const local = /^Not allowed to load local resource: (\S+)/.exec(text);
  if (local) return local[1];
  if (/Content Security Policy/.test(text)) {
    // "Loading the image 'URL' violates …", "Refused to frame 'URL' because it violates …"
    const quoted = /'([^']+)'/.exec(text);
    return quoted?.[1] ?? text;
  }
  return undefined;
}
