// Boots the pinned Pyodide in Node.js as the calculator's worker does (the whole standard library,
// offereval installed from the site's lockfile), runs sitebuild/engine_workload.py inside it, and
// prints every file of the standard library's zip that Python imported, as JSON. build.py keeps
// only those files (sitebuild/stdlib.py):
//
//   node scripts/trace-imports.mjs PYODIDE_DIR LOCKFILE WORKLOAD
//
// The wheel is found beside the lockfile. A Python error on its way to JavaScript is raised too,
// since the worker reports errors that way and formatting one imports modules of its own.

import { readFile } from 'node:fs/promises';
import path from 'node:path';

const [pyodideDir, lockfile, workload] = process.argv.slice(2);
if (!workload) {
  console.error('usage: node scripts/trace-imports.mjs PYODIDE_DIR LOCKFILE WORKLOAD');
  process.exit(2);
}

const { loadPyodide } = await import(path.resolve(pyodideDir, 'pyodide.mjs'));
const wheels = path.dirname(path.resolve(lockfile)) + path.sep;
const pyodide = await loadPyodide({
  indexURL: path.resolve(pyodideDir) + path.sep,
  lockFileURL: path.resolve(lockfile),
  packageBaseUrl: wheels,
  packageCacheDir: wheels,
  stdout: () => {},
  stderr: (line) => console.error(line),
});
await pyodide.loadPackage('offereval', { checkIntegrity: true, messageCallback: () => {} });
pyodide.FS.writeFile('/tmp/engine_workload.py', await readFile(workload, 'utf8'));
const bridgeModules = pyodide.runPython(`
import sys
sys.path.insert(0, "/tmp")
import engine_workload
engine_workload.run()
`);
bridgeModules.destroy();
try {
  pyodide.runPython('raise ValueError("an error on its way to JavaScript")');
} catch {
  // expected: only the modules its formatting imported matter
}
const files = pyodide.runPython(`
import json, sys
json.dumps(sorted({m.__file__ for m in list(sys.modules.values()) if getattr(m, "__file__", None)}))
`);
console.log(files);
