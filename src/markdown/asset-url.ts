const mimeTypes: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  webp: 'image/webp',
  avif: 'image/avif',
};

/** The media type of an embeddable asset, from its extension; undefined if not embeddable. */
export function mimeTypeOf(path: string): string | undefined {
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  return mimeTypes[ext];
}

/** A data: URL for an asset's bytes, so one HTML file carries everything it shows. */
export function toDataUrl(path: string, bytes: Uint8Array): string {
  const mime = mimeTypeOf(path);
  if (!mime) throw new Error(`Cannot embed \`${path}\`: unknown media type`);
  return `data:${mime};base64,${Buffer.from(bytes).toString('base64')}`;
}

/**
 * Resolves a relative reference from a file inside the project to a project path, or
 * undefined when it has a scheme, is absolute, or leaves the project root.
 */
export function resolveProjectPath(fromFile: string, reference: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(reference.split(/[?#]/)[0] ?? '');
  } catch {
    return undefined;
  }
  if (decoded === '' || decoded.startsWith('/') || decoded.includes('\\') || /^[a-z][a-z0-9+.-]*:/i.test(decoded)) return undefined;
  const parts = fromFile.split('/').slice(0, -1);
  for (const segment of decoded.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(segment);
  }
  return parts.join('/');
}
