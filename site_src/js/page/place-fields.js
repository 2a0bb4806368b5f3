// The lists behind the location and currency fields, from the engine's places and currencies
// (bridge.form()). A location is one text field with suggestions, by country then region:
// typing "Calif" offers "California (US-CA)", and the document holds the code, US-CA. Anything
// else typed is sent as typed, for the engine to read ("us-ca") or to say what is wrong. The
// city tax field is shown only where the chosen region has one, and the effective tax rate only
// where offereval does not compute the taxes (or where either holds a value).

import { el, uniqueId } from './dom.js';

/**
 * The suggestions of the location and currency fields: one list of each for the whole form,
 * which every such field names by its id (fifty offers share one list of places).
 */
export class Suggestions {
  /** @param {import('./contract').FormAnswer} spec */
  constructor(spec) {
    const places = spec.places.flatMap((country) =>
      country.regions.length
        ? country.regions.map((region) => el('option', { value: region.label, label: country.name, dataset: { code: region.code } }))
        : [el('option', { value: country.label, dataset: { code: country.code } })],
    );
    const currencies = spec.currencies.map((currency) => el('option', { value: currency.value, label: currency.label }));
    /** @type {Record<string, HTMLDataListElement>} */
    this._lists = {
      location: /** @type {HTMLDataListElement} */ (el('datalist', { id: uniqueId('places') }, ...places)),
      currency: /** @type {HTMLDataListElement} */ (el('datalist', { id: uniqueId('currencies') }, ...currencies)),
    };
  }

  /** The lists, to be placed once in the form. */
  elements() {
    return Object.values(this._lists);
  }

  /**
   * The id of the suggestions of a field of `kind`, or undefined for kinds without any.
   * @param {string} kind
   */
  idFor(kind) {
    return this._lists[kind]?.id;
  }
}

/**
 * A list's options by what they show and by their code, read once per list.
 * @type {WeakMap<HTMLDataListElement, {byValue: Map<string, HTMLOptionElement>, byCode: Map<string, HTMLOptionElement>}>}
 */
const indexes = new WeakMap();

/** @param {HTMLInputElement} control */
function optionsOf(control) {
  const list = /** @type {HTMLDataListElement | null} */ (control.list);
  if (!list) return null;
  let index = indexes.get(list);
  if (!index) {
    const options = [...list.options];
    index = {
      byValue: new Map(options.map((option) => [option.value, option])),
      byCode: new Map(options.filter((option) => option.dataset.code).map((option) => [option.dataset.code ?? '', option])),
    };
    indexes.set(list, index);
  }
  return index;
}

/** The document value of a location field: the code of the place picked, else the text typed. */
export function locationValue(control) {
  const text = control.value.trim();
  return optionsOf(control)?.byValue.get(text)?.dataset.code ?? text;
}

/** What a location field shows for a code: the place's label, or the value as it was. */
export function locationText(control, code) {
  return optionsOf(control)?.byCode.get(code)?.value ?? code;
}

/**
 * Show the fields of an offer that depend on its location: the city tax only where the region
 * has one, and the effective tax rate only where offereval does not compute the taxes (the
 * regions it lists are those whose taxes it computes). A field that holds a value stays shown,
 * so that the engine's word about it has a place.
 * @param {HTMLElement} fieldset
 * @param {import('./contract').FormAnswer} spec
 */
export function showPlaceFields(fieldset, spec) {
  const control = (key) => /** @type {HTMLInputElement | null} */ (fieldset.querySelector(`[data-key="${key}"]`));
  const location = control('location');
  if (!location) return;
  const code = locationValue(location);
  const region = spec.places.flatMap((country) => country.regions).find((r) => r.code === code);
  const show = (key, wanted) => {
    const field = control(key);
    const block = /** @type {HTMLElement | null} */ (field?.closest('.field'));
    if (field && block) block.hidden = !(wanted || field.value);
  };
  show('local', region?.locals.length);
  show('tax_rate', !region);
}
