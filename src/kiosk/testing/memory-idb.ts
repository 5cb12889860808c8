/**
 * The kiosk's IndexedDB as `idb` shows it, in memory, for jsdom tests (which have no IndexedDB):
 * the stores' real code runs on it. Use with `vi.mock('idb', () => import('../testing/memory-idb'))`
 * and read or seed `memoryIdb` directly; `stores.clear()` between tests.
 */
const stores = new Map<string, Map<unknown, unknown>>();
const store = (name: string) => {
  const found = stores.get(name) ?? new Map<unknown, unknown>();
  stores.set(name, found);
  return found;
};
const db = {
  get: (name: string, key: unknown) => Promise.resolve(structuredClone(store(name).get(key))),
  getAll: (name: string) => Promise.resolve([...store(name).values()].map((v) => structuredClone(v))),
  put: (name: string, value: unknown, key: unknown) => Promise.resolve(store(name).set(key, structuredClone(value))).then(() => key),
  delete: (name: string, key: unknown) => Promise.resolve(void store(name).delete(key)),
};
export const memoryIdb = { stores, db };
export const openDB = () => Promise.resolve(db);
