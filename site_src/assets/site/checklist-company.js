// A checklist for one company: what the reader types in "Company" (or passes as ?company= in the
// address, so a bookmark opens a ready copy) is shown at the top of the printed page. The name is
// set as text, never parsed as HTML.
const input = /** @type {HTMLInputElement} */ (document.getElementById("checklist-company"));
const printedName = document.getElementById("checklist-company-name");
const printButton = /** @type {HTMLButtonElement} */ (document.querySelector("[data-checklist-print]"));

function showCompany() {
  const company = input.value.trim();
  printedName.textContent = company;
  const address = new URL(window.location.href);
  if (company) {
    address.searchParams.set("company", company);
  } else {
    address.searchParams.delete("company");
  }
  window.history.replaceState(window.history.state, "", address);
}

const fromAddress = new URLSearchParams(window.location.search).get("company");
if (fromAddress !== null) {
  input.value = fromAddress;
}
showCompany();
input.addEventListener("input", showCompany);
// Enter in the field would reload the page with ?company=; the name is already shown.
input.form.addEventListener("submit", (event) => event.preventDefault());

printButton.hidden = false;
printButton.addEventListener("click", () => window.print());
