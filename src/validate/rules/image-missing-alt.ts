import type { Nodes } from 'mdast';
import { createDiagnostic, createLocator, rangeFromPosition } from '../../diagnostics/index.js';
import type { RuleContext } from '../rule-context.js';
import { allTemplates } from '../template-index.js';

/**
 * Every image says what it shows (screen readers, tagged PDF, a failed embed). A Markdown
 * image needs alt text: `![]()` cannot say it is decorative. In HTML (raw HTML in a section,
 * or a template) an explicit `alt=""` marks a decorative image and passes; a missing `alt`
 * attribute is a warning.
 */
export function imageMissingAlt(context: RuleContext): void {
  const { model } = context;
  for (const section of model.sections.values()) {
    let locator: ReturnType<typeof createLocator> | undefined;
    const walk = (node: Nodes) => {
      if ((node.type === 'image' || node.type === 'imageReference') && !(node.alt ?? '').trim()) {
        context.report(
          createDiagnostic('image-missing-alt', {
            file: section.path,
            range: rangeFromPosition(node.position),
            message: 'Image has no alternative text',
            hint: 'Describe what the image shows: `![Chart of queries per day](chart.png)`.',
          }),
        );
      }
      if (node.type === 'html' && node.position?.start.offset !== undefined) {
        for (const match of node.value.matchAll(/<img\b[^>]*>/gi)) {
          if (/\salt\s*(?:=|\s|\/?>)/i.test(match[0])) continue;
          locator ??= createLocator(section.text);
          const start = node.position.start.offset + match.index;
          context.report(
            createDiagnostic('image-missing-alt', {
              file: section.path,
              range: locator.range(start, start + match[0].length),
              message: '`<img>` has no `alt` attribute',
              hint: 'Add `alt="what it shows"`, or `alt=""` if the image is purely decorative.',
            }),
          );
        }
      }
      if ('children' in node) for (const child of node.children) walk(child as Nodes);
    };
    walk(section.tree);
  }
  for (const template of allTemplates(model)) {
    for (const image of template.images) {
      if (image.hasAlt) continue;
      context.report(
        createDiagnostic('image-missing-alt', {
          file: template.file.path,
          range: image.range,
          message: '`<img>` has no `alt` attribute',
          hint: 'Add `alt="…"` (for a logo, the organization’s name), or `alt=""` if the image is purely decorative.',
        }),
      );
    }
  }
}
