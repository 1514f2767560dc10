// A loopback static server for the end-to-end tests and the demo, modelled on a plain
// static host: files are served as they are; with `spa: true`, a path WITHOUT a file
// extension gets index.html (the deep-link fallback of nginx `try_files`, Netlify
// redirects); a missing file with an extension (`.md`, `.json`) always stays a 404.
// With `spa: false` a missing path gets 404.html with status 404, as GitHub Pages does.
//
// `overlay` is a folder whose files win over `root` (a test site's posts.json and posts),
// and `faults` maps a site-relative path to an injected answer:
//   { status: 500 } | { delayMs: 3000 } | { body: '...', type: 'text/html' } | { drop: true }
//   | { stall: true } (the connection stays open and nothing is ever answered)
// and `headers` are sent with every answer (such as a Content-Security-Policy header).
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
};

async function readFirst(dirs, rel) {
  for (const dir of dirs) {
    if (!dir) continue;
    const full = path.join(dir, rel);
    // Never serve outside the folders, whatever the URL says.
    if (!full.startsWith(path.resolve(dir) + path.sep)) continue;
    try {
      const stat = await fs.stat(full);
      if (stat.isFile()) return await fs.readFile(full);
      if (stat.isDirectory()) {
        const index = path.join(full, 'index.html');
        return await fs.readFile(index).then((body) => ({ body, index: true }), () => null);
      }
    } catch { /* try the next folder */ }
  }
  return null;
}

/** Starts a server; resolves to { url, close }. `base` is the sub-path, such as '/blog/'. */
export async function startServer({ root, overlay = null, base = '/', spa = true, faults = {}, headers = {}, port = 0 }) {
  const dirs = [overlay && path.resolve(overlay), path.resolve(root)];
  const server = http.createServer((req, res) => handle(req, res).catch((error) => {
    // A request that arrives as a test tears its site down must not crash the run.
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
    res.end(String(error && error.message || error));
  }));
  const handle = async (req, res) => {
    const url = new URL(req.url, 'http://x');
    let pathname;
    try { pathname = decodeURIComponent(url.pathname); } catch { pathname = url.pathname; }
    const send = (status, body, type) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
      res.end(body);
    };
    if (!pathname.startsWith(base) && pathname + '/' !== base) return send(404, 'outside the base path', 'text/plain');
    const rel = pathname.slice(base.length) || '';
    const fault = faults[rel];
    if (fault) {
      if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
      if (fault.drop) { req.socket.destroy(); return; }
      if (fault.stall) return;
      if (fault.status) return send(fault.status, fault.body ?? `injected ${fault.status}`, fault.type ?? 'text/plain');
      if (fault.body !== undefined) return send(200, fault.body, fault.type ?? TYPES[path.extname(rel)] ?? 'application/octet-stream');
    }
    const rel2 = rel === '' ? 'index.html' : rel;
    // Like GitHub Pages, Netlify and `try_files $uri $uri.html`: /posts/x may be posts/x.html.
    const found = await readFirst(dirs, rel2) ?? (path.extname(rel2) === '' ? await readFirst(dirs, rel2 + '.html') : null);
    if (found) {
      const body = found.body ?? found;
      const type = found.index || path.extname(rel2) === '' ? TYPES['.html'] : TYPES[path.extname(rel2)] ?? 'application/octet-stream';
      return send(200, body, type);
    }
    const hasExtension = path.extname(rel2) !== '';
    if (spa && !hasExtension) return send(200, await fs.readFile(path.join(root, 'index.html')), TYPES['.html']);
    const page404 = await readFirst(dirs, '404.html');
    return send(404, page404 ?? 'not found', TYPES['.html']);
  };
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: actual } = server.address();
  return {
    url: `http://127.0.0.1:${actual}${base}`,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}

// `node tests/e2e/server.mjs [--root dist] [--port 8080] [--base /]`: serve until stopped.
if (import.meta.url === `file://${process.argv[1]}`) {
  const args = Object.fromEntries(process.argv.slice(2).join(' ').split('--').filter(Boolean).map((a) => a.trim().split(/\s+/)));
  const server = await startServer({ root: args.root ?? 'dist', base: args.base ?? '/', port: Number(args.port ?? 8080) });
  console.log(`Folio is being served at ${server.url} (Ctrl+C stops it)`);
}
