import fs from 'node:fs';
import path from 'node:path';
import { InvalidRecordsError } from './records.js';

/**
 * Reading the text of a seed or import file. Without an encoding the file must be UTF-8 (a byte order mark is
 * dropped; a UTF-16 byte order mark switches to UTF-16), and a byte that is not UTF-8 stops the read with the
 * file and line, before anything is written: decoding it anyway would store U+FFFD in names. A named encoding
 * (`--encoding latin1`, any label TextDecoder knows) decodes the file as that.
 */
export interface TextOptions {
  encoding?: string | undefined;
}

/** Whether TextDecoder knows the encoding's name, for checking an option before any work starts. */
export function isKnownEncoding(name: string): boolean {
  try {
    new TextDecoder(name);
    return true;
  } catch {
    return false;
  }
}

/** The file's text in chunks, decoded as described above. */
export async function* readText(file: string, options: TextOptions = {}): AsyncGenerator<string> {
  checkFile(file);
  let decoder: TextDecoder | undefined;
  let lines = 0;
  for await (const raw of fs.createReadStream(file, { highWaterMark: 1 << 16 })) {
    let bytes = raw as Buffer;
    if (!decoder) {
      const chosen = chooseDecoder(bytes, options);
      decoder = chosen.decoder;
      bytes = bytes.subarray(chosen.skip);
    }
    let text: string;
    try {
      text = decoder.decode(bytes, { stream: true });
    } catch {
      throw invalidText(file, lines + 1 + newlinesBefore(bytes, invalidUtf8Offset(bytes)), bytes);
    }
    lines += countNewlines(text);
    yield text;
  }
  if (!decoder) return;
  try {
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch {
    throw invalidText(file, lines + 1, undefined);
  }
}

/** A whole file as text (a JSON document is parsed whole anyway), decoded as described above. */
export function readTextFile(file: string, options: TextOptions = {}): string {
  checkFile(file);
  const bytes = fs.readFileSync(file);
  const { decoder, skip } = chooseDecoder(bytes, options);
  const body = bytes.subarray(skip);
  try {
    return decoder.decode(body);
  } catch {
    throw invalidText(file, 1 + newlinesBefore(body, invalidUtf8Offset(body)), body);
  }
}

/** The file must exist and be a file: a folder or a missing path is a clear message, not EISDIR or ENOENT. */
export function checkFile(file: string): void {
  let problem: string | undefined;
  try {
    if (fs.statSync(file).isDirectory()) problem = 'is a folder; name a file';
  } catch {
    problem = 'does not exist or cannot be read';
  }
  if (problem) throw fileProblem(file, 0, problem);
}

function chooseDecoder(first: Buffer, options: TextOptions): { decoder: TextDecoder; skip: number } {
  if (options.encoding) return { decoder: new TextDecoder(options.encoding), skip: 0 };
  if (first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf)
    return { decoder: new TextDecoder('utf-8', { fatal: true }), skip: 3 };
  if (first[0] === 0xff && first[1] === 0xfe) return { decoder: new TextDecoder('utf-16le'), skip: 2 };
  if (first[0] === 0xfe && first[1] === 0xff) return { decoder: new TextDecoder('utf-16be'), skip: 2 };
  return { decoder: new TextDecoder('utf-8', { fatal: true }), skip: 0 };
}

function invalidText(file: string, line: number, bytes: Buffer | undefined): InvalidRecordsError {
  const offset = bytes ? invalidUtf8Offset(bytes) : -1;
  const byte = bytes && offset >= 0 ? ` (byte 0x${bytes[offset]!.toString(16).toUpperCase()})` : '';
  return fileProblem(
    file,
    line,
    `is not valid UTF-8${byte}; if the file is in another encoding, name it with --encoding (e.g. --encoding latin1)`,
  );
}

function fileProblem(file: string, line: number, message: string): InvalidRecordsError {
  return new InvalidRecordsError([
    { file: path.basename(file), position: line, recordId: undefined, field: undefined, message },
  ]);
}

function countNewlines(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count += 1;
  return count;
}

function newlinesBefore(bytes: Buffer, offset: number): number {
  let count = 0;
  for (let index = 0; index < (offset < 0 ? bytes.length : offset); index += 1)
    if (bytes[index] === 0x0a) count += 1;
  return count;
}

/**
 * Offset of the first byte that cannot be UTF-8 (a chunk may begin inside a character: up to three leading
 * continuation bytes are allowed, and may end inside one), or -1.
 */
function invalidUtf8Offset(bytes: Buffer): number {
  let index = 0;
  while (index < 3 && index < bytes.length && (bytes[index]! & 0xc0) === 0x80) index += 1;
  while (index < bytes.length) {
    const byte = bytes[index]!;
    const length =
      byte < 0x80
        ? 1
        : byte >= 0xc2 && byte <= 0xdf
          ? 2
          : byte >= 0xe0 && byte <= 0xef
            ? 3
            : byte >= 0xf0 && byte <= 0xf4
              ? 4
              : 0;
    if (length === 0) return index;
    for (let next = 1; next < length; next += 1) {
      if (index + next >= bytes.length) return -1;
      if ((bytes[index + next]! & 0xc0) !== 0x80) return index;
    }
    index += length;
  }
  return -1;
}
