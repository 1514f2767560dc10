// Trunk post-build step: makes the JavaScript that wasm-bindgen writes beside each
// WebAssembly module smaller. Trunk copies it as written: comments, JSDoc, long names.
//   node .ci/glue.mjs DIR
// - The app's glue (folio-app-HASH.js, an ES module) loses the classes of leptos's
//   server-function streams (IntoUnderlying*). A client-side app never creates them, and
//   index.html has wasm-opt remove the WebAssembly exports they call, so they could not
//   work anyway. Then it is minified, and the `integrity` that Trunk wrote for it in
//   index.html is computed again.
// - The app's two files are renamed after a hash of what they now hold. Trunk's name
//   hashes the compiler's output, before wasm-opt and this step: a change of either alone
//   would keep the name, and a browser holding the old file under that name for a year
//   (immutable caching) would fail the new `integrity` and never start the app.
// - The workers' glue (a classic script defining `wasm_bindgen`) is minified, its
//   top-level names kept: the loader calls `wasm_bindgen`.
// Deterministic: the same input gives the same output, so a file's hashed name still
// names one content.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as acorn from 'acorn';
import { minify } from 'terser';

/** Names of the top-level declarations to drop from the app's glue. */
const DEAD = /^(IntoUnderlying\w*|__wbindgen_enum_Readable\w*)$/;

/** `source` without the top-level statements that declare or use a name matching `DEAD`. */
export function withoutDeadClasses(source) {
  const program = acorn.parse(source, { ecmaVersion: 'latest', sourceType: 'module' });
  const dead = [];
  for (const statement of program.body) {
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
    const names = [];
    if (declaration?.type === 'ClassDeclaration') names.push(declaration.id.name);
    if (declaration?.type === 'VariableDeclaration') {
      names.push(...declaration.declarations.map((d) => d.id.name).filter(Boolean));
    }
    const used = names.length === 0 && statement.type === 'IfStatement'
      && [...source.slice(statement.start, statement.end).matchAll(/\b[\w$]+\b/g)].some(([word]) => DEAD.test(word));
    if (names.some((name) => DEAD.test(name)) || used) dead.push(statement);
  }
  let kept = source;
  for (const statement of dead.reverse()) kept = kept.slice(0, statement.start) + kept.slice(statement.end);
  const left = [...kept.matchAll(/\b[\w$]+\b/g)].map(([word]) => word).filter((word) => DEAD.test(word));
  if (left.length > 0) throw new Error(`glue.mjs: ${left[0]} is still used after its declaration was dropped`);
  return kept;
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
      const code = await minified(withoutDeadClasses(fs.readFileSync(file, 'utf8')), true);
      const wasm = fs.readFileSync(path.join(dir, `${app[1]}_bg.wasm`));
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
      fs.writeFileSync(file, await minified(fs.readFileSync(file, 'utf8'), false));
    }
  }
  fs.writeFileSync(indexFile, index);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await shrinkGlue(process.argv[2]);
}
