import { createHash, timingSafeEqual } from 'node:crypto';
import type { ApiKey } from '../config.js';

/** Who is calling: the configured key's name and role. The key itself is never kept or recorded. */
export interface Caller {
  name: string;
  role: ApiKey['role'];
}

/**
 * The caller a request's key belongs to: `authorization: Bearer <key>` or `x-api-key: <key>`. Keys are compared
 * as SHA-256 digests with timingSafeEqual, against every configured key without stopping early, so neither the
 * time taken nor a length difference tells how much of a guess was right.
 */
export function authenticate(headers: Headers | undefined, keys: readonly ApiKey[]): Caller | undefined {
  const presented = presentedKey(headers);
  if (presented === undefined) return undefined;
  const digest = sha256(presented);
  let found: ApiKey | undefined;
  for (const candidate of keys) {
    if (timingSafeEqual(digest, sha256(candidate.key)) && !found) found = candidate;
  }
  return found ? { name: found.name, role: found.role } : undefined;
}

function presentedKey(headers: Headers | undefined): string | undefined {
  const bearer = /^Bearer\s+(\S+)$/i.exec(headers?.get('authorization') ?? '')?.[1];
  const key = bearer ?? headers?.get('x-api-key')?.trim();
  return key ? key : undefined;
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
