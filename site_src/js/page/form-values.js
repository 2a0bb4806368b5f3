// Between a form control and the offers document: what the control shows for a value, and the
// value a control's text stands for. Numbers are only recognised, never computed with: what
// cannot be read as a number is passed on as typed, so the engine names the problem and nothing
// the user typed is lost.

const NUMBER_KINDS = new Set(['money', 'number', 'ratio', 'percent', 'integer', 'rating']);
// Digits with an optional decimal part and exponent.
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
// Thousands grouped by commas, spaces or underscores: 200,000 or 1 250 000.50. A comma anywhere
// else ("0,8") is left for the engine to refuse rather than guessed at.
const GROUPED_NUMBER = /^[+-]?\d{1,3}([,_ ]\d{3})+(\.\d+)?$/;

/** The number a text stands for ("200,000" is 200000), or the text itself when it is not one. */
export function numberOrText(text) {
  const trimmed = text.trim();
  const plain = GROUPED_NUMBER.test(trimmed) ? trimmed.replace(/[,_ ]/g, '') : trimmed;
  return PLAIN_NUMBER.test(plain) ? Number(plain) : text;
}

/** The document value of one control; undefined means "leave the key out" (the default). */
export function readControl(control) {
  const kind = control.dataset.kind;
  if (control.type === 'checkbox') return control.checked;
  const text = control.value;
  if (text.trim() === '') return undefined;
  if (NUMBER_KINDS.has(kind)) return numberOrText(text);
  if (kind === 'percent_list') return text.split(/[\s,;]+/).filter(Boolean).map(numberOrText);
  return text;
}

/** Show a document value in a control. */
export function writeControl(control, value) {
  if (control.type === 'checkbox') {
    control.checked = value === undefined ? control.defaultChecked : Boolean(value);
  } else if (value === undefined || value === null) {
    control.value = '';
  } else if (Array.isArray(value)) {
    control.value = value.join(', ');
  } else {
    control.value = String(value);
  }
}

/** The value at a dotted path such as "assumptions.signing_tenure_years". */
export function getPath(object, path) {
  return path.split('.').reduce((node, key) => (node && typeof node === 'object' ? node[key] : undefined), object);
}

/** Set (or, for undefined, delete) the value at a dotted path, creating mappings on the way. */
export function setPath(object, path, value) {
  const keys = path.split('.');
  const last = keys.pop();
  let node = object;
  for (const key of keys) {
    if (typeof node[key] !== 'object' || node[key] === null || Array.isArray(node[key])) {
      if (value === undefined) return;
      node[key] = {};
    }
    node = node[key];
  }
  if (value === undefined) delete node[last];
  else node[last] = value;
}

/** Drop mappings left empty by deleted keys, so a cleared section leaves no trace in the file. */
export function pruneEmpty(object) {
  for (const [key, value] of Object.entries(object)) {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      pruneEmpty(value);
      if (Object.keys(value).length === 0) delete object[key];
    }
  }
  return object;
}

/**
 * Overlay the values of the controls inside `root` on a copy of `base`: keys a control owns
 * take the control's value (or disappear when it is empty); keys no control shows are kept, and
 * so are the ids in a list of flags that no checkbox shows (the reader's own red flags).
 */
export function collectInto(base, root) {
  const result = structuredClone(base ?? {});
  const lists = new Map();
  for (const control of root.querySelectorAll('[data-key]')) {
    if (control.closest('[data-scope]') !== root.closest('[data-scope]')) continue;
    const key = control.dataset.key;
    if (control.dataset.kind === 'flag') {
      if (!lists.has(key)) lists.set(key, { shown: new Set(), ticked: [] });
      lists.get(key).shown.add(control.dataset.flag);
      if (control.checked) lists.get(key).ticked.push(control.dataset.flag);
      continue;
    }
    setPath(result, key, readControl(control));
  }
  for (const [key, { shown, ticked }] of lists) {
    const before = getPath(result, key);
    const unshown = Array.isArray(before) ? before.filter((id) => !shown.has(id)) : [];
    const ids = [...ticked, ...unshown];
    setPath(result, key, ids.length ? ids : undefined);
  }
  return pruneEmpty(result);
}

/** Fill every control inside `root` from `values`. */
export function fillFrom(values, root) {
  for (const control of root.querySelectorAll('[data-key]')) {
    const value = getPath(values, control.dataset.key);
    if (control.dataset.kind === 'flag') {
      control.checked = Array.isArray(value) && value.includes(control.dataset.flag);
    } else {
      writeControl(control, value);
    }
  }
}
