// Keeps the lab in the browser between visits: one IndexedDB record holding the lab's snapshot,
// the walkthrough position, the terminal and the undo stack.

const DB_NAME = "alembic-lab";
const STORE = "state";
const KEY = "current";

function open() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function transaction(mode, body) {
  return open().then(
    (db) =>
      new Promise((resolve, reject) => {
        const tx = db.transaction(STORE, mode);
        const result = body(tx.objectStore(STORE));
        tx.oncomplete = () => {
          db.close();
          resolve(result && "result" in result ? result.result : undefined);
        };
        tx.onerror = () => reject(tx.error);
      }),
  );
}

export function loadState() {
  return transaction("readonly", (store) => store.get(KEY)).catch(() => undefined);
}

export function saveState(state) {
  return transaction("readwrite", (store) => store.put(state, KEY)).catch((err) => console.warn("could not save the lab:", err));
}

export function clearState() {
  return transaction("readwrite", (store) => store.delete(KEY)).catch(() => undefined);
}
