// Trunk post-build step: makes the JavaScript that wasm-bindgen writes beside each
// WebAssembly module smaller. Trunk copies it as written: comments, JSDoc, long names.
//   node .ci/glue.mjs DIR
// - The app's glue (folio-app-HASH.js, an ES module) is minified, and the `integrity`
//   that Trunk wrote for it in index.html is computed again.
// - The app's `main` runs in a task after the one that instantiated the module
//   (`startInATaskOfItsOwn`).
// - The app's two files are renamed after a hash of what they now hold. Trunk's name
//   hashes the compiler's output, before wasm-opt and this step: a change of either alone
//   would keep the name, and a browser holding the old file under that name for a year
//   (immutable caching) would fail the new `integrity` and never start the app.
// - The workers' glue (a classic script defining `wasm_bindgen`) is minified, its
//   top-level names kept: the loader calls `wasm_bindgen`.
// - In every module and its glue, the names that link the two (wasm-bindgen's imports,
//   such as `__wbg_appendChild_dbf7ad2f48413560`, their module name and the exports) are
//   replaced by short ones (`shortNames`): 7.1 KB of the app's gzipped download.
// Deterministic: the same input gives the same output, so a file's hashed name still
// names one content.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as acorn from 'acorn';
import { minify } from 'terser';

/** Reads an unsigned LEB128 number at `at`: `[value, next position]`. */
function readLeb(bytes, at) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at++];
    if (byte === undefined) throw new Error('glue.mjs: the WebAssembly module ends inside a number');
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

function leb(value) {
  const bytes = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    bytes.push(byte);
  } while (value > 0);
  return bytes;
}

/** `a`, `b`, ..., `Z`, `aa`, `ab`, ...: the `index`th short name. */
function shortName(index) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let name = '';
  let i = index;
  do {
    name = letters[i % letters.length] + name;
    i = Math.floor(i / letters.length) - 1;
  } while (i >= 0);
  return name;
}

/** Skips an import's description (function, table, memory, global or tag) at `at`. */
function skipImportDescription(bytes, at) {
  const kind = bytes[at++];
  const limits = (position) => {
    const flags = bytes[position++];
    let next = readLeb(bytes, position)[1];
    if (flags & 1) next = readLeb(bytes, next)[1];
    return next;
  };
  switch (kind) {
    case 0: return readLeb(bytes, at)[1]; // function: type index
    case 1: return limits(at + 1); // table: element type, limits
    case 2: return limits(at); // memory: limits
    case 3: return at + 2; // global: value type, mutability
    case 4: return readLeb(bytes, at + 1)[1]; // tag: attribute, type index
    default: throw new Error(`glue.mjs: unknown import kind ${kind}`);
  }
}

/**
 * The module's imports and exports renamed: each import and export name (but `memory`,
 * which tools look for) becomes a short one, and the imports' module name becomes `a`.
 * Returns the new module and the maps from the old names to the new.
 */
export function renameLinks(bytes) {
  if (bytes.readUInt32LE(0) !== 0x6d736100) throw new Error('glue.mjs: not a WebAssembly module');
  const imports = new Map();
  const exports = new Map();
  const modules = new Map();
  const parts = [bytes.subarray(0, 8)];
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, start] = readLeb(bytes, at + 1);
    const end = start + size;
    if (id !== 2 && id !== 7) {
      parts.push(bytes.subarray(at, end));
      at = end;
      continue;
    }
    let [count, position] = readLeb(bytes, start);
    const body = leb(count);
    const name = () => {
      const [length, from] = readLeb(bytes, position);
      position = from + length;
      return bytes.subarray(from, position).toString('utf8');
    };
    const write = (text) => {
      const encoded = Buffer.from(text, 'utf8');
      body.push(...leb(encoded.length), ...encoded);
    };
    for (let i = 0; i < count; i++) {
      if (id === 2) {
        const module = name();
        const field = name();
        if (!modules.has(module)) modules.set(module, shortName(modules.size));
        if (!imports.has(field)) imports.set(field, shortName(imports.size));
        write(modules.get(module));
        write(imports.get(field));
        const from = position;
        position = skipImportDescription(bytes, position);
        body.push(...bytes.subarray(from, position));
      } else {
        const field = name();
        const short = field === 'memory' ? field : shortName(exports.size);
        if (field !== 'memory') exports.set(field, short);
        write(short);
        const from = position;
        position = readLeb(bytes, position + 1)[1];
        body.push(...bytes.subarray(from, position));
      }
    }
    if (position !== end) throw new Error(`glue.mjs: section ${id} does not end where it says`);
    parts.push(Buffer.from([id, ...leb(body.length), ...body]));
    at = end;
  }
  return { bytes: Buffer.concat(parts), imports, exports, modules };
}

/** Calls `visitor` on `node` and then on every node below it (after the visitor's changes). */
function walk(node, visitor) {
  visitor(node);
  for (const value of Object.values(node)) {
    for (const child of Array.isArray(value) ? value : [value]) {
      if (child && typeof child.type === 'string') walk(child, visitor);
    }
  }
}

/**
 * wasm-bindgen's glue with the names of `renameLinks`: the import object's keys (the
 * module names and the functions in them) and every `wasm.NAME` use of an export. Throws
 * if any old name is left as a key, a property or a string, so a glue that reached the
 * module another way fails the build instead of the page.
 */
