// The pieces the calculator's forms are made of: a labelled control with its hint and places for
// what the engine says about it (a problem, how it read the text, a question), a group of them,
// radio buttons and the red flag checkboxes. Each sits in an element whose data-path is the
// engine's name for its place in the offers document, so the engine's remarks find their field.

import { el, uniqueId } from './dom.js';

/** @typedef {import('./contract').FormAnswer} FormAnswer */
/**
 * What a control is made from: a field of the engine's description (FieldEntry), or only a kind
 * for the controls the page adds itself. "datetime" is one of those: the decision's time.
 * `list` is the id of the suggestions (a datalist) of a location or currency field.
 * @typedef {Partial<Omit<import('./contract').FieldEntry, 'kind'>> & {kind: import('./contract').FieldKind | 'datetime', placeholder?: string, list?: string}} ControlSpec
 */

/** The three places under a control for the engine's words, each tied to the control. */
function remarkSlots() {
  return {
    message: el('p', { class: 'field-message', id: uniqueId('message'), hidden: true }),
    question: el('p', { class: 'field-question', id: uniqueId('question'), hidden: true }),
    reading: el('p', { class: 'field-reading', id: uniqueId('reading'), hidden: true }),
  };
}

/** One labelled control with its hint and places for the engine's message, question and reading. */
export function fieldBlock(path, label, control, help) {
  const helpId = help ? uniqueId('help') : null;
  const slots = remarkSlots();
  control.setAttribute(
    'aria-describedby',
    [helpId, slots.message.id, slots.question.id, slots.reading.id].filter(Boolean).join(' '),
  );
  const labelElement = el('label', { for: control.id, text: label });
  const checkbox = control.type === 'checkbox';
  return el(
    'div',
    { class: checkbox ? 'field field-checkbox' : 'field', dataset: { path } },
    ...(checkbox ? [control, labelElement] : [labelElement]),
    help ? el('p', { class: 'field-help', id: helpId, text: help }) : null,
    ...(checkbox ? [] : [control]),
    slots.message,
    slots.question,
    slots.reading,
  );
}

/** A group of controls (a fieldset) that a problem can also point at as a whole. */
export function groupBlock(path, legend, className, ...children) {
  const slots = remarkSlots();
  return el(
    'fieldset',
    { class: `group ${className}`, dataset: { path } },
    el('legend', { text: legend }),
    slots.message,
    slots.question,
    ...children,
  );
}

/**
 * The control for one field of the engine's description; `owner` is data-offer's value, if any.
 * @param {ControlSpec} field
 * @param {string} key
 * @param {number | null} owner
 */
export function controlFor(field, key, owner = null) {
  const common = { id: uniqueId('field'), dataset: { key, kind: field.kind, ...(owner === null ? {} : { offer: owner }) } };
  switch (field.kind) {
    case 'select': {
      // No silent default: until a choice is made, the engine says the field is needed. A
      // field whose choices say what "none" means ("Not given") needs no placeholder.
      const choices = field.choices ?? [];
      const placeholder = choices.some((c) => c.value === '') ? null : el('option', { value: '', text: field.placeholder ?? 'Choose…' });
      return el('select', common, placeholder, ...choices.map((c) => el('option', { value: c.value, text: c.label })));
    }
    case 'boolean':
      return el('input', { ...common, type: 'checkbox', checked: field.default === true });
    case 'text':
      return el('input', { ...common, type: 'text', autocomplete: 'off', required: field.required });
    case 'integer':
      return el('input', { ...common, type: 'text', inputmode: 'numeric', autocomplete: 'off' });
    case 'datetime':
      return el('input', { ...common, type: 'datetime-local' });
    case 'location':
    case 'currency': // typed, or picked from the suggestions of `field.list` (place-fields.js)
      return el('input', { ...common, type: 'text', autocomplete: 'off', spellcheck: 'false', list: field.list });
    default: // money, number, ratio, percent, percent_list: typed as people write them ($200k, 15%)
      return el('input', { ...common, type: 'text', autocomplete: 'off', required: field.required, spellcheck: 'false' });
  }
}

/**
 * A group of radio buttons, one per choice plus "Not rated" (value ""), in a fieldset named by
 * `legend`. `key` and `owner` say where the checked value goes.
 */
export function radioGroup(path, legend, key, owner, choices) {
  const name = uniqueId('radio');
  const options = [...choices, { value: '', label: 'Not rated' }].map((choice) => {
    const input = el('input', { type: 'radio', id: uniqueId('choice'), name, value: choice.value, dataset: { key, kind: 'radio', offer: owner } });
    return el('span', { class: 'radio-option' }, input, el('label', { for: input.id, text: choice.label }));
  });
  const slots = remarkSlots();
  return el(
    'fieldset',
    { class: 'radio-group', dataset: { path } },
    el('legend', { text: legend }),
    el('span', { class: 'radio-options' }, ...options),
    slots.message,
    slots.question,
  );
}

/**
 * Red flag checkboxes by category, for one offer (key red_flags) or the dealbreakers.
 * @param {Pick<FormAnswer, 'flag_categories' | 'red_flags'>} spec
 * @param {string} path
 * @param {string} legend
 * @param {string} key
 * @param {number | null} owner
 */
export function flagsGroup(spec, path, legend, key, owner = null) {
  const categories = spec.flag_categories.map((category) => {
    const boxes = spec.red_flags
      .filter((flag) => flag.category === category.id)
      .map((flag) => {
        const control = el('input', {
          type: 'checkbox',
          id: uniqueId('flag'),
          dataset: { key, kind: 'flag', flag: flag.id, ...(owner === null ? {} : { offer: owner }) },
        });
        return el('div', { class: 'field field-checkbox' }, control, el('label', { for: control.id, text: flag.text }));
      });
    return el('fieldset', { class: 'flag-category' }, el('legend', { text: category.name }), ...boxes);
  });
  return groupBlock(path, legend, 'flags', ...categories);
}
