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
