// What the calculator keeps in this browser: the offers as typed and the last results shown.
// Stored under one key with a schema version, so a later build can read what this one saved.
//
// The key carries the site's base path: two sites on one origin (user.github.io/a/ and /b/)
// keep apart. The calculator and the checklists import this one module, so they share it.
// Each save carries a revision: a page never writes over a record another tab saved after the
// one it last read (it is told, and takes the newer one). A record this build cannot read (a
// later version, or a damaged one) is kept aside under its own key, as it was, never written
// over: the calculator says so, and the reader downloads or discards it.

// The site's root, where this module sits two folders down (js/page/).
const BASE_PATH = new URL('../../', import.meta.url).pathname;
// Earlier builds used this key, whatever the site's path: read once, and moved.
const LEGACY_KEY = 'offereval.calculator';
const STORAGE_KEY = `${LEGACY_KEY}:${BASE_PATH}`;
const ASIDE_KEY = `${STORAGE_KEY}.set-aside`;
const VERSION = 1;

// Readers for each version this build understands, oldest first; each returns the current shape.
const READERS = {
  1: (saved) => ({ document: saved.document, view: saved.view ?? null, revision: saved.revision ?? 0 }),
};

// The document's lists that the pages walk through, and what each item must be.
const LISTS = { offers: 'object', calls: 'object', own_questions: 'any', own_red_flags: 'any', dealbreakers: 'any' };

/** The revision this page last read or wrote; null when it saw no record. */
let known = null;
/** Set when a record could not be kept aside: it is never written over, so nothing is saved. */
let blocked = false;
/** Set when a record was just kept aside: what replaces it is no newer save of another tab. */
let setAside = false;

const isMapping = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether a document has the shape the pages walk through (its values are the engine's). */
function isDocument(doc) {
  if (!isMapping(doc)) return false;
  for (const [key, items] of Object.entries(LISTS)) {
    if (doc[key] === undefined) continue;
    if (!Array.isArray(doc[key])) return false;
    if (items === 'object' && !doc[key].every(isMapping)) return false;
  }
  return (doc.offers ?? []).every((offer) => offer.red_flags === undefined || Array.isArray(offer.red_flags));
}

/** The record in `text` in the current shape, or undefined when this build cannot read it. */
function parse(text) {
  let saved;
  try {
    saved = JSON.parse(text);
  } catch {
    return undefined;
  }
  const read = isMapping(saved) && Object.hasOwn(READERS, saved.version) ? READERS[saved.version] : null;
  if (!read || !isDocument(saved.document)) return undefined;
  return read(saved);
}

function getItem(key) {
  try {
    return localStorage.getItem(key);
  } catch {
    return null; // storage that cannot be read holds nothing of ours
  }
}

/** The unscoped record of an earlier build, moved under this site's key (once). */
function migrate() {
  const legacy = getItem(LEGACY_KEY);
  if (legacy === null || getItem(STORAGE_KEY) !== null) return;
  try {
    localStorage.setItem(STORAGE_KEY, legacy);
    localStorage.removeItem(LEGACY_KEY);
  } catch {
    // Full storage: it is read where it is until it can be moved.
  }
}

/** The records kept aside, each as the text it was found as. */
export function keptAside() {
  try {
    const kept = JSON.parse(getItem(ASIDE_KEY) ?? '[]');
    return Array.isArray(kept) ? kept.filter((text) => typeof text === 'string') : [];
  } catch {
    return [];
  }
}

/** Move a record this build cannot read to the aside key, after those kept there already. */
function keepAside(key, text) {
  try {
    localStorage.setItem(ASIDE_KEY, JSON.stringify([...keptAside(), text]));
    localStorage.removeItem(key);
    setAside = true;
  } catch {
    blocked = true; // it stays where it is, and nothing is saved over it
  }
}

/** Forget the records kept aside. */
export function discardKeptAside() {
  try {
    localStorage.removeItem(ASIDE_KEY);
  } catch {
    // nothing to forget
  }
}

/** The text of the saved record, after moving an earlier build's and setting aside what is unreadable. */
function currentText() {
  migrate();
  const key = getItem(STORAGE_KEY) === null && getItem(LEGACY_KEY) !== null ? LEGACY_KEY : STORAGE_KEY;
  const text = getItem(key);
  if (text !== null && parse(text) === undefined) {
    keepAside(key, text);
    return blocked ? null : getItem(STORAGE_KEY);
  }
  return text;
}

/**
 * The saved offers and results ({document, view, revision}), or null when there are none;
 * a record this build cannot read is kept aside (see keptAside) and reads as none.
 */
export function loadSaved() {
  const text = currentText();
  const saved = text === null ? null : parse(text);
  known = saved ? saved.revision : null;
  return saved ?? null;
}

/**
 * Save the offers (and the results computed from them, or null).
 * @param {{force?: boolean}} options  force: write even over a newer record of another tab
 *   (the reader chose to replace everything)
 * @returns {{status: 'saved'} | {status: 'refused'} | {status: 'newer', record: object | null}}
 *   refused: the browser refused (storage full or disabled); newer: another tab saved `record`
 *   (null: it deleted everything) after this page last read, and nothing was written
 */
export function save(document, view, options = {}) {
  const force = options.force ?? false;
  if (blocked) return { status: 'refused' };
  setAside = false;
  const text = currentText();
  const current = text === null ? null : parse(text);
  const latest = current?.revision ?? null;
  if (!force && !setAside && latest !== known && JSON.stringify(current?.document ?? null) !== JSON.stringify(document)) {
    known = latest;
    return { status: 'newer', record: current ?? null };
  }
  const revision = Math.max(latest ?? 0, known ?? 0) + 1;
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ version: VERSION, revision, document, view }));
  } catch {
    return { status: 'refused' };
  }
  known = revision;
  return { status: 'saved' };
}

/**
 * The record another tab saved since this page last read or wrote (null: it deleted
 * everything), or undefined when there is none newer.
 */
export function newerSaved() {
  const text = currentText();
  const current = text === null ? null : parse(text);
  const latest = current?.revision ?? null;
  if (latest === known) return undefined;
  known = latest;
  return current ?? null;
}

/** Keep the saved record aside as it is (it has a shape the calculator could not show). */
export function keepCurrentAside() {
  const text = getItem(STORAGE_KEY);
  if (text !== null) keepAside(STORAGE_KEY, text);
  known = null;
}

/** Forget everything this site saved in this browser (the records kept aside are the reader's to discard). */
export function clearSaved() {
  known = null;
  try {
    localStorage.removeItem(STORAGE_KEY);
    localStorage.removeItem(LEGACY_KEY);
  } catch {
    // Storage that cannot be read holds nothing of ours.
  }
}

/**
 * Save a changed offers document, keeping the last results saved with it (the calculator
 * recomputes them when it next opens). The document was just read, so it is the newest.
 * @returns {boolean} false when the browser refused
 */
export function saveDocument(document) {
  return save(document, loadSaved()?.view ?? null, { force: true }).status === 'saved';
}

/**
 * Call `listener` with the saved record (or null) whenever another tab changes it; the
 * `storage` event fires in every page of the site but the one that wrote.
 */
export function onSavedElsewhere(listener) {
  window.addEventListener('storage', (event) => {
    if (event.key !== STORAGE_KEY && event.key !== null) return;
    // A record this build cannot read was written by another version of the site, open in
    // another tab: this page leaves it alone (it is kept aside only if this page saves).
    if (event.newValue !== null && parse(event.newValue) === undefined) return;
    listener(loadSaved());
  });
}
