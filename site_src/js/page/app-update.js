// Offline use and updates, on every page: registers the service worker (sw.js at the site's root,
// found relative to this module so that the site works under any path), says in the footer
// whether the site is ready to work offline, and offers a new version once one is downloaded. The
// new version takes over only when the user agrees, and every open page then reloads, so that no
// page runs on files from two versions. Saved offers live in localStorage, which updates never touch.
//
// The service worker saves the pages when it installs and the calculator's runtime after: once it
// is in charge, this page asks it to save the rest (CACHE_RUNTIME), and the footer says "Ready to
// work offline" when it says everything is saved.

const SW_URL = new URL('../../sw.js', import.meta.url);

const STATUS_TEXT = {
  saving: 'Saving this site for offline use…',
  ready: 'Ready to work offline',
  failed: 'Not saved for offline use yet: it will try again on your next visit online.',
  unsupported: 'This browser cannot keep this site for offline use.',
};

/** A polite live region: screen readers announce changes without moving the focus. */
function liveRegion(tag, className, parent) {
  const region = document.createElement(tag);
  region.className = className;
  region.setAttribute('role', 'status');
  region.setAttribute('aria-live', 'polite');
  parent.append(region);
  return region;
}

function showStatus(line, state) {
  line.dataset.offline = state;
  line.textContent = STATUS_TEXT[state];
}

/** Follow a worker until it is in charge, then have it save the rest; or until it is thrown away. */
function followInstall(worker, line) {
  showStatus(line, 'saving');
  if (worker.state === 'activated') {
    saveEverything(line);
    return;
  }
  worker.addEventListener('statechange', () => {
    if (worker.state === 'activated') saveEverything(line);
    else if (worker.state === 'redundant') showStatus(line, 'failed');
  });
}

/** Ask the version in charge to save what it has not saved yet (the runtime); it says when it has. */
function saveEverything(line) {
  navigator.serviceWorker.addEventListener('message', (event) => {
    if (event.data?.type === 'OFFLINE') showStatus(line, event.data.state === 'ready' ? 'ready' : 'failed');
  });
  navigator.serviceWorker.startMessages();
  navigator.serviceWorker.ready.then((registration) => registration.active?.postMessage({ type: 'CACHE_RUNTIME' }));
}

/** Settled by start() with the registration, or null when there is none. */
let settleRegistration;
const registered = new Promise((resolve) => {
  settleRegistration = resolve;
});

/**
 * Resolves once a service worker is in charge of this page, so that the calculator's worker,
 * which inherits it, downloads the runtime through it and the runtime is downloaded once. On a
 * first visit that is after the pages are saved; it resolves at once when no service worker will
 * be (unsupported, or failed), and after `waitMs` at the latest.
 */
export async function serviceWorkerInCharge(waitMs) {
  if (!('serviceWorker' in navigator) || navigator.serviceWorker.controller) return;
  const registration = await registered;
  if (!registration) return;
  const installing = registration.installing ?? registration.waiting;
  // A version already in charge of other pages takes this one only if it is installing now.
  const limit = installing ? waitMs : Math.min(waitMs, 1000);
  await new Promise((resolve) => {
    const timer = setTimeout(resolve, limit);
    const done = () => {
      clearTimeout(timer);
      resolve(undefined);
    };
    navigator.serviceWorker.addEventListener('controllerchange', done, { once: true });
    installing?.addEventListener('statechange', () => {
      if (installing.state === 'redundant') done();
    });
  });
}

/** Show "a new version is ready" with a Reload button that lets the waiting worker take over. */
function offerUpdate(notice, registration) {
  if (notice.childElementCount > 0) return;
  const text = document.createElement('p');
  text.className = 'app-update__text';
  text.textContent = 'A new version of this site is ready. Your saved offers are kept.';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'md-button md-button--primary app-update__reload';
  button.textContent = 'Reload';
  button.addEventListener('click', () => {
    button.disabled = true;
    button.textContent = 'Updating…';
    // The newest waiting version, should another have arrived since the notice appeared.
    registration.waiting?.postMessage({ type: 'SKIP_WAITING' });
  });
  notice.append(text, button);
}

/** Offer the update when a new version has finished downloading while an old one is in charge. */
function watchForUpdates(registration, notice) {
  const offerOnceInstalled = (worker) => {
    if (!worker) return;
    const offerIfInstalled = () => {
      // With no worker in charge of this page, this is the first install: it needs no consent.
      if (worker.state === 'installed' && navigator.serviceWorker.controller) {
        offerUpdate(notice, registration);
      }
    };
    offerIfInstalled();
    worker.addEventListener('statechange', offerIfInstalled);
  };
  // A version found before this page looked (waiting, or still downloading), or found later.
  offerOnceInstalled(registration.waiting);
  if (registration.active) offerOnceInstalled(registration.installing);
  registration.addEventListener('updatefound', () => offerOnceInstalled(registration.installing));
}

async function start() {
  const footer = document.querySelector('.md-footer-meta__inner') ?? document.body;
  const line = liveRegion('p', 'app-offline', footer);
  if (!('serviceWorker' in navigator)) {
    showStatus(line, 'unsupported');
    settleRegistration(null);
    return;
  }
  // md-typeset: the theme's button styles apply inside it.
  const notice = liveRegion('div', 'app-update md-typeset', document.body);
  // A page under a service worker reloads when another version takes over, whether the user
  // agreed here or in another tab. The very first install takes over pages that came from the
  // network, as its files did: those need no reload.
  let controlled = Boolean(navigator.serviceWorker.controller);
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (!controlled) {
      controlled = true;
    } else if (!reloading) {
      reloading = true;
      location.reload();
    }
  });
  let registration;
  try {
    registration = await navigator.serviceWorker.register(SW_URL, { updateViaCache: 'none' });
  } catch {
    showStatus(line, 'failed');
    settleRegistration(null);
    return;
  }
  settleRegistration(registration);
  followInstall(registration.active ?? registration.installing ?? registration.waiting, line);
  watchForUpdates(registration, notice);
  // An app left open on a phone comes back to the front: look for a new version then too.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') registration.update().catch(() => {});
  });
}

// After the page has loaded: downloading the site for offline use must not slow the page down.
if (document.readyState === 'complete') start();
else window.addEventListener('load', start, { once: true });
