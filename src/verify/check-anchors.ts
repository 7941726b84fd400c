import { createDiagnostic, createLocator, type Diagnostic, type Range } from '../diagnostics/index.js';
import type { DocumentEntity, Model } from '../schema/model.js';
import { decodeFragment, isRelativeUrl, resolveOutputUrl, sectionLinks } from '../validate/document-links.js';
import { templateClosure } from '../validate/template-index.js';
import type { OutputReading } from './read-output.js';

/** What the anchor checks need of a finished output: its ids and the links it makes. */
export type AnchorTarget = Pick<OutputReading, 'ids' | 'hrefs'>;

export interface AnchorSubject {
  readonly path: string;
  readonly document: DocumentEntity;
  readonly reading: AnchorTarget;
}

/**
 * Every `#anchor` in a finished output names an id of that output, and every link to another
 * output's anchor (`faq.html#costs`) an id of that output when it was rendered in the same run.
 * Checked on the finished HTML because only it has every id: heading slugs namespaced per
 * section, the layout's own ids, the sources list. A broken link is reported where it was
 * written — the section link or the template text — found by its exact URL. `scope` splits the
 * two checks: a streaming build checks an output's own anchors as soon as it is rendered, and
 * links between outputs once all of them are (only their ids are kept until then).
 */
export function checkAnchors(model: Model, subject: AnchorSubject, all: ReadonlyMap<string, AnchorTarget>, scope: 'own' | 'between'): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const href of subject.reading.hrefs) {
    if (seen.has(href)) continue;
    seen.add(href);
    let targetIds: ReadonlySet<string> | undefined;
    let fragment: string | undefined;
    let targetName: string;
    if (href.startsWith('#')) {
      if (scope === 'between') continue;
      fragment = decodeFragment(href.slice(1));
      targetIds = subject.reading.ids;
      targetName = subject.path;
    } else if (isRelativeUrl(href)) {
      if (scope === 'own') continue;
      const resolved = resolveOutputUrl(subject.path, href);
      if (resolved.path === undefined || resolved.fragment === undefined || !resolved.path.endsWith('.html')) continue;
      fragment = resolved.fragment;
      targetIds = all.get(resolved.path)?.ids;
      targetName = resolved.path;
    } else {
      continue;
    }
    if (!targetIds || fragment === '' || fragment === 'top' || targetIds.has(fragment)) continue;
    out.push(...reportBroken(model, subject, href, fragment, targetName));
  }
  return out;
}

function reportBroken(model: Model, subject: AnchorSubject, href: string, fragment: string, targetName: string): Diagnostic[] {
  const doc = subject.document;
  const message = `Link \`${href}\` in document \`${doc.id}\` points to \`#${fragment}\`, which is not an id in out/${targetName}`;
  const hint = 'Link to a heading by its slug (`#background`), to another section’s heading as `#<section-id>--<slug>`, or to an id the layout sets.';
  const places: { file: string; range: Range | undefined }[] = [];
  for (const id of [...doc.sections, ...(doc.bluf === undefined ? [] : [doc.bluf])]) {
    const section = model.sections.get(id);
    if (!section) continue;
    const links = sectionLinks(section).filter((l) => l.url === href);
    // Raw HTML links are not mdast links: find them in the text.
    places.push(...(links.length > 0 ? links.map((l) => ({ file: section.path, range: l.range })) : findInText(section.path, section.text, href)));
  }
  if (places.length === 0) {
    for (const template of templateClosure(model, doc.layout)) places.push(...findInText(template.file.path, template.file.text, href));
  }
  if (places.length === 0 && fragment.startsWith('source-')) {
    return [
      createDiagnostic('link-broken', {
        file: model.partials.get('sources-list')?.path ?? doc.origin.file,
        message: `Citation marks in document \`${doc.id}\` link to \`#${fragment}\`, but the sources list has no element with that id`,
        hint: 'Give each entry of templates/partials/sources-list.hbs `id="source-{{id}}"`.',
      }),
    ];
  }
  if (places.length === 0) places.push({ file: doc.origin.file, range: undefined });
  return places.map((p) => createDiagnostic('link-broken', { file: p.file, range: p.range, message, hint }));
}

/** `href="…"` written literally in raw HTML or a template. */
function findInText(file: string, text: string, href: string): { file: string; range: Range }[] {
  const out: { file: string; range: Range }[] = [];
  const needle = new RegExp(`href\\s*=\\s*(["'])${href.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\1`, 'g');
  let locator: ReturnType<typeof createLocator> | undefined;
  for (const match of text.matchAll(needle)) {
    locator ??= createLocator(text);
    out.push({ file, range: locator.range(match.index, match.index + match[0].length) });
  }
  return out;
}
