// A printable checklist for one call: what the reader types as the company (or passes as
// ?company= in the address, so a bookmark opens a ready copy), the date, the interviewer and the
// round heads every printed page. Values are set as text, never parsed as HTML.

const details = /** @type {HTMLFormElement} */ (document.querySelector('[data-call-details]'));
const company = /** @type {HTMLInputElement} */ (document.getElementById('checklist-company'));
const printButton = /** @type {HTMLButtonElement} */ (document.querySelector('[data-checklist-print]'));
const blank = new URLSearchParams(window.location.search).has('blank');

/** Copy the call's details into the head printed on every page. */
function showDetails() {
  const values = { company: company.value.trim() };
  for (const input of details.querySelectorAll('[data-call]')) {
    const field = /** @type {HTMLInputElement} */ (input);
    values[field.dataset.call] = field.value.trim();
  }
  for (const [name, value] of Object.entries(values)) {
    document.querySelector(`[data-print="${name}"]`).textContent = value;
  }
}

/** Keep the company in the address, so a reload or a bookmark opens the same copy. */
function rememberCompany() {
  const address = new URL(window.location.href);
  const name = company.value.trim();
  if (name) address.searchParams.set('company', name);
  else address.searchParams.delete('company');
  window.history.replaceState(window.history.state, '', address);
}

const fromAddress = new URLSearchParams(window.location.search).get('company');
if (fromAddress !== null && !blank) company.value = fromAddress;
showDetails();
details.addEventListener('input', showDetails);
if (!blank) company.addEventListener('input', rememberCompany);
// Enter in a field would reload the page; what was typed is already shown.
details.addEventListener('submit', (event) => event.preventDefault());

/** @type {HTMLElement} */ (document.querySelector('[data-blank-notice]')).hidden = !blank;
printButton.hidden = false;
printButton.addEventListener('click', () => window.print());
