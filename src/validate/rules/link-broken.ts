import { posix } from 'node:path';
import { createDiagnostic } from '../../diagnostics/index.js';
import { didYouMean } from '../closest-match.js';
import { documentsIncluding, isRelativeUrl, projectOutputs, resolveOutputUrl, sectionLinks } from '../document-links.js';
import type { RuleContext } from '../rule-context.js';

/**
 * A relative link in a section must land on an output of the project, from wherever the
 * documents including the section are written (see document-links.ts). Briefings are mailed
 * as single files, so a relative link to anything else (`notes.md`, `/files/x.pdf`) is broken
 * for every reader. `#anchor` links, and the anchors of links between documents, are checked
 * on the finished HTML (verify/check-anchors.ts), where every id is known.
 */
export function linkBroken(context: RuleContext): void {
  const { model } = context;
  const outputs = projectOutputs(model);
  for (const section of model.sections.values()) {
    const links = sectionLinks(section).filter((l) => isRelativeUrl(l.url));
    if (links.length === 0) continue;
    for (const doc of documentsIncluding(model, section.id)) {
      const folders = new Set([...outputs.values()].filter((o) => o.document === doc).map((o) => posix.dirname(o.path)));
      for (const folder of folders) {
        const from = posix.join(folder, 'index.html');
        for (const link of links) {
          const target = resolveOutputUrl(from, link.url).path;
          if (target !== undefined && outputs.has(target)) continue;
          const where = folder === '.' ? 'out/' : `out/${folder}/`;
          const landing = target === undefined ? 'outside out/' : `out/${target}`;
          const sameName = target === undefined ? undefined : [...outputs.keys()].find((p) => posix.basename(p) === posix.basename(target));
          const fix = sameName !== undefined ? `From ${where} write \`${posix.relative(folder, sameName)}\`. ` : didYouMean(target ?? link.url, outputs.keys());
          context.report(
            createDiagnostic('link-broken', {
              file: section.path,
              range: link.range,
              message: `Link \`${link.url}\` in document \`${doc.id}\` (written to ${where}) points to ${landing}, which is not an output`,
              hint: `${fix}Link to other documents by their output path: \`<doc>.html\`, \`<doc>.pdf\`, or \`<doc>/<recipient>.html\` for per-recipient documents.`,
            }),
          );
        }
      }
    }
  }
}
