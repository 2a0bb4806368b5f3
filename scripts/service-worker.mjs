// Writes the site's service worker: workbox-build's injectManifest puts the list of every file of
// the built site, each with a hash of its content as its revision, into the service worker's
// source (where it says self.__WB_MANIFEST). sitebuild/service_worker.py runs this after every other stage:
//
//   node scripts/service-worker.mjs SITE_DIR SW_SOURCE SW_DEST
//
// Prints {"count": files listed, "size": their bytes} as JSON; any warning fails the build.

import { injectManifest } from 'workbox-build';

// The Pyodide runtime's WebAssembly file is about 10 MB; Workbox leaves out files over 2 MiB
// unless told otherwise, and a calculator without its runtime would not work offline.
const LARGEST_FILE = 64 * 1024 * 1024;

const [siteDir, swSrc, swDest] = process.argv.slice(2);
if (!swDest) {
  console.error('usage: node scripts/service-worker.mjs SITE_DIR SW_SOURCE SW_DEST');
  process.exit(2);
}

const { count, size, warnings } = await injectManifest({
  swSrc,
  swDest,
  globDirectory: siteDir,
  // Every file, whatever its kind (.html, .js, .mjs, .wasm, .zip, .whl, .json, .png, ...):
  // Workbox's default pattern would skip most of the runtime.
  globPatterns: ['**/*'],
  maximumFileSizeToCacheInBytes: LARGEST_FILE,
});
if (warnings.length > 0) {
  console.error(warnings.join('\n'));
  process.exit(1);
}
console.log(JSON.stringify({ count, size }));
