// The pieces the calculator's forms are made of: a labelled control with its help and a place
// for the engine's message, a group of them, and the red flag checkboxes. Each sits in an
// element whose data-path is the engine's name for its place in the offers document.

import { el, uniqueId } from './dom.js';

/** One labelled control with its help text and a place for the engine's message. */
export function fieldBlock(path, label, control, help) {
  const helpId = help ? uniqueId('help') : null;
  const messageId = uniqueId('message');
  control.setAttribute('aria-describedby', [helpId, messageId].filter(Boolean).join(' '));
  const labelElement = el('label', { for: control.id, text: label });
  const checkbox = control.type === 'checkbox';
  return el(
    'div',
    { class: checkbox ? 'field field-checkbox' : 'field', dataset: { path } },
    ...(checkbox ? [control, labelElement] : [labelElement, control]),
    el('p', { class: 'field-message', id: messageId, hidden: true }),
    help ? el('p', { class: 'field-help', id: helpId, text: help }) : null,
  );
}

/** A group of controls (a fieldset) that a problem can also point at as a whole. */
export function groupBlock(path, legend, className, ...children) {
  return el(
    'fieldset',
    { class: `group ${className}`, dataset: { path } },
    el('legend', { text: legend }),
    el('p', { class: 'field-message', hidden: true }),
    ...children,
  );
}

/** The control for one field of the engine's description. */
export function controlFor(field, key) {
  const common = { id: uniqueId('field'), dataset: { key, kind: field.kind } };
  switch (field.kind) {
    case 'select':
      return el('select', common, ...field.choices.map((c) => el('option', { value: c.value, text: c.label })));
    case 'boolean':
      return el('input', { ...common, type: 'checkbox', checked: field.default === true });
    case 'text':
      return el('input', { ...common, type: 'text', autocomplete: 'off', required: field.required });
    case 'integer':
      return el('input', { ...common, type: 'text', inputmode: 'numeric', autocomplete: 'off' });
    case 'percent_list':
      return el('input', { ...common, type: 'text', inputmode: 'decimal', autocomplete: 'off' });
    default: // money, number, ratio, percent
      return el('input', { ...common, type: 'text', inputmode: 'decimal', autocomplete: 'off', required: field.required });
  }
}

/** Red flag checkboxes by category: an offer's flags (key red_flags) or the dealbreakers. */
export function flagsGroup(spec, path, legend, key) {
  const categories = spec.flag_categories.map((category) => {
    const boxes = spec.red_flags
      .filter((flag) => flag.category === category.id)
      .map((flag) => {
        const control = el('input', { type: 'checkbox', id: uniqueId('flag'), dataset: { key, kind: 'flag', flag: flag.id } });
        return el('div', { class: 'field field-checkbox' }, control, el('label', { for: control.id, text: flag.text }));
      });
    return el('fieldset', { class: 'flag-category' }, el('legend', { text: category.name }), ...boxes);
  });
  return groupBlock(path, legend, 'flags', ...categories);
}
