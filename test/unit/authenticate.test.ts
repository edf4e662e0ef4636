import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { authenticate } from '../../src/curation/authenticate.js';

const keys = loadConfig({ API_KEYS: 'first-key-123456:editor:alice, second-key-654321:reader' }).apiKeys;

describe('API keys', () => {
  it('reads keys, roles and names from API_KEYS, naming unnamed keys by a digest', () => {
    expect(keys).toEqual([
      { key: 'first-key-123456', role: 'editor', name: 'alice' },
      { key: 'second-key-654321', role: 'reader', name: expect.stringMatching(/^key-[0-9a-f]{8}$/) },
    ]);
    expect(() => loadConfig({ API_KEYS: 'short:editor' })).toThrow(/API_KEYS/);
    expect(() => loadConfig({ API_KEYS: 'long-enough-key:admin' })).toThrow(/role editor or reader/);
  });

  it('finds the caller from a bearer token or an x-api-key header', () => {
    expect(authenticate(new Headers({ authorization: 'Bearer first-key-123456' }), keys)).toEqual({
      name: 'alice',
      role: 'editor',
    });
    expect(authenticate(new Headers({ 'x-api-key': 'second-key-654321' }), keys)?.role).toBe('reader');
  });

  it('knows no caller for a missing, unknown, shorter or longer key', () => {
    for (const key of ['', 'first-key-12345', 'first-key-1234567', 'FIRST-KEY-123456']) {
      expect(authenticate(new Headers(key ? { 'x-api-key': key } : {}), keys)).toBeUndefined();
    }
    expect(authenticate(undefined, keys)).toBeUndefined();
  });
});
