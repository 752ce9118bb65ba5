import { createHash } from 'node:crypto';

/** The SHA-256 of a text (as UTF-8) or of bytes, as 64 hex digits: what every file svc-lint writes is checked by. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The SHA-256 of bytes as the 32 bytes themselves: what each part of a cache file is checked by. */
export function sha256Bytes(bytes: Uint8Array): Buffer {
  return createHash('sha256').update(bytes).digest();
}
