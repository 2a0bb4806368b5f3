// What the checklists keep for each company's call, inside the offers document the calculator
// saves: `calls` (date, interviewer, round, the ids ticked and short answers by id) and the
// reader's own items (`own_questions`, `own_red_flags`). These functions only move data around
// in the document; the engine checks all of it on the calculator's next evaluation (the README's
// "Your own items and your calls" describes the keys).

/** @typedef {{company: string, date?: string, interviewer?: string, round?: string, ticked?: string[], answers?: Object<string, string>}} Call */

const DETAILS = ['date', 'interviewer', 'round'];

/** The offer from `company`, or undefined. */
export function findOffer(doc, company) {
  return (doc.offers ?? []).find((offer) => offer?.company === company);
}

/** @returns {Call | undefined} the call kept for `company` */
export function findCall(doc, company) {
  return (doc.calls ?? []).find((call) => call?.company === company);
}

/** @returns {Call} the call for `company`, added to the document when there is none */
function callFor(doc, company) {
  let call = findCall(doc, company);
  if (!call) {
    call = { company };
    doc.calls = [...(doc.calls ?? []), call];
  }
  return call;
}

/** A call left with nothing but its company is dropped, so the file stays as short as it can. */
function dropIfEmpty(doc, call) {
  if (Object.keys(call).some((key) => key !== 'company')) return;
  doc.calls = (doc.calls ?? []).filter((kept) => kept !== call);
  if (!doc.calls.length) delete doc.calls;
}

/** Every company named by an offer or a call, for the company field's suggestions. */
export function companies(doc) {
  const names = [...(doc.offers ?? []), ...(doc.calls ?? [])].map((entry) => entry?.company);
  return [...new Set(names.filter((name) => typeof name === 'string' && name.trim()))];
}

export function detailOf(doc, company, key) {
  return findCall(doc, company)?.[key] ?? '';
}

/** Set the call's date, interviewer or round (an empty text removes it). */
export function setDetail(doc, company, key, text) {
  if (!DETAILS.includes(key)) throw new Error(`not a detail of a call: ${key}`);
  const call = callFor(doc, company);
  if (text.trim()) call[key] = text;
  else delete call[key];
  dropIfEmpty(doc, call);
}

/** Whether an item is ticked for `company`; a red flag on the company's offer counts too. */
export function isTicked(doc, company, id, isRedFlag) {
  const offer = isRedFlag ? findOffer(doc, company) : undefined;
  return Boolean(offer?.red_flags?.includes(id) || findCall(doc, company)?.ticked?.includes(id));
}

/**
 * Tick or untick an item. A red flag goes to the company's offer when there is one, so the
 * calculator shows it ticked; without an offer it waits with the call.
 */
export function setTicked(doc, company, id, isRedFlag, ticked) {
  const call = callFor(doc, company);
  const offer = isRedFlag ? findOffer(doc, company) : undefined;
  const without = (list) => (list ?? []).filter((kept) => kept !== id);
  if (offer) {
    offer.red_flags = ticked ? [...without(offer.red_flags), id] : without(offer.red_flags);
    if (!offer.red_flags.length) delete offer.red_flags;
  }
  const ticks = ticked && !offer ? [...without(call.ticked), id] : without(call.ticked);
  if (ticks.length) call.ticked = ticks;
  else delete call.ticked;
  dropIfEmpty(doc, call);
}

export function answerOf(doc, company, id) {
  return findCall(doc, company)?.answers?.[id] ?? '';
}

/** Keep a short answer for an item (an empty text removes it). */
export function setAnswer(doc, company, id, text) {
  const call = callFor(doc, company);
  const answers = { ...call.answers };
  if (text.trim()) answers[id] = text;
  else delete answers[id];
  if (Object.keys(answers).length) call.answers = answers;
  else delete call.answers;
  dropIfEmpty(doc, call);
}

/**
 * Red flags ticked on a call before there was an offer from that company become the offer's,
 * so the calculator's form shows them where it shows the offer's red flags.
 */
export function claimHeardRedFlags(doc, isRedFlag) {
  for (const call of doc.calls ?? []) {
    const offer = findOffer(doc, call.company);
    const heard = (call.ticked ?? []).filter((id) => isRedFlag(id));
    if (!offer || !heard.length) continue;
    offer.red_flags = [...new Set([...(offer.red_flags ?? []), ...heard])];
    call.ticked = call.ticked.filter((id) => !heard.includes(id));
    if (!call.ticked.length) delete call.ticked;
    dropIfEmpty(doc, call);
  }
}

// ---- The reader's own items --------------------------------------------------------------

/** @returns {{id: string, text: string}[]} the reader's own items of a kind */
export function ownItems(doc, kind) {
  return (doc[kind] ?? []).filter((item) => item && typeof item.id === 'string');
}

/**
 * Add an item of the reader's own (kind `own_questions` or `own_red_flags`) and return its id,
 * made from its words and unlike any other item's (`taken`: the framework's ids).
 */
export function addOwnItem(doc, kind, text, taken, dealbreaker = false) {
  const used = new Set([...taken, ...ownItems(doc, 'own_questions'), ...ownItems(doc, 'own_red_flags')].map((item) => item.id ?? item));
  const stem = idStem(text);
  let id = stem;
  for (let suffix = 2; used.has(id); suffix += 1) id = `${stem}_${suffix}`;
  doc[kind] = [...(doc[kind] ?? []), { id, text: text.trim() }];
  if (dealbreaker) doc.dealbreakers = [...(doc.dealbreakers ?? []), id];
  return id;
}

/** The first words, in lower-case letters, digits and underscores, starting with a letter. */
function idStem(text) {
  const words = text.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim().split(' ');
  let stem = '';
  for (const word of words.filter(Boolean)) {
    const longer = stem ? `${stem}_${word}` : word;
    if (longer.length > 32) break;
    stem = longer;
  }
  if (!stem) stem = words.join('').slice(0, 32);
  return /^[a-z]/.test(stem) ? stem : `item_${stem}`.replace(/_+$/, '');
}

/** Remove an own item, and every tick, answer or dealbreaker that names it. */
export function removeOwnItem(doc, kind, id) {
  const without = (list) => (list ?? []).filter((kept) => kept !== id);
  doc[kind] = ownItems(doc, kind).filter((item) => item.id !== id);
  if (!doc[kind].length) delete doc[kind];
  doc.dealbreakers = without(doc.dealbreakers);
  if (!doc.dealbreakers.length) delete doc.dealbreakers;
  for (const offer of doc.offers ?? []) {
    if (!offer?.red_flags) continue;
    offer.red_flags = without(offer.red_flags);
    if (!offer.red_flags.length) delete offer.red_flags;
  }
  for (const call of [...(doc.calls ?? [])]) {
    if (call.ticked) call.ticked = without(call.ticked);
    if (call.ticked && !call.ticked.length) delete call.ticked;
    if (call.answers?.[id] !== undefined) setAnswer(doc, call.company, id, '');
    dropIfEmpty(doc, call);
  }
}
