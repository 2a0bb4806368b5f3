// What the calculator keeps in this browser: the offers as typed and the last results shown.
// Stored under one key with a schema version, so a later build can read what this one saved.

const STORAGE_KEY = 'offereval.calculator';
const VERSION = 1;

// Readers for each version this build understands, oldest first; each returns the current shape.
const READERS = {
  1: (saved) => ({ document: saved.document, view: saved.view ?? null }),
};

/** The saved offers and results, or null when there are none (or they cannot be read). */
export function loadSaved() {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY));
    const read = saved && READERS[saved.version];
    if (!read || typeof saved.document !== 'object' || saved.document === null) return null;
    return read(saved);
  } catch {
    return null;
  }
}

/**
 * Save the offers (and, when given, the results computed from them).
 * @returns {boolean} false when the browser refused (storage full or disabled)
 */
export function save(document, view) {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ version: VERSION, document, view }));
    return true;
  } catch {
    return false;
  }
}

/** Forget everything this site saved in this browser. */
export function clearSaved() {
  try {
    localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage that cannot be read holds nothing of ours.
  }
}

/**
 * Save a changed offers document, keeping the last results saved with it (the calculator
 * recomputes them when it next opens).
 * @returns {boolean} false when the browser refused
 */
export function saveDocument(document) {
  return save(document, loadSaved()?.view ?? null);
}
