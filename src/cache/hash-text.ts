import { createHash } from 'node:crypto';

/** sha256 hex of text or bytes: the one hash every cache key is made of. */
export function hashText(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
