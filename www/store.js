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

// A first visit has nothing saved: a flag in localStorage says so without opening IndexedDB,
// which costs a cold start tens of milliseconds.
const FLAG = "alembic-lab-saved";

function flagged() {
  try {
    return localStorage.getItem(FLAG) === "1";
  } catch {
    return true; // no localStorage: look in IndexedDB anyway
  }
}

function flag(on) {
  try {
    if (on) localStorage.setItem(FLAG, "1");
    else localStorage.removeItem(FLAG);
  } catch {
    // private mode without storage: IndexedDB is still tried on the next visit
  }
}

export function loadState() {
  if (!flagged()) return Promise.resolve(undefined);
  return transaction("readonly", (store) => store.get(KEY)).catch(() => undefined);
}

export function saveState(state) {
  flag(true);
  return transaction("readwrite", (store) => store.put(state, KEY)).catch((err) => console.warn("could not save the lab:", err));
}

export function clearState() {
  flag(false);
  return transaction("readwrite", (store) => store.delete(KEY)).catch(() => undefined);
}
