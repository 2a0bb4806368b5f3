// sw.js loads Workbox's production builds with importScripts(); each defines its part of the
// `workbox` global, typed here from the same npm packages.
declare const workbox: {
  core: typeof import("workbox-core");
  routing: typeof import("workbox-routing");
  strategies: typeof import("workbox-strategies");
  precaching: typeof import("workbox-precaching");
};

// What workbox-build's injectManifest replaces with the list of the site's files (it looks
// for exactly `self.__WB_MANIFEST`).
interface WorkerGlobalScope {
  __WB_MANIFEST: Array<import("workbox-precaching").PrecacheEntry | string>;
}
