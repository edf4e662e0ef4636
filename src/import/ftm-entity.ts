import readline from 'node:readline';
import path from 'node:path';
import { Readable } from 'node:stream';
import { readText, type TextOptions } from '../records/text-file.js';
import type { RecordOrigin, ValidationIssue } from '../records/records.js';

/** One FollowTheMoney entity as OpenSanctions (and our FtM export) writes it: every property value is a list. */
export interface FtmEntity {
  id: string;
  schema: string;
  caption?: string;
  properties: Record<string, string[]>;
  datasets?: string[];
  referents?: string[];
  first_seen?: string;
}

export interface FtmLine {
  origin: RecordOrigin;
  entity: FtmEntity;
}

/**
 * The dataset name our FtM export writes. Entities of this dataset keep their ids as they are (they are our own
 * ids), so exporting and importing again reproduces the same graph.
 */
export const OWN_FTM_DATASET = 'restricted-graph';

/**
 * Streams an FtM JSON lines file. A line that is not a JSON entity with an id, a schema and properties is
 * reported with its line number and skipped.
 */
export async function* readFtm(
  file: string,
  issues: ValidationIssue[],
  options: TextOptions = {},
): AsyncGenerator<FtmLine> {
  const name = path.basename(file);
  const lines = readline.createInterface({
    input: Readable.from(readText(file, options)),
    crlfDelay: Infinity,
  });
  let position = 0;
  for await (const line of lines) {
    position += 1;
    if (line.trim() === '') continue;
    const origin = { file: name, position };
    const problem = (message: string) =>
      issues.push({ file: name, position, recordId: undefined, field: undefined, message });
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      problem(`not valid JSON: ${(error as Error).message}`);
      continue;
    }
    const entity = value as Partial<FtmEntity>;
    if (typeof entity !== 'object' || entity === null || Array.isArray(entity)) {
      problem('is not a JSON object');
    } else if (typeof entity.id !== 'string' || entity.id === '') {
      problem('has no "id"');
    } else if (typeof entity.schema !== 'string') {
      problem('has no "schema"');
    } else if (typeof entity.properties !== 'object' || entity.properties === null) {
      problem('has no "properties" object');
    } else {
      yield { origin, entity: { ...entity, properties: stringLists(entity.properties) } as FtmEntity };
    }
  }
}

/** Property values as lists of strings, whatever a producer wrote (a bare string, numbers). */
function stringLists(properties: Record<string, unknown>): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(properties).map(([key, value]) => [
      key,
      (Array.isArray(value) ? value : [value])
        .filter((item) => item !== null && item !== undefined)
        .map((item) => String(item)),
    ]),
  );
}
