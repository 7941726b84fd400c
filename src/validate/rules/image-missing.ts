import { createDiagnostic } from '../../diagnostics/index.js';
import { resolveProjectPath } from '../../markdown/asset-url.js';
import type { Origin } from '../../schema/model.js';
import type { RuleContext } from '../rule-context.js';
import { allTemplates } from '../template-index.js';

/**
 * Images that must exist before anything renders: the publisher's logo and signature, a
 * document's `from.signature`, every `{{asset "path"}}` a template names literally, and no
 * template `<img>` pointing anywhere but an embedded asset (outputs are self-contained and their
 * CSP loads `data:` images only). Section images are checked while rendering, where the
 * Markdown pipeline resolves them (markdown/rehype-resolve-images.ts).
 */
export function imageMissing(context: RuleContext): void {
  const { model } = context;
  const hint = 'Asset paths are relative to the project root and must be under templates/assets/ or content/, e.g. `templates/assets/logo.svg`.';
  const check = (path: string | undefined, origin: Origin, at: (string | number)[], what: string) => {
    if (path === undefined) return;
    const resolved = resolveProjectPath('', path);
    if (resolved !== undefined && model.assets.has(resolved)) return;
    context.report(createDiagnostic('image-missing', { file: origin.file, range: origin.range(at), message: `${what} \`${path}\` not found`, hint }));
  };
  const publisher = model.publisher;
  if (publisher) {
    check(publisher.logo, publisher.origin, ['logo'], 'Logo');
    check(publisher.signatory.signature, publisher.origin, ['signatory', 'signature'], 'Signature');
  }
  for (const doc of model.documents.values()) check(doc.from?.signature, doc.origin, ['from', 'signature'], 'Signature');

  for (const template of allTemplates(model)) {
    const file = template.file.path;
    for (const call of template.helperCalls) {
      if (call.helper !== 'asset' || call.literal === undefined) continue;
      const resolved = resolveProjectPath('', call.literal);
      if (resolved !== undefined && model.assets.has(resolved)) continue;
      context.report(createDiagnostic('image-missing', { file, range: call.range, message: `Asset \`${call.literal}\` not found`, hint }));
    }
    for (const image of template.images) {
      if (image.src === undefined || image.src.includes('{{') || image.src.startsWith('data:')) continue;
      context.report(
        createDiagnostic('image-missing', {
          file,
          range: image.range,
          message: `Image \`${image.src}\` is not embedded: outputs load only embedded images`,
          hint: `Write \`src="{{asset "templates/assets/…"}}"\` so the image travels inside the file.`,
        }),
      );
    }
  }
}
