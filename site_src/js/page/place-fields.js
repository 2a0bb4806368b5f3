// The lists behind the location and currency fields, from the engine's places and currencies
// (bridge.form()). A location is one text field with suggestions, by country then region:
// typing "Calif" offers "California (US-CA)", and the document holds the code, US-CA. Anything
// else typed is sent as typed, for the engine to read ("us-ca") or to say what is wrong. The
// city tax field is shown only where the chosen region has one (or where it holds a value).

import { el, uniqueId } from './dom.js';

/**
 * The suggestions of a location or currency field, or null for other kinds.
 * @param {import('./contract').FormAnswer} spec
 * @param {string} kind
 * @returns {HTMLDataListElement | null}
 */
export function suggestionsFor(spec, kind) {
  if (kind === 'location') {
    const options = spec.places.flatMap((country) =>
      country.regions.length
        ? country.regions.map((region) => el('option', { value: region.label, label: country.name, dataset: { code: region.code } }))
        : [el('option', { value: country.label, dataset: { code: country.code } })],
    );
    return /** @type {HTMLDataListElement} */ (el('datalist', { id: uniqueId('places') }, ...options));
  }
  if (kind === 'currency') {
    const options = spec.currencies.map((currency) => el('option', { value: currency.value, label: currency.label }));
    return /** @type {HTMLDataListElement} */ (el('datalist', { id: uniqueId('currencies') }, ...options));
  }
  return null;
}

/** The suggestion a location field's text is, if it is one exactly. */
function suggestion(control, predicate) {
  const list = /** @type {HTMLDataListElement | null} */ (control.list);
  return list ? [...list.options].find(predicate) : undefined;
}

/** The document value of a location field: the code of the place picked, else the text typed. */
export function locationValue(control) {
  const text = control.value.trim();
  return suggestion(control, (option) => option.value === text)?.dataset.code ?? text;
}

/** What a location field shows for a code: the place's label, or the value as it was. */
export function locationText(control, code) {
  return suggestion(control, (option) => option.dataset.code === code)?.value ?? code;
}

/**
 * Show offer `index`'s city tax field only where its location has a city tax, or where it holds
 * one (so that the engine's word about it has a place).
 * @param {HTMLElement} fieldset
 * @param {import('./contract').FormAnswer} spec
 */
export function showCityTax(fieldset, spec) {
  const location = /** @type {HTMLInputElement | null} */ (fieldset.querySelector('[data-key="location"]'));
  const local = /** @type {HTMLSelectElement | null} */ (fieldset.querySelector('[data-key="local"]'));
  const block = /** @type {HTMLElement | null} */ (local?.closest('.field'));
  if (!location || !local || !block) return;
  const code = locationValue(location);
  const region = spec.places.flatMap((country) => country.regions).find((r) => r.code === code);
  block.hidden = !(region?.locals.length || local.value);
}
