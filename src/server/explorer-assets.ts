import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { PROJECT_ROOT } from '../config.js';

const EXPLORER_DIR = path.join(PROJECT_ROOT, 'src', 'explorer');
/**
 * Browser builds of the libraries the explorer imports, served from node_modules so it works offline, and the
 * project's own modules it shares with the service (reached from src/explorer as ../formats/... and
 * ../operations/..., which the browser resolves to /formats/... and /operations/...).
 */
const SHARED_FILES: Record<string, string> = {
  '/vendor/cytoscape.mjs': 'node_modules/cytoscape/dist/cytoscape.esm.min.mjs',
  '/vendor/cytoscape-dagre.mjs': 'node_modules/cytoscape-dagre/dist/cytoscape-dagre.min.mjs',
  '/vendor/csv-stringify.mjs': 'node_modules/csv-stringify/dist/esm/sync.js',
  '/vendor/csv-parse.mjs': 'node_modules/csv-parse/dist/esm/sync.js',
  '/formats/csv-writer.js': 'src/formats/csv-writer.js',
  '/formats/graphml-writer.js': 'src/formats/graphml-writer.js',
  '/formats/screening-columns.js': 'src/formats/screening-columns.js',
  '/operations/operations.js': 'src/operations/operations.js',
};
/**
 * Self-hosted CJK font: Noto Sans SC (@fontsource/noto-sans-sc, SIL OFL) in its regular and bold weights, split
 * into woff2 subsets by unicode-range, so a page downloads only the subsets of the characters it shows. The
 * explorer's font stacks name it after the system fonts: Chinese names render where the viewer has no CJK font.
 */
const FONT_PREFIX = '/vendor/fonts/noto-sans-sc/';
const FONT_DIR = 'node_modules/@fontsource/noto-sans-sc';
const FONT_FILES = /^(?:(?:400|700)\.css|files\/noto-sans-sc-[a-z0-9-]+-(?:400|700)-normal\.woff2?)$/;
/** Pages of the explorer other than the graph view, by the path they are served at. */
const PAGES: Record<string, string> = {
  '/screen': 'screen.html',
  '/screen/': 'screen.html',
};
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

/** Serves the explorer's files from src/explorer; every script and style comes from here, none from a CDN. */
export function serveExplorer(pathname: string, response: http.ServerResponse): void {
  const shared = SHARED_FILES[pathname] ?? fontFile(pathname);
  const relative = ['/', '/explorer', '/explorer/'].includes(pathname)
    ? 'index.html'
    : (PAGES[pathname] ?? pathname.replace(/^\/(explorer\/)?/, ''));
  const file = shared ? path.join(PROJECT_ROOT, shared) : path.resolve(EXPLORER_DIR, relative);
  const inside = shared !== undefined || file.startsWith(EXPLORER_DIR + path.sep);
  if (!inside || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('Not found. The API is at /graphql, health at /health.');
    return;
  }
  response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
  fs.createReadStream(file).pipe(response);
}

/** The font file (stylesheet or subset) a /vendor/fonts/noto-sans-sc/... path names, if it is one. */
function fontFile(pathname: string): string | undefined {
  if (!pathname.startsWith(FONT_PREFIX)) return undefined;
  const name = pathname.slice(FONT_PREFIX.length);
  return FONT_FILES.test(name) ? `${FONT_DIR}/${name}` : undefined;
}
