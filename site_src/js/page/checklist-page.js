// A printable checklist for one call, and a working page on a phone. The company (typed, or
// ?company= in the address so a bookmark opens a ready copy), the date, the interviewer and the
// round head every printed page. Ticks, answers and the reader's own items are kept per company
// in the offers document the calculator saves in this browser (call-record.js), so export,
// import, share links and "Clear all data" carry them too. ?blank gives a blank copy: nothing
// saved is shown and nothing typed is kept. Everything is set as text, never parsed as HTML;
// every figure printed comes from the engine's last results, never from this file.

import {
  addOwnItem,
  answerOf,
  companies,
  detailOf,
  findCall,
  isTicked,
  ownItems,
  removeOwnItem,
  setAnswer,
  setDetail,
  setTicked,
} from './call-record.js';
import { el, required } from './dom.js';
import { keptAside, loadSaved, saveDocument } from './saved-state.js';

const details = /** @type {HTMLFormElement} */ (document.querySelector('[data-call-details]'));
const companyInput = /** @type {HTMLInputElement} */ (document.getElementById('checklist-company'));
const list = /** @type {HTMLElement} */ (document.querySelector('[data-checklist]'));
const status = required(document, '[data-call-status]');
const blank = new URLSearchParams(window.location.search).has('blank');
const frameworkIds = (list.dataset.frameworkIds ?? '').split(' ');
const OWN_KINDS = { questions: 'own_questions', red_flags: 'own_red_flags' };

/** The company whose call the page shows (the field's value once the reader is done typing). */
let company = '';

/** The saved document as it is now (another page may have changed it since this one opened). */
function currentDocument() {
  return blank ? {} : (loadSaved()?.document ?? {});
}

/** Change the saved document; false (and a word to the reader) when nothing could be kept. */
function edit(change) {
  if (blank) return false;
  if (!company) {
    status.textContent = 'Type the company\'s name to keep your ticks and answers.';
    return false;
  }
  const doc = currentDocument();
  change(doc);
  if (!saveDocument(doc)) {
    status.textContent = 'This browser refused to keep your answers; print the page to keep a copy.';
    return false;
  }
  status.textContent = `Kept in this browser for ${company}.`;
  return true;
}

const isRedFlag = (item) => item.dataset.kind === 'red_flag';
const items = () => /** @type {HTMLElement[]} */ ([...list.querySelectorAll('[data-item]')]);
const tickOf = (item) => /** @type {HTMLInputElement} */ (item.querySelector(':scope > [data-tick]'));
const answerFieldOf = (item) => /** @type {HTMLTextAreaElement} */ (item.querySelector(':scope > .checklist__notes > [data-answer]'));

// ---- Showing a company's call ------------------------------------------------------------

/** Show what is kept for `company`: the call's details, the ticks and answers. */
function showCall(doc) {
  for (const input of /** @type {NodeListOf<HTMLInputElement>} */ (details.querySelectorAll('[data-call]'))) {
    input.value = detailOf(doc, company, input.dataset.call);
  }
  for (const item of items()) {
    tickOf(item).checked = isTicked(doc, company, item.dataset.item, isRedFlag(item));
    answerFieldOf(item).value = answerOf(doc, company, item.dataset.item);
  }
  showPrintedHead();
  showDealbreakers(doc);
}

/** Copy the call's details into the head printed on every page. */
function showPrintedHead() {
  const values = { company: companyInput.value.trim() };
  for (const input of /** @type {NodeListOf<HTMLInputElement>} */ (details.querySelectorAll('[data-call]'))) {
    values[input.dataset.call] = input.value.trim();
  }
  for (const [name, value] of Object.entries(values)) {
    required(document, `[data-print="${name}"]`).textContent = value;
  }
}

/** The company field committed (left, or Enter): show that company's call. */
function switchCompany() {
  const previous = company;
  company = companyInput.value.trim();
  rememberCompany();
  const doc = currentDocument();
  if (!previous && company && !findCall(doc, company)) {
    // What was ticked and typed before the name is kept under it.
    edit((changed) => keepScreen(changed));
  }
  showCall(currentDocument());
  status.textContent = company ? `Ticks and answers are kept in this browser for ${company}.` : '';
}

/** Everything on screen, saved for the current company. */
function keepScreen(doc) {
  for (const input of /** @type {NodeListOf<HTMLInputElement>} */ (details.querySelectorAll('[data-call]'))) {
    setDetail(doc, company, input.dataset.call, input.value);
  }
  for (const item of items()) {
    if (tickOf(item).checked) setTicked(doc, company, item.dataset.item, isRedFlag(item), true);
    setAnswer(doc, company, item.dataset.item, answerFieldOf(item).value);
  }
}

