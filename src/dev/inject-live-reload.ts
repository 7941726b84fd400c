import { cspMetaPattern, setCspDirective } from '../templates/set-csp-directive.js';
import { clientPath } from './live-reload-client.js';

const cspMeta = new RegExp(cspMetaPattern, 'i');

/**
 * A served copy of an output page with the live-reload script. Outputs carry a strict CSP
 * (`default-src 'none'`), so the served copy's policy gains exactly `script-src 'self'` and
 * `connect-src 'self'` (the script and its event stream, from the dev server's own origin);
 * everything else in it stays as built, and the file on disk is untouched.
 */
export function injectLiveReload(html: string): string {
  const withPolicy = html.replace(cspMeta, (_, open: string, policy: string, close: string) => `${open}${allowDevScript(policy)}${close}`);
  const tag = `<script src="${clientPath}" defer></script>`;
  const headEnd = withPolicy.search(/<\/head>/i);
  return headEnd === -1 ? `${tag}\n${withPolicy}` : `${withPolicy.slice(0, headEnd)}${tag}\n${withPolicy.slice(headEnd)}`;
}

function allowDevScript(policy: string): string {
  return setCspDirective(setCspDirective(policy, 'script-src', ["'self'"]), 'connect-src', ["'self'"]);
}
