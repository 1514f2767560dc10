// Trunk post-build step: puts the Content-Security-Policy meta tag into index.html and
// 404.html, allowing its inline scripts (Trunk's module loader, style/theme.js) and any
// inline style by their SHA-256. `folio build` writes
// the same policy (crates/folio-cli/src/cmd/build.rs, content_security_policy); an
// end-to-end test checks that the two agree.
//   node .ci/csp.mjs DIR
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export function contentSecurityPolicy(hashes, styleHashes = []) {
  const allowed = hashes.map((hash) => ` 'sha256-${hash}'`).join('');
  const styles = styleHashes.map((hash) => ` 'sha256-${hash}'`).join('');
  return `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'${allowed}; style-src 'self'${styles}; `
    + "img-src 'self' https: http: data:; connect-src 'self'; worker-src 'self'; object-src 'none'; "
    + "base-uri 'self'; form-action 'none'; frame-src 'self'";
}

export function withCsp(html) {
  const digest = (pattern) => [...html.matchAll(pattern)]
    .map((match) => crypto.createHash('sha256').update(match[1], 'utf8').digest('base64'));
  const hashes = digest(/<script(?: type="module")?>([\s\S]*?)<\/script>/g);
  const styleHashes = digest(/<style>([\s\S]*?)<\/style>/g);
  const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(hashes, styleHashes)}" />`;
  const withoutOld = html.replace(/\n?\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
  return withoutOld.replace('<head>', `<head>\n    ${meta}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2];
  for (const name of ['index.html', '404.html']) {
    const file = path.join(dir, name);
    if (fs.existsSync(file)) fs.writeFileSync(file, withCsp(fs.readFileSync(file, 'utf8')));
  }
}