/** Keep the company in the address, so a reload or a bookmark opens the same copy. */
function rememberCompany() {
  const address = new URL(window.location.href);
  if (company) address.searchParams.set('company', company);
  else address.searchParams.delete('company');
  window.history.replaceState(window.history.state, '', address);
}

function showCompanies(doc) {
  const options = companies(doc).map((name) => Object.assign(document.createElement('option'), { value: name }));
  required(document, '[data-companies]').replaceChildren(...options);
}

// ---- The reader's own items --------------------------------------------------------------

/** A copy of the page's template for an own item, with its id and text. */
function ownItem(template, item) {
  const fragment = /** @type {DocumentFragment} */ (template.content.cloneNode(true));
  for (const element of fragment.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      if (attribute.value.includes('__ID__')) attribute.value = attribute.value.replaceAll('__ID__', item.id);
    }
  }
  required(fragment, '.checklist__text').prepend(item.text);
  return fragment;
}

/** Show the reader's own items after the framework's, with the form to add one. */
function showOwnItems(doc) {
  for (const group of /** @type {NodeListOf<HTMLElement>} */ (list.querySelectorAll('[data-own]'))) {
    const template = list.querySelector(`template[data-own-template="${group.dataset.own}"]`);
    const own = ownItems(doc, OWN_KINDS[group.dataset.own]);
    required(group, '[data-own-items]').replaceChildren(...own.map((item) => ownItem(template, item)));
    group.hidden = own.length === 0;
  }
}

function addItem(form) {
  const text = /** @type {HTMLInputElement} */ (form.querySelector('[data-add-text]'));
  const dealbreaker = /** @type {HTMLInputElement | null} */ (form.querySelector('[data-add-dealbreaker]'));
  if (!text.value.trim()) return;
  const kind = OWN_KINDS[form.dataset.add];
  // Own items belong to the reader, not to a call: they are kept whatever the company.
  const doc = currentDocument();
  addOwnItem(doc, kind, text.value, frameworkIds, dealbreaker?.checked);
  if (!saveDocument(doc)) {
    status.textContent = 'This browser refused to keep your item.';
    return;
  }
  text.value = '';
  if (dealbreaker) dealbreaker.checked = false;
  showOwnItems(doc);
  showCall(doc);
  status.textContent = 'Added; it is printed with the others, marked as yours.';
}

/**
 * Remove an own item, with every tick, answer and dealbreaker that names it; Undo puts them
 * back, as long as nothing was changed since (a later change is never undone with it).
 */
function removeItem(item) {
  const kind = isRedFlag(item) ? 'own_red_flags' : 'own_questions';
  const id = item.dataset.item;
  const before = currentDocument();
  const doc = structuredClone(before);
  removeOwnItem(doc, kind, id);
  if (!saveDocument(doc)) {
    status.textContent = 'This browser refused to keep the change; the item is still there.';
    return;
  }
  showOwnItems(doc);
  showCall(doc);
  const removed = JSON.stringify(currentDocument());
  const undo = el('button', { type: 'button', class: 'md-button call-details__undo', text: 'Undo' });
  undo.addEventListener('click', () => {
    if (JSON.stringify(currentDocument()) !== removed) {
      status.textContent = 'Not put back: the checklist changed since it was removed.';
      return;
    }
    if (!saveDocument(before)) {
      status.textContent = 'This browser refused to keep the change; the item is still removed.';
      return;
    }
    showOwnItems(before);
    showCall(before);
    status.textContent = 'Put back, with its ticks and answers.';
    /** @type {HTMLElement | null} */ (list.querySelector(`[data-item="${CSS.escape(id ?? '')}"] [data-tick]`))?.focus();
  });
  status.replaceChildren('Removed, with its ticks and answers. ', undo);
  undo.focus(); // the Remove button is gone with its item
}

// ---- The dealbreaker check: the reader's own rules ---------------------------------------

/**
 * Under the dealbreaker check's checks: the minimum and this offer's total as the engine wrote
 * them in the last results (only while they were made from the minimum saved now), the location
 * rule as typed, and the red flags counted as dealbreakers. With none, lines to write on.
 */
