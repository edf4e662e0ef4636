import fs from 'node:fs';
import path from 'node:path';
import { InvalidRecordsError, type RawRecord } from './records.js';
import { readTextFile } from './text-file.js';

/** Reads every `*.json` file of a seed folder; each file holds a JSON array of records. */
export function readSeedFolder(folder: string): RawRecord[] {
  const files = fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort();
  return files.flatMap((name) => readSeedFile(path.join(folder, name)));
}

export function readSeedFile(file: string): RawRecord[] {
  const name = path.basename(file);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readTextFile(file));
  } catch (error) {
    if (error instanceof InvalidRecordsError) throw error;
    throw new InvalidRecordsError([
      {
        file: name,
        position: 0,
        recordId: undefined,
        field: undefined,
        message: `not valid JSON: ${(error as Error).message}`,
      },
    ]);
  }
  if (!Array.isArray(parsed)) {
    throw new InvalidRecordsError([
      {
        file: name,
        position: 0,
        recordId: undefined,
        field: undefined,
        message: 'a seed file must hold a JSON array of records',
      },
    ]);
  }
  return parsed.map((data, index) => ({
    origin: { file: name, position: index + 1 },
    data: typeof data === 'object' && data !== null && !Array.isArray(data) ? data : { value: data },
  }));
}
