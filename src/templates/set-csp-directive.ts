/**
 * The Content-Security-Policy `<meta>` as the layouts write it (http-equiv, then a double-quoted
 * content), in three groups: the text up to the policy, the policy, the closing quote. Served or
 * printed copies of an output rewrite its policy through this; the file in out/ keeps its own.
 */
export const cspMetaPattern = String.raw`(<meta\s+http-equiv=["']Content-Security-Policy["']\s+content=")([^"]*)(")`;

/** The policy with directive `name` replaced by (or, when absent, given) exactly `sources`, placed last. */
export function setCspDirective(policy: string, name: string, sources: readonly string[]): string {
  const others = policy
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d !== '' && d.split(/\s+/)[0]!.toLowerCase() !== name);
  return [...others, [name, ...sources].join(' ')].join('; ');
}
