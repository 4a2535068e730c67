import { describe, expect, it } from 'vitest';
import { PdfCache } from './pdf-cache';

const pdf = (text: string) => Buffer.from(text);

describe('PdfCache', () => {
  it('renders once and serves the same file after', async () => {
    const cache = new PdfCache();
    let renders = 0;
    const render = async () => {
      renders += 1;
      return pdf('a');
    };
    expect((await cache.get('k', render)).toString()).toBe('a');
    expect((await cache.get('k', render)).toString()).toBe('a');
    expect(renders).toBe(1);
    expect(cache.stats).toEqual({ entries: 1, renders: 1, hits: 1 });
  });

  it('makes requests that arrive during a rendering wait for that one', async () => {
    const cache = new PdfCache();
    let renders = 0;
    let finish!: (b: Buffer) => void;
    const render = () => {
      renders += 1;
      return new Promise<Buffer>((resolve) => (finish = resolve));
    };
    const waiting = Array.from({ length: 10 }, () => cache.get('k', render));
    finish(pdf('b'));
    expect((await Promise.all(waiting)).map(String)).toEqual(Array(10).fill('b'));
    expect(renders).toBe(1);
  });

  it('lets the least recently used file go when full', async () => {
    const cache = new PdfCache(2);
    await cache.get('a', async () => pdf('a'));
    await cache.get('b', async () => pdf('b'));
    await cache.get('a', async () => pdf('a again'));
    await cache.get('c', async () => pdf('c'));
    expect(cache.has('a')).toBe(true);
    expect(cache.has('b')).toBe(false);
    expect(cache.has('c')).toBe(true);
  });

  it('does not keep a failed rendering', async () => {
    const cache = new PdfCache();
    await expect(cache.get('k', async () => Promise.reject(new Error('font missing')))).rejects.toThrow('font missing');
    expect(cache.has('k')).toBe(false);
    expect((await cache.get('k', async () => pdf('ok'))).toString()).toBe('ok');
  });
});
