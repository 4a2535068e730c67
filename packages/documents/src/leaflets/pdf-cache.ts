/**
 * Rendered PDFs kept in memory, least recently used first out. A key names everything that shapes
 * the file (document, language, and the fingerprint of its words and settings), so a change of
 * words or timescales is simply a new key and stale files age out. Requests that arrive while a
 * PDF is being made wait for that one rendering instead of starting their own.
 */
export class PdfCache {
  private readonly entries = new Map<string, Promise<Buffer>>();
  private renders = 0;
  private hits = 0;

  constructor(private readonly maxEntries = 32) {}

  get(key: string, render: () => Promise<Buffer>): Promise<Buffer> {
    const found = this.entries.get(key);
    if (found) {
      this.hits += 1;
      this.entries.delete(key);
      this.entries.set(key, found);
      return found;
    }
    this.renders += 1;
    const pending = render();
    this.entries.set(key, pending);
    // A failed rendering is not kept: the next request tries again.
    pending.catch(() => {
      if (this.entries.get(key) === pending) this.entries.delete(key);
    });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return pending;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  get stats(): { entries: number; renders: number; hits: number } {
    return { entries: this.entries.size, renders: this.renders, hits: this.hits };
  }
}
