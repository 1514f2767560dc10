// The benchmark's static host for Folio: the bench's own gzip server (shared/bench/serve.mjs
// settings: gzip level 6, cached, Cache-Control: max-age=600), plus what `folio build`
// output needs from a host: `/posts/x` answered by `posts/x.html` (the prerendered page),
// then the deep-link fallback to index.html for other extension-less paths.
//   node tests/bench/serve.mjs ROOT PORT
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const [root, port] = [path.resolve(process.argv[2]), Number(process.argv[3] || 8302)];
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json', '.md': 'text/markdown; charset=utf-8', '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8', '.svg': 'image/svg+xml', '.wasm': 'application/wasm', '.png': 'image/png',
};
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.json', '.md', '.xml', '.txt', '.svg', '.wasm']);
const cache = new Map();

function resolve(urlPath) {
  const candidates = urlPath.endsWith('/')
    ? [path.join(urlPath, 'index.html')]
    : [urlPath, `${urlPath}.html`, path.join(urlPath, 'index.html')];
  if (!path.extname(urlPath)) candidates.push('/index.html');
  for (const candidate of candidates) {
    const file = path.join(root, candidate);
    if (!file.startsWith(root)) return null;
    if (fs.statSync(file, { throwIfNoEntry: false })?.isFile()) return file;
  }
  return null;
}

http.createServer((req, res) => {
  let urlPath;
  try { urlPath = decodeURIComponent(new URL(req.url, 'http://x').pathname); } catch { res.writeHead(400).end(); return; }
  const file = resolve(urlPath);
  if (!file) { res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found'); return; }
  const ext = path.extname(file);
  const gzip = COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] || ''));
  const stat = fs.statSync(file);
  const key = `${file}|${stat.mtimeMs}|${gzip}`;
  let body = cache.get(key);
  if (!body) {
    body = fs.readFileSync(file);
    if (gzip && body.length >= 256) body = zlib.gzipSync(body, { level: 6 });
    cache.set(key, body);
  }
  const headers = { 'Content-Type': TYPES[ext] || 'application/octet-stream', 'Content-Length': body.length, 'Cache-Control': 'max-age=600' };
  if (gzip && body[0] === 0x1f && body[1] === 0x8b) { headers['Content-Encoding'] = 'gzip'; headers.Vary = 'Accept-Encoding'; }
  res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : body);
}).listen(port, '127.0.0.1', () => console.error(`folio bench server: http://127.0.0.1:${port}/ (${root})`));
