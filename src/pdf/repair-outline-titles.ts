import { PDFDict, PDFHexString, PDFName, PDFString, type PDFDocument } from 'pdf-lib';
import type { HeadingText } from './read-heading-texts.js';

/**
 * Chromium titles its bookmarks from the laid-out text: `text-transform` shows through
 * ("MEMORANDUM"), a line break inside a heading loses its space ("distillationcampaign"), and a
 * heading that starts a page sometimes comes out twice ("Legal optionsLegal options"). Each
 * bookmark is matched, in order, to the heading it was made from (same letters, ignoring case
 * and spaces, possibly doubled) and retitled with that heading's own text. If any bookmark
 * cannot be matched, the outline is left exactly as Chromium wrote it. Returns how many titles
 * changed.
 */
export function repairOutlineTitles(pdf: PDFDocument, headings: readonly HeadingText[]): number {
  const items = outlineItems(pdf);
  let next = 0;
  const matches: { item: PDFDict; text: string }[] = [];
  for (const item of items) {
    const title = titleOf(item);
    if (title === undefined) return 0;
    const found = findHeading(headings, next, title);
    if (found === undefined) return 0;
    matches.push({ item, text: headings[found]!.text });
    next = found + 1;
  }
  let changed = 0;
  for (const { item, text } of matches) {
    if (text === '' || titleOf(item) === text) continue;
    item.set(PDFName.of('Title'), PDFHexString.fromText(text));
    changed++;
  }
  return changed;
}

function findHeading(headings: readonly HeadingText[], from: number, title: string): number | undefined {
  const key = letters(title);
  for (let i = from; i < headings.length; i++) {
    const heading = headings[i]!;
    for (const candidate of [letters(heading.withMarks), letters(heading.text)]) {
      if (candidate !== '' && (key === candidate || key === candidate + candidate)) return i;
    }
  }
  return undefined;
}

function letters(text: string): string {
  return text.replace(/\s+/g, '').toLocaleLowerCase('en-US');
}

/** Every bookmark in reading order (depth first, as the outline panel lists them). */
function outlineItems(pdf: PDFDocument): PDFDict[] {
  const outlines = pdf.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const items: PDFDict[] = [];
  const seen = new Set<PDFDict>();
  const walk = (first: PDFDict | undefined) => {
    for (let item = first; item && !seen.has(item); item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      seen.add(item);
      items.push(item);
      walk(item.lookupMaybe(PDFName.of('First'), PDFDict));
    }
  };
  walk(outlines?.lookupMaybe(PDFName.of('First'), PDFDict));
  return items;
}

function titleOf(item: PDFDict): string | undefined {
  const title = item.lookup(PDFName.of('Title'));
  return title instanceof PDFString || title instanceof PDFHexString ? title.decodeText() : undefined;
}
