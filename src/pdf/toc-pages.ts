/**
 * The TOC contract with the layouts: each entry carries an EMPTY
 * `<span class="toc-page" data-target="ID"></span>`; the PDF stage fills in the page number.
 * These functions only read and rewrite that span in the HTML text, so the print page never
 * needs JavaScript (it is disabled there).
 */

/** A `<span …class="toc-page"…>…</span>` with any attribute order; group 1 = attributes, 2 = content. */
const tocSpan = /<span\b([^>]*\bclass\s*=\s*"(?:[^"]*\s)?toc-page(?:\s[^"]*)?"[^>]*)>([^<]*)<\/span>/g;
const dataTarget = /\bdata-target\s*=\s*"([^"]*)"/;

/** Ids the TOC points at, in document order, each once. */
export function findTocTargets(html: string): string[] {
  const ids: string[] = [];
  for (const match of html.matchAll(tocSpan)) {
    const id = targetOf(match[1] ?? '');
    if (id !== undefined && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

/**
 * Writes each target's page number into its span (replacing whatever the span held, so a
 * later pass can refill it). Targets without a known page are left empty.
 */
export function fillTocPages(html: string, pages: ReadonlyMap<string, number>): string {
  return html.replace(tocSpan, (whole, attributes: string) => {
    const id = targetOf(attributes);
    if (id === undefined) return whole;
    const page = pages.get(id);
    return `<span${attributes}>${page === undefined ? '' : String(page)}</span>`;
  });
}

/** True when every target has the same page in both maps (a TOC pass changed nothing). */
export function samePages(targets: readonly string[], a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  return targets.every((id) => a.get(id) === b.get(id));
}

function targetOf(attributes: string): string | undefined {
  const raw = dataTarget.exec(attributes)?.[1];
  return raw === undefined ? undefined : decodeAttribute(raw);
}

/** Handlebars escapes attribute values; ids are kebab-case, but decode the few escapes it emits. */
function decodeAttribute(value: string): string {
  return value.replace(/&(amp|lt|gt|quot|#x27|#39|#x3D|#x60);/g, (_, name: string) =>
    ({ amp: '&', lt: '<', gt: '>', quot: '"', '#x27': "'", '#39': "'", '#x3D': '=', '#x60': '`' })[name] ?? '',
  );
}
