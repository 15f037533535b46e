import { describe, expect, it } from 'vitest';
import {
  SESSION_KEY,
  TOKEN_KEY,
  tabSessionId,
  takeDeskToken,
} from '../../../renderer/api/desk-link.ts';

function tab(search: string, stored: Record<string, string> = {}) {
  const storage = new Map(Object.entries(stored));
  const replaced: string[] = [];
  return {
    storage,
    replaced,
    env: {
      location: { search, pathname: '/', hash: '#/borrowing' },
      history: {
        state: null,
        replaceState: (_data: unknown, _unused: string, url: string) => replaced.push(url),
      },
      storage: {
        getItem: (key: string) => storage.get(key) ?? null,
        setItem: (key: string, value: string) => storage.set(key, value),
      },
    },
  };
}

describe('desk link', () => {
  it('takes the token from the link, keeps it for this tab, and removes it from the address bar', () => {
    const { env, storage, replaced } = tab('?token=abc123&lang=en');
    expect(takeDeskToken(env)).toBe('abc123');
    expect(storage.get(TOKEN_KEY)).toBe('abc123');
    expect(replaced).toEqual(['/?lang=en#/borrowing']);
  });

  it('finds the kept token again after a reload', () => {
    const { env, replaced } = tab('', { [TOKEN_KEY]: 'abc123' });
    expect(takeDeskToken(env)).toBe('abc123');
    expect(replaced).toEqual([]);
  });

  it('gives no token when the desk was opened without its link', () => {
    expect(takeDeskToken(tab('').env)).toBe('');
  });

  it('keeps one session id per tab across reloads', () => {
    const { env, storage } = tab('');
    let n = 0;
    const first = tabSessionId(env.storage, () => `id-${++n}-abcdef`);
    const again = tabSessionId(env.storage, () => `id-${++n}-abcdef`);
    expect(first).toBe('id-1-abcdef');
    expect(again).toBe(first);
    expect(storage.get(SESSION_KEY)).toBe(first);
  });
});
