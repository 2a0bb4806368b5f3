// Between the form's controls and the offers document. What a person typed goes to the engine as
// typed ("$200,000", "15%", "5/15/40/40"): the engine reads it, says how it read it, and asks
// when it is unsure. Nothing here reads, rounds or computes a number.
//
// Every control carries data-key (its dotted place inside its owner, such as "ratings.stability"
// or "weights.compensation") and, when it belongs to an offer, data-offer (the offer's index);
// the controls of one offer may sit anywhere in the form (its fieldset, the ratings grid, the
// rubric, its red flags).

import { locationText, locationValue } from './place-fields.js';

/** The document value of one control; undefined means "leave the key out" (the default). */
export function readControl(control) {
  const kind = control.dataset.kind;
  // A box left as it starts says nothing: the key is left out and the engine's default holds.
  if (control.type === 'checkbox') return control.checked === control.defaultChecked ? undefined : control.checked;
  if (kind === 'hidden-boolean') return control.value === 'true' ? true : undefined;
  // A place picked from the suggestions is its code ("California (US-CA)" is US-CA).
  const text = kind === 'location' ? locationValue(control) : control.value;
  return text.trim() === '' ? undefined : text;
}

/** Show a document value in a control. */
export function writeControl(control, value) {
  if (control.type === 'checkbox') {
    control.checked = value === undefined || value === null ? control.defaultChecked : Boolean(value);
  } else if (value === undefined || value === null) {
    control.value = '';
  } else if (Array.isArray(value)) {
    control.value = value.join(', ');
  } else if (control.dataset.kind === 'location') {
    control.value = locationText(control, String(value));
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
 * Overlay the values of `controls` on a copy of `base`: keys a control owns take the control's
 * value (or disappear when it is empty); keys no control shows are kept as they were, and so are
 * the ids in a list of flags that no checkbox shows (the reader's own red flags).
 */
export function collectInto(base, controls) {
  const result = structuredClone(base ?? {});
  const lists = new Map();
  const radios = new Map();
  for (const control of controls) {
    const key = control.dataset.key;
    const kind = control.dataset.kind;
    if (kind === 'flag') {
      if (!lists.has(key)) lists.set(key, { shown: new Set(), ticked: [] });
      lists.get(key).shown.add(control.dataset.flag);
      if (control.checked) lists.get(key).ticked.push(control.dataset.flag);
    } else if (kind === 'radio') {
      if (!radios.has(key)) radios.set(key, undefined);
      if (control.checked && control.value !== '') radios.set(key, control.value);
    } else {
      setPath(result, key, readControl(control));
    }
  }
  for (const [key, { shown, ticked }] of lists) {
    const before = getPath(result, key);
    const unshown = Array.isArray(before) ? before.filter((id) => !shown.has(id)) : [];
    const ids = [...ticked, ...unshown];
    setPath(result, key, ids.length ? ids : undefined);
  }
  for (const [key, value] of radios) setPath(result, key, value);
  return pruneEmpty(result);
}

/** Fill `controls` from `values` (an offer, or the document). */
export function fillFrom(values, controls) {
  for (const control of controls) {
    const value = getPath(values, control.dataset.key);
    const kind = control.dataset.kind;
    if (kind === 'flag') {
      control.checked = Array.isArray(value) && value.includes(control.dataset.flag);
    } else if (kind === 'radio') {
      control.checked = control.value === (value ?? '');
    } else if (kind === 'hidden-boolean') {
      control.value = value === true ? 'true' : '';
    } else {
      writeControl(control, value);
    }
  }
}

/** Whether an offer holds nothing at all: a blank offer is not yet "what the user typed". */
export function isBlankOffer(offer) {
  return Object.keys(offer ?? {}).length === 0;
}
