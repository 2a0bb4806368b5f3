// Offline use and updates, on every page: registers the service worker (sw.js at the site's root,
// found relative to this module so that the site works under any path), says in the footer
// whether the site is ready to work offline, and offers a new version once one is downloaded. The
// new version takes over only when the user agrees, and every open page then reloads, so that no
// page runs on files from two versions. Saved offers live in localStorage, which updates never touch.

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

/** Follow a worker until it is in charge (ready) or thrown away (failed). */
function followInstall(worker, line) {
  if (worker.state === 'activated') {
    showStatus(line, 'ready');
    return;
  }
  showStatus(line, 'saving');
  worker.addEventListener('statechange', () => {
    if (worker.state === 'activated') showStatus(line, 'ready');
    else if (worker.state === 'redundant') showStatus(line, 'failed');
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
    return;
  }
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
