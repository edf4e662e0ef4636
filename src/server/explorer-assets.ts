import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { PROJECT_ROOT } from '../config.js';

const EXPLORER_DIR = path.join(PROJECT_ROOT, 'src', 'explorer');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Serves the explorer's files from src/explorer; every script and style comes from here, none from a CDN. */
export function serveExplorer(pathname: string, response: http.ServerResponse): void {
  const relative =
    pathname === '/' || pathname === '/explorer' ? 'index.html' : pathname.replace(/^\/(explorer\/)?/, '');
  const file = path.resolve(EXPLORER_DIR, relative);
  if (!file.startsWith(EXPLORER_DIR + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('Not found. The API is at /graphql, health at /health.');
    return;
  }
  response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
  fs.createReadStream(file).pipe(response);
}
