/**
 * What the page is loading on the user's behalf (a protocol's code, for a preset, a file or a link):
 * the title to show where the cluster goes, or null. Only the latest request counts: a load that a
 * newer one overtook finishes quietly, and its result is not used.
 */
export class Pending {
  private title: string | null = null;
  private latest = 0;
  private readonly listeners = new Set<() => void>();

  getTitle = (): string | null => this.title;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * Runs `work`, which calls `show(title)` when it starts fetching something worth a word. Resolves with
   * its value and whether it is still the latest request; rejects as `work` does.
   */
  async track<T>(work: (show: (title: string) => void) => Promise<T>): Promise<{ isLatest: boolean; value: T }> {
    const ticket = ++this.latest;
    try {
      const value = await work((title) => {
        if (ticket === this.latest) this.set(title);
      });
      return { isLatest: ticket === this.latest, value };
    } finally {
      if (ticket === this.latest) this.set(null);
    }
  }

  private set(title: string | null): void {
    if (title === this.title) return;
    this.title = title;
    for (const listener of this.listeners) listener();
  }
}

const byStore = new WeakMap<object, Pending>();

/** The one Pending of a store (a page has one store; tests build many). */
export function pendingOf(store: object): Pending {
  let pending = byStore.get(store);
  if (!pending) {
    pending = new Pending();
    byStore.set(store, pending);
  }
  return pending;
}