export function renameGlue(source, { imports, exports, modules }, sourceType = 'module') {
  const parse = (text) => acorn.parse(text, { ecmaVersion: 'latest', sourceType });
  const edits = [];
  const key = (node) => (node.type === 'Identifier' ? node.name : node.value);
  const name = (property) => (property.type === 'Property' && !property.computed ? key(property.key) : undefined);
  walk(parse(source), (node) => {
    // The import object: entries for functions the module no longer imports (wasm-opt
    // removed their calls) are dropped with the comma after them.
    if (node.type === 'ObjectExpression' && node.properties.some((p) => imports.has(name(p)))) {
      const kept = (property) => name(property) === '__proto__' || imports.has(name(property));
      node.properties.forEach((property, i) => {
        if (kept(property)) return;
        if (!/^__wbg|^__wbindgen/.test(name(property) ?? '')) {
          throw new Error(`glue.mjs: unexpected import entry ${name(property)}`);
        }
        const next = node.properties[i + 1];
        edits.push([property.start, next ? next.start : property.end, '']);
      });
      node.properties = node.properties.filter(kept);
    }
    const short = imports.get(name(node)) ?? modules.get(name(node));
    if (short !== undefined) edits.push([node.key.start, node.key.end, short]);
    if (node.type === 'MemberExpression' && !node.computed && node.object.type === 'Identifier'
      && node.object.name === 'wasm' && exports.has(node.property.name)) {
      edits.push([node.property.start, node.property.end, exports.get(node.property.name)]);
    }
  });
  let renamed = source;
  for (const [start, end, short] of edits.sort((a, b) => b[0] - a[0])) {
    renamed = renamed.slice(0, start) + short + renamed.slice(end);
  }
  const old = new Set([...imports.keys(), ...exports.keys(), ...modules.keys()]);
  const left = [];
  walk(parse(renamed), (node) => {
    if (old.has(name(node))) left.push(name(node));
    if (node.type === 'MemberExpression' && !node.computed && old.has(node.property.name)) left.push(node.property.name);
    if (node.type === 'Literal' && old.has(node.value)) left.push(node.value);
  });
  if (left.length > 0) throw new Error(`glue.mjs: the glue still names ${left[0]} after renaming`);
  return renamed;
}

/**
 * `source` with the app's `main` run in a task of its own rather than in the one that
 * instantiated the WebAssembly: at full speed a task of 8–11 ms (instantiating) and one
 * of 29–32 (the hidden app's first render) instead of one long one, while the
 * prerendered page is already showing (docs/perf.md, eighth session). A hidden page
 * starts at once, as `api::yield_to_browser` does not wait there: a background tab's
 * timers fire once a second.
 */
export function startInATaskOfItsOwn(source) {
  const call = 'wasm.__wbindgen_start();';
  if (source.split(call).length !== 2) throw new Error(`glue.mjs: the glue does not call ${call} once`);
  return source.replace(call, 'if (document.hidden) wasm.__wbindgen_start(); else setTimeout(wasm.__wbindgen_start);');
}

/** `wasmFile` and the glue `source` with short link names; returns the new glue. */
function shortNames(wasmFile, source, sourceType) {
  const renamed = renameLinks(fs.readFileSync(wasmFile));
  const glue = renameGlue(source, renamed, sourceType);
  fs.writeFileSync(wasmFile, renamed.bytes);
  return glue;
}

async function minified(source, module) {
  const result = await minify(source, {
    module,
    ecma: 2020,
    compress: { passes: 2 },
    mangle: true,
    format: { comments: false },
  });
  return result.code;
}

function sha384(text) {
  return `sha384-${crypto.createHash('sha384').update(text, 'utf8').digest('base64')}`;
}

export async function shrinkGlue(dir) {
  const indexFile = path.join(dir, 'index.html');
  let index = fs.readFileSync(indexFile, 'utf8');
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    const app = /^(folio-app-[0-9a-f]+)\.js$/.exec(name);
    if (app) {
      const wasmFile = path.join(dir, `${app[1]}_bg.wasm`);
      const source = shortNames(wasmFile, startInATaskOfItsOwn(fs.readFileSync(file, 'utf8')), 'module');
      const code = await minified(source, true);
      const wasm = fs.readFileSync(wasmFile);
      const hash = crypto.createHash('sha256').update(code).update(wasm).digest('hex').slice(0, 16);
      const stem = `folio-app-${hash}`;
      if (!index.includes(`${app[1]}.js`)) throw new Error(`glue.mjs: index.html does not name ${name}`);
      fs.rmSync(file);
      fs.writeFileSync(path.join(dir, `${stem}.js`), code);
      fs.renameSync(path.join(dir, `${app[1]}_bg.wasm`), path.join(dir, `${stem}_bg.wasm`));
      index = index.replaceAll(app[1], stem);
      const link = new RegExp(`(href="[^"]*${stem}\\.js"[^>]*integrity=")sha384-[^"]*(")`);
      if (!link.test(index)) throw new Error(`glue.mjs: index.html has no integrity for ${name}`);
      index = index.replace(link, `$1${sha384(code)}$2`);
    } else if (/^folio-[\w-]+-worker\.js$/.test(name)) {
      const source = shortNames(file.replace(/\.js$/, '_bg.wasm'), fs.readFileSync(file, 'utf8'), 'script');
      fs.writeFileSync(file, await minified(source, false));
    }
  }
  fs.writeFileSync(indexFile, index);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await shrinkGlue(process.argv[2]);
}
