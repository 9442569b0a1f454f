/**
 * Local server for the demo chat pages and the test fixture pages.
 *
 *   /                 → demo/            (the demo seller-chat pages)
 *   /fixtures/…       → tests/fixtures/  (marketplace look-alikes, editor pages)
 *
 * A request for `name.entry.js` bundles the sibling `name.entry.ts`/`.tsx`
 * with esbuild on the fly, so fixture pages can use the real React, Vue,
 * Quill, Lexical, Slate or ProseMirror packages without a build step.
 *
 *   npm run demo [-- --port 5173]
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const mounts: Array<[prefix: string, dir: string]> = [
  ['/fixtures/', join(root, 'tests', 'fixtures')],
  ['/', join(root, 'demo')],
];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

function resolvePath(urlPath: string): string | null {
  for (const [prefix, dir] of mounts) {
    if (!urlPath.startsWith(prefix)) continue;
    const rel = decodeURIComponent(urlPath.slice(prefix.length)) || 'index.html';
    const full = normalize(join(dir, rel));
    if (!full.startsWith(dir + sep) && full !== dir) return null; // no escaping the mount
    return full;
  }
  return null;
}

async function bundle(entryJs: string): Promise<string | null> {
  const base = entryJs.slice(0, -'.js'.length);
  const source = ['.tsx', '.ts', '.jsx'].map((ext) => base + ext).find((p) => existsSync(p));
  if (!source) return null;
  const result = await build({
    entryPoints: [source],
    bundle: true,
    write: false,
    format: 'esm',
    target: 'chrome120',
    jsx: 'automatic',
    jsxImportSource: source.includes('preact') ? 'preact' : 'react',
    // The repo's tsconfig says Preact; fixture pages choose by file name instead.
    tsconfigRaw: { compilerOptions: { jsx: 'react-jsx', jsxImportSource: source.includes('preact') ? 'preact' : 'react' } },
    define: {
      'process.env.NODE_ENV': '"development"',
      __VUE_OPTIONS_API__: 'true',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
    alias: { vue: 'vue/dist/vue.esm-bundler.js' },
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

export function startDemoServer(port = 5173, host = '127.0.0.1'): Promise<Server> {
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      let path = resolvePath(url.pathname);
      if (path && existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
      if (!path) {
        res.writeHead(403).end('forbidden');
        return;
      }
      if (path.endsWith('.entry.js')) {
        const js = await bundle(path);
        if (js !== null) {
          res.writeHead(200, { 'content-type': TYPES['.js']!, 'cache-control': 'no-store' }).end(js);
          return;
        }
      }
      if (!existsSync(path)) {
        res.writeHead(404, { 'content-type': TYPES['.txt']! }).end('not found');
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(readFileSync(path));
    } catch (error) {
      res.writeHead(500, { 'content-type': TYPES['.txt']! }).end(String(error));
    }
  });
  return new Promise((resolveStart, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolveStart(server));
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const portArg = process.argv.indexOf('--port');
  const port = portArg > 0 ? Number(process.argv[portArg + 1]) : 5173;
  const server = await startDemoServer(port);
  const address = server.address();
  console.log(`Huashu demo pages: http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}/`);
}
