import type { Page } from '@playwright/test';

export type Dump = Record<'attempts' | 'summaries' | 'prefs' | 'quarantine', Record<string, unknown>>;

/// Everything in Evident's IndexedDB database, table by table, key → value.
export async function dump(page: Page): Promise<Dump> {
  return page.evaluate(async () => {
    const db: IDBDatabase = await new Promise((ok, fail) => {
      const r = indexedDB.open('evident');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const out: Record<string, Record<string, unknown>> = {};
    for (const name of ['attempts', 'summaries', 'prefs', 'quarantine']) {
      out[name] = {};
      if (!db.objectStoreNames.contains(name)) continue;
      const store = db.transaction(name).objectStore(name);
      const [keys, values] = await Promise.all(
        [store.getAllKeys(), store.getAll()].map(
          (r) => new Promise<unknown[]>((ok) => (r.onsuccess = () => ok(r.result as unknown[]))),
        ),
      );
      keys.forEach((k, i) => (out[name][String(k)] = values[i]));
    }
    db.close();
    return out as Dump;
  });
}

/// The stored attempts, id → record.
export async function storedAttempts(page: Page): Promise<Record<string, any>> {
  return (await dump(page)).attempts as Record<string, any>;
}

/// Every `evident*` key left in localStorage.
export async function legacyKeys(page: Page): Promise<string[]> {
  return page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('evident')).sort());
}

/// The rescue copies of unsaved work in localStorage (`evident-pending.…`).
export async function rescueKeys(page: Page): Promise<string[]> {
  return page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('evident-pending.')).sort());
}

/// Test controls over a page's IndexedDB, installed before it loads, used as
/// `window.evidentDb` in `page.evaluate`:
/// - `hold()`: the page hears that a transaction finished only at `release()`
///   (the data is committed at once; the news waits, as when other events of
///   the page come first); `held` counts the finished transactions waiting;
/// - `failWrites()`: every later write transaction aborts, as the writes of a
///   tab closed or killed before they land.
export async function controlDatabase(page: Page) {
  await page.addInitScript(() => {
    let gate: Promise<void> = Promise.resolve();
    let open = () => {};
    let failing = false;
    const controls = {
      held: 0,
      hold() {
        gate = new Promise<void>((ok) => (open = ok));
      },
      release() {
        open();
        gate = Promise.resolve();
      },
      failWrites() {
        failing = true;
      },
    };
    (window as unknown as { evidentDb: typeof controls }).evidentDb = controls;
    const complete = Object.getOwnPropertyDescriptor(IDBTransaction.prototype, 'oncomplete')!;
    Object.defineProperty(IDBTransaction.prototype, 'oncomplete', {
      ...complete,
      set(this: IDBTransaction, handler: ((ev: Event) => void) | null) {
        const tx = this;
        complete.set!.call(
          tx,
          handler &&
            ((ev: Event) => {
              controls.held += 1;
              gate.then(() => {
                controls.held -= 1;
                handler.call(tx, ev);
              });
            }),
        );
      },
    });
    const transaction = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (names: string | string[], mode?: IDBTransactionMode) {
      const tx = transaction.call(this, names, mode);
      if (failing && mode === 'readwrite') queueMicrotask(() => tx.abort());
      return tx;
    } as typeof transaction;
  });
}

/// Controls installed by [`controlDatabase`], from the test.
export const db = {
  hold: (page: Page) => page.evaluate(() => (window as any).evidentDb.hold()),
  release: (page: Page) => page.evaluate(() => (window as any).evidentDb.release()),
  held: (page: Page): Promise<number> => page.evaluate(() => (window as any).evidentDb.held),
  failWrites: (page: Page) => page.evaluate(() => (window as any).evidentDb.failWrites()),
};