function showDealbreakers(doc) {
  const flags = list.querySelector('[data-dealbreaker-flags]');
  if (!flags) return;
  const summary = blank ? null : loadSaved()?.view?.dealbreaker_check;
  const current = summary && summary.minimum_total_comp === (doc.minimum_total_comp ?? null);
  const total = current ? summary.offers?.find((offer) => offer.company === company)?.total : '';
  setDetailText('minimum', current ? (summary.minimum ?? '') : '');
  setDetailText('offer_total', total ?? '');
  const rule = /** @type {HTMLInputElement} */ (list.querySelector('[data-document="location_rule"]'));
  rule.value = doc.location_rule ?? '';
  setDetailText('location_rule', rule.value.trim());
  const dealbreakers = new Set(doc.dealbreakers ?? []);
  for (const item of /** @type {NodeListOf<HTMLElement>} */ (flags.querySelectorAll(':scope > [data-item]:not(.checklist__item--own)'))) {
    item.hidden = !dealbreakers.has(item.dataset.item);
  }
  flags.querySelectorAll(':scope > .checklist__item--own').forEach((item) => item.remove());
  const template = list.querySelector('template[data-own-template="red_flags"]');
  for (const own of ownItems(doc, 'own_red_flags').filter((item) => dealbreakers.has(item.id))) {
    const fragment = ownItem(template, own);
    required(fragment, '[data-item]').classList.add('checklist__item--own');
    required(fragment, '[data-remove]').remove(); // removed where it was added
    flags.append(fragment);
  }
  const shown = [...flags.querySelectorAll(':scope > [data-item]')].some((item) => !(/** @type {HTMLElement} */ (item).hidden));
  for (const row of /** @type {NodeListOf<HTMLElement>} */ (flags.querySelectorAll('[data-blank-row]'))) row.hidden = shown;
  /** @type {HTMLElement} */ (list.querySelector('[data-no-dealbreakers]')).hidden = shown;
  for (const item of flags.querySelectorAll(':scope > [data-item]')) {
    tickOf(item).checked = isTicked(doc, company, item.getAttribute('data-item'), true);
    answerFieldOf(item).value = answerOf(doc, company, item.getAttribute('data-item'));
  }
}

function setDetailText(key, text) {
  required(list, `[data-detail="${key}"] [data-detail-text]`).textContent = text;
}

// ---- Wiring ------------------------------------------------------------------------------

function wire() {
  details.addEventListener('submit', (event) => event.preventDefault());
  companyInput.addEventListener('input', showPrintedHead);
  companyInput.addEventListener('change', switchCompany);
  details.addEventListener('input', (event) => {
    const input = /** @type {HTMLInputElement} */ (event.target);
    showPrintedHead();
    if (input.dataset.call) edit((doc) => setDetail(doc, company, input.dataset.call, input.value));
  });
  list.addEventListener('change', (event) => {
    const box = /** @type {HTMLInputElement} */ (event.target);
    const item = /** @type {HTMLElement | null} */ (box.closest('[data-item]'));
    if (!box.matches('[data-tick]') || !item) return;
    edit((doc) => setTicked(doc, company, item.dataset.item, isRedFlag(item), box.checked));
  });
  list.addEventListener('input', (event) => {
    const field = /** @type {HTMLInputElement} */ (event.target);
    if (field.matches('[data-answer]')) {
      const item = /** @type {HTMLElement} */ (field.closest('[data-item]'));
      edit((doc) => setAnswer(doc, company, item.dataset.item, field.value));
    } else if (field.dataset.document === 'location_rule' && !blank) {
      setDetailText('location_rule', field.value.trim());
      const doc = currentDocument();
      if (field.value.trim()) doc.location_rule = field.value;
      else delete doc.location_rule;
      saveDocument(doc);
    }
  });
  list.addEventListener('submit', (event) => {
    event.preventDefault();
    addItem(/** @type {HTMLFormElement} */ (event.target));
  });
  list.addEventListener('click', (event) => {
    const button = /** @type {HTMLElement} */ (event.target).closest('[data-remove]');
    if (button) removeItem(/** @type {HTMLElement} */ (button.closest('[data-item]')));
  });
  const printButton = /** @type {HTMLButtonElement} */ (document.querySelector('[data-checklist-print]'));
  printButton.hidden = false;
  printButton.addEventListener('click', () => window.print());
}

function start() {
  const fromAddress = new URLSearchParams(window.location.search).get('company');
  if (fromAddress !== null && !blank) companyInput.value = fromAddress;
  company = companyInput.value.trim();
  /** @type {HTMLElement} */ (document.querySelector('[data-blank-notice]')).hidden = !blank;
  /** @type {HTMLElement} */ (document.querySelector('[data-blank-link]')).hidden = blank;
  for (const form of /** @type {NodeListOf<HTMLElement>} */ (list.querySelectorAll('[data-add]'))) form.hidden = blank;
  const doc = currentDocument();
  showCompanies(doc);
  showOwnItems(doc);
  showCall(doc);
  if (company && !blank) status.textContent = `Ticks and answers are kept in this browser for ${company}.`;
  // A saved record this build could not read was kept aside by loadSaved(): say where it went.
  if (!blank && keptAside().length) {
    status.textContent = 'Saved offers this site could not read were kept aside as they were: the calculator offers to download or discard them.';
  }
  wire();
  list.dataset.state = 'ready';
}

start();
