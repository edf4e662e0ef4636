import fs from 'node:fs';
import type { MappedImport } from '../import/candidates.js';
import { mapCslFile } from '../import/csl-mapper.js';
import { readCsv } from '../formats/csv-reader.js';
import { mapFtmFile } from '../import/ftm-mapper.js';
import { CSL_SOURCE } from '../import/import-sources.js';
import type { SyncFeed } from '../model/model.js';
import { SyncRefused } from './download.js';

/**
 * What sync knows about each kind of source: the file form (told by content, not by name), the schema check
 * a file must pass before anything is read into the graph, how to map it, and what a snapshot of it cites.
 */
export interface Feed {
  name: SyncFeed;
  /** The CSL carries whole lists; an FtM file may be any subset of a dataset. */
  complete: boolean;
  /** The file extension the raw file is kept under (the CSL reader tells JSON from CSV by it). */
  detect(file: string): Promise<string>;
  check(file: string): Promise<void>;
  map(
    file: string,
    options: { snapshotDate?: string; knownListedOn?: ReadonlyMap<string, string> },
  ): Promise<MappedImport>;
  /** Sources a ListSnapshot of this mapped file cites. */
  citations(mapped: MappedImport): string[];
}

/**
 * Columns of the CSL CSV: the older format has all of these, the current one adds `_id` in front. A file
 * without them is not the CSL (or its columns changed) and is refused as a whole.
 */
const CSL_COLUMNS = [
  'source',
  'entity_number',
  'type',
  'programs',
  'name',
  'title',
  'addresses',
  'federal_register_notice',
  'start_date',
  'end_date',
  'standard_order',
  'license_requirement',
  'license_policy',
  'call_sign',
  'vessel_type',
  'gross_tonnage',
  'gross_registered_tonnage',
  'vessel_flag',
  'vessel_owner',
  'remarks',
  'source_list_url',
  'alt_names',
  'citizenships',
  'dates_of_birth',
  'nationalities',
  'places_of_birth',
  'source_information_url',
  'ids',
];
/** Keys every entry of the CSL JSON download has. */
const CSL_JSON_KEYS = ['source', 'name', 'type', 'addresses', 'alt_names', 'start_date', 'end_date'];

const csl: Feed = {
  name: 'csl',
  complete: true,
  async detect(file) {
    return (await firstCharacter(file)) === '{' || (await firstCharacter(file)) === '[' ? 'json' : 'csv';
  },
  async check(file) {
    if ((await this.detect(file)) === 'json') return checkCslJson(file);
    for await (const row of readCsv(file)) {
      const header = new Set(row.cells.map((cell) => cell.trim()));
      const missing = CSL_COLUMNS.filter((column) => !header.has(column));
      if (missing.length > 0)
        throw new SyncRefused(
          `not the Consolidated Screening List CSV: the header lacks column(s) ${missing.join(', ')}`,
        );
      return;
    }
    throw new SyncRefused('the file is empty');
  },
  map: (file, options) => mapCslFile(file, options),
  citations: () => [CSL_SOURCE.id],
};

const ftm: Feed = {
  name: 'ftm',
  complete: false,
  detect: async () => 'jsonl',
  async check(file) {
    if ((await firstCharacter(file)) !== '{')
      throw new SyncRefused('not FollowTheMoney JSON lines: the file does not start with a JSON object');
  },
  map: (file) => mapFtmFile(file),
  citations: (mapped) => {
    const datasets = [...mapped.sources.keys()].filter((id) => id.startsWith('src-os-'));
    return datasets.length > 0 ? datasets : [...mapped.sources.keys()].slice(0, 1);
  },
};

export const FEEDS: Readonly<Record<SyncFeed, Feed>> = { csl, ftm };

async function checkCslJson(file: string): Promise<void> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await fs.promises.readFile(file, 'utf8'));
  } catch (error) {
    throw new SyncRefused(`not valid JSON (a truncated file?): ${(error as Error).message}`);
  }
  const results = Array.isArray(parsed) ? parsed : (parsed as { results?: unknown }).results;
  if (!Array.isArray(results))
    throw new SyncRefused('not the Consolidated Screening List JSON: expected {"results": [...]}');
  for (const [index, entry] of results.entries()) {
    const missing =
      typeof entry === 'object' && entry !== null
        ? CSL_JSON_KEYS.filter((key) => !(key in entry))
        : CSL_JSON_KEYS;
    if (missing.length > 0)
      throw new SyncRefused(
        `not the Consolidated Screening List JSON: entry ${index + 1} lacks ${missing.join(', ')}`,
      );
  }
}

async function firstCharacter(file: string): Promise<string> {
  const handle = await fs.promises.open(file);
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(256), 0, 256, 0);
    return buffer
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trimStart()
      .charAt(0);
  } finally {
    await handle.close();
  }
}
