// Compiles Python sources to bytecode with the pinned Pyodide's own interpreter, so that the
// calculator's Python starts without compiling what it imports (sitebuild/bytecode.py):
//
//   node scripts/compile-python.mjs PYODIDE_DIR (SOURCES_ZIP OUT_ZIP stdlib|site-packages)...
//
// Every .py entry of a SOURCES_ZIP becomes an entry of its OUT_ZIP named as it is plus "c": a
// .pyc file whose header says it is valid without its source (PEP 552, unchecked hash), so the
// same sources always give the same bytes. The code's file name is where the source would be
// inside the runtime: in its standard library's zip, or in its site-packages. Bytecode is valid
// only for the interpreter version that wrote it, which is why this one compiles it, not the
// Python running the build; the last line printed is that version, as JSON ([3, 14]).

import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

const [pyodideDir, ...jobs] = process.argv.slice(2);
const LOCATIONS = ['stdlib', 'site-packages'];
if (!pyodideDir || jobs.length === 0 || jobs.length % 3 !== 0 || jobs.some((arg, i) => i % 3 === 2 && !LOCATIONS.includes(arg))) {
  console.error('usage: node scripts/compile-python.mjs PYODIDE_DIR (SOURCES_ZIP OUT_ZIP stdlib|site-packages)...');
  process.exit(2);
}

const { loadPyodide } = await import(path.resolve(pyodideDir, 'pyodide.mjs'));
const pyodide = await loadPyodide({
  indexURL: path.resolve(pyodideDir) + path.sep,
  // Sets and frozensets among a module's constants are written in hash order: fix the seed.
  // Without the column of every instruction (what a traceback underlines with ^^^), the
  // bytecode is a fifth smaller; tracebacks still name each line.
  env: { PYTHONHASHSEED: '0', PYTHONNODEBUGRANGES: '1' },
  stdout: () => {},
  stderr: (line) => console.error(line),
});
pyodide.runPython(`
import importlib.util, marshal, sys, sysconfig, zipfile

UNCHECKED_HASH = (0b01).to_bytes(4, "little")
PREFIXES = {
    "stdlib": next(entry for entry in sys.path if entry.endswith(".zip")),
    "site-packages": sysconfig.get_paths()["purelib"],
}

def compile_zip(sources_path, out_path, location):
    prefix = PREFIXES[location]
    with zipfile.ZipFile(sources_path) as sources, zipfile.ZipFile(out_path, "w") as out:
        for name in sources.namelist():
            if name.endswith(".py"):
                source = sources.read(name)
                code = compile(source, f"{prefix}/{name}", "exec", dont_inherit=True)
                header = importlib.util.MAGIC_NUMBER + UNCHECKED_HASH
                pyc = header + importlib.util.source_hash(source) + marshal.dumps(code)
                out.writestr(zipfile.ZipInfo(name + "c"), pyc)
`);
const compileZip = pyodide.globals.get('compile_zip');
for (let i = 0; i < jobs.length; i += 3) {
  const [sources, out, location] = jobs.slice(i, i + 3);
  pyodide.FS.writeFile('/tmp/sources.zip', await readFile(sources));
  compileZip('/tmp/sources.zip', '/tmp/out.zip', location);
  await writeFile(out, pyodide.FS.readFile('/tmp/out.zip'));
}
console.log(pyodide.runPython('import json, sys; json.dumps(list(sys.version_info[:2]))'));
