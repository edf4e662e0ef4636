import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { pathToFileURL } from 'node:url';

export interface FetchLimits {
  /** The whole download, connection to last byte. */
  timeoutMs: number;
  maxBytes: number;
  /** Bytes so far and the expected total (0 when the server does not say). */
  onProgress?: (done: number, total: number) => void;
}

export interface FetchedFile {
  /** A temporary file in the snapshot folder holding exactly the bytes received. */
  tempFile: string;
  /** What was fetched: the URL, or the file:// URL of a local file. */
  url: string;
  sha256: string;
  bytes: number;
  /** The server's Last-Modified day, the one publication date an HTTP download gives. */
  publishedOn: string | undefined;
}

/** A download or a file that cannot be used; the message says why, and nothing has been written to the graph. */
export class SyncRefused extends Error {}

/**
 * Copies a URL or a local file into `folder`, hashing it on the way, within the time and size limits. A body
 * shorter than its Content-Length, a connection that drops, a timeout and an oversized file are all refused.
 */
export async function fetchToFolder(
  location: { url: string } | { file: string },
  folder: string,
  limits: FetchLimits,
): Promise<FetchedFile> {
  await fs.promises.mkdir(folder, { recursive: true });
  const tempFile = path.join(folder, `.download-${process.pid}-${Date.now()}`);
  try {
    const { body, url, total, publishedOn } =
      'url' in location ? await open(location.url, limits.timeoutMs) : await openFile(location.file);
    if (total > limits.maxBytes) throw tooLarge(url, limits.maxBytes, total);
    const hash = createHash('sha256');
    let bytes = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        if (bytes > limits.maxBytes) return done(tooLarge(url, limits.maxBytes));
        hash.update(chunk);
        limits.onProgress?.(bytes, total);
        done(null, chunk);
      },
    });
    try {
      await pipeline(body, meter, fs.createWriteStream(tempFile), {
        signal: AbortSignal.timeout(limits.timeoutMs),
      });
    } catch (error) {
      if (error instanceof SyncRefused) throw error;
      const reason = (error as Error).name === 'AbortError' ? `timed out after ${limits.timeoutMs} ms` : '';
      throw new SyncRefused(
        `${url}: the download ended early after ${bytes} bytes${total ? ` of ${total}` : ''} ` +
          `(${reason || (error as Error).message}); nothing was imported`,
        { cause: error },
      );
    }
    if (total && bytes !== total)
      throw new SyncRefused(`${url}: truncated download: ${bytes} of ${total} bytes; nothing was imported`);
    return { tempFile, url, sha256: hash.digest('hex'), bytes, publishedOn };
  } catch (error) {
    await fs.promises.rm(tempFile, { force: true });
    throw error;
  }
}

async function open(url: string, timeoutMs: number) {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
  } catch (error) {
    throw new SyncRefused(`${url}: could not download: ${(error as Error).message}`, { cause: error });
  }
  if (!response.ok || !response.body)
    throw new SyncRefused(`${url}: the server answered ${response.status} ${response.statusText}`);
  const lastModified = response.headers.get('last-modified');
  const published = lastModified ? new Date(lastModified) : undefined;
  return {
    body: Readable.fromWeb(response.body as WebReadableStream<Uint8Array>),
    url,
    total: Number(response.headers.get('content-length') ?? 0) || 0,
    publishedOn:
      published && !Number.isNaN(published.getTime()) ? published.toISOString().slice(0, 10) : undefined,
  };
}

async function openFile(file: string) {
  const absolute = path.resolve(file);
  const stat = await fs.promises.stat(absolute).catch(() => undefined);
  if (!stat?.isFile()) throw new SyncRefused(`${file}: no such file`);
  return {
    body: fs.createReadStream(absolute),
    url: pathToFileURL(absolute).href,
    total: stat.size,
    publishedOn: undefined,
  };
}

function tooLarge(url: string, maxBytes: number, total?: number): SyncRefused {
  const size = total ? ` (${total} bytes)` : '';
  return new SyncRefused(
    `${url}: larger than the limit of ${maxBytes} bytes${size}; raise SYNC_MAX_BYTES if that is expected`,
  );
}
