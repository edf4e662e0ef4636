import { isIsoDate } from '../model/values.js';
import { emptyImport, rowIssue, type MappedImport, type PartyType } from './candidates.js';
import type { TextOptions } from '../records/text-file.js';
import { readCsl, type CslRow } from './csl-reader.js';
import { fromCslIds, identifier } from './identifiers.js';
import {
  CSL_SOURCE,
  cslListSource,
  federalRegisterCitations,
  federalRegisterSource,
  isHttpUrl,
} from './import-sources.js';
import { cslList } from './list-mapping.js';
import {
  cleanText,
  countryCode,
  readableId,
  shortHash,
  splitJoined,
  unique,
  withNamesWithin,
} from './text.js';

export interface CslOptions extends TextOptions {
  /**
   * The day the CSL file was downloaded. Many rows (most OFAC ones) carry no start date; with this set they are
   * recorded as listed on or before that day, with a note saying so. Without it they load as parties without a
   * designation, and each is reported.
   */
  snapshotDate?: string;
  /**
   * Listing dates the graph already holds, by designation id: a row without a start date keeps the date of the
   * first file that held it, so a later file of the same list does not move it.
   */
  knownListedOn?: ReadonlyMap<string, string>;
}

/** CSL types that are not parties in the model. */
const NOT_PARTIES = /^(vessel|aircraft)$/i;
/** Phrases lists append to a name that describe its reach, not the party ("; and any successor ..."). */
const NAME_TAIL = /;?\s*(and )?any successors?,.*$/i;

/**
 * Maps a CSL file to parties (with aliases, addresses and identifiers) and one designation per row on the row's
 * source list. Federal Register citations become sources (or the instrument, where the graph has it).
 */
export async function mapCslFile(file: string, options: CslOptions = {}): Promise<MappedImport> {
  const mapped = emptyImport('csl', file);
  mapped.sources.set(CSL_SOURCE.id, CSL_SOURCE);
  for await (const row of readCsl(file, mapped.issues, options)) {
    mapped.rows += 1;
    mapRow(row, mapped, options);
  }
  return mapped;
}

function mapRow(row: CslRow, mapped: MappedImport, options: CslOptions): void {
  const field = (name: string) => cleanText(row.fields[name]);
  const rawName = field('name');
  const type = field('type');
  // The older format has no _id: a digest of list, name and dates stands in for it.
  const key = field('_id') || `h${shortHash(`${field('source')}|${rawName}|${field('start_date')}`, 24)}`;
  if (!rawName) {
    mapped.issues.push(rowIssue(row.origin, key, 'name', 'is empty'));
    return;
  }
  if (!field('source')) {
    mapped.issues.push(rowIssue(row.origin, key, 'source', 'is empty: the row names no list'));
    return;
  }
  if (NOT_PARTIES.test(type)) {
    mapped.skipped[`CSL ${type}`] = (mapped.skipped[`CSL ${type}`] ?? 0) + 1;
    return;
  }
  const badDate = ['start_date', 'end_date'].find((date) => field(date) && !isIsoDate(field(date)));
  if (badDate) {
    mapped.issues.push(
      rowIssue(row.origin, key, badDate, `is not a date written YYYY-MM-DD: "${field(badDate)}"`),
    );
    return;
  }

  const tail = NAME_TAIL.exec(rawName)?.[0];
  const name = tail ? rawName.slice(0, -tail.length).trim() : rawName;
  const list = cslList(field('source'), urlOrUndefined(field('source_list_url')));
  const listUrl = urlOrUndefined(field('source_list_url')) ?? urlOrUndefined(field('source_information_url'));
  const sources = [CSL_SOURCE.id];
  if (listUrl) {
    const source = cslListSource(listUrl, list.name);
    if (!mapped.sources.has(source.id)) mapped.sources.set(source.id, source);
    sources.push(source.id);
  }
  const citations = federalRegisterCitations(field('federal_register_notice'));
  const addresses = splitJoined(field('addresses'));
  const partyType = partyTypeOf(type, row);
  mapped.parties.push({
    key,
    proposedId: readableId('csl', name, key),
    type: partyType,
    name,
    aliases: withNamesWithin([name, ...splitJoined(row.fields.alt_names)]).filter((alias) => alias !== name),
    country: countryOf(row, addresses),
    identifiers: unique(
      [
        identifier('CSL', key),
        field('entity_number') ? identifier('OFAC', field('entity_number')) : undefined,
        ...fromCslIds(field('ids')),
      ].filter((value): value is string => value !== undefined),
    ),
    addresses,
    description: undefined,
    sources,
    origin: row.origin,
  });

  const designationId = `csl-${key}-listing`;
  const startDate = field('start_date') || undefined;
  const listedOn = startDate ?? options.knownListedOn?.get(designationId) ?? options.snapshotDate;
  const notes = [
    field('programs') && `Programs: ${splitJoined(field('programs')).join(', ')}.`,
    tail && `Listed "${tail.replace(/^;\s*/, '')}".`,
    !startDate &&
      listedOn &&
      `The CSL gives no start date; listed on or before ${listedOn}, the date of the first file that held it.`,
    field('license_requirement') && `Licence requirement: ${field('license_requirement')}`,
    field('remarks') && `Remarks: ${field('remarks')}`,
  ].filter(Boolean);
  for (const citation of citations) {
    const source = federalRegisterSource(citation);
    if (!mapped.sources.has(source.id)) mapped.sources.set(source.id, source);
  }
  mapped.designations.push({
    id: designationId,
    party: { key, identifiers: [`CSL:${key}`] },
    list,
    listedOn,
    ...(listedOn
      ? {}
      : {
          listedOnMissing: 'the row has no start_date; pass --snapshot-date to record it as listed by then',
        }),
    effectiveFrom: undefined,
    removedOn: field('end_date') || undefined,
    nameOnList: rawName,
    note: notes.length > 0 ? notes.join(' ').slice(0, 2000) : undefined,
    citations,
    sources,
    origin: row.origin,
  });
}

/** OFAC rows say Individual or Entity; other lists leave it empty, where birth details still mark a person. */
function partyTypeOf(type: string, row: CslRow): PartyType {
  if (/^individual$/i.test(type)) return 'Person';
  if (type) return 'Company';
  const personal = ['dates_of_birth', 'places_of_birth', 'citizenships'].some((name) =>
    cleanText(row.fields[name]),
  );
  return personal ? 'Person' : 'Company';
}

/** Nationality or citizenship for people; otherwise the country all addresses share (each ends ", CC"). */
function countryOf(row: CslRow, addresses: string[]): string | undefined {
  for (const name of ['nationalities', 'citizenships']) {
    const code = countryCode(splitJoined(row.fields[name])[0]);
    if (code) return code;
  }
  const countries = unique(addresses.map((address) => countryCode(address.split(',').pop())));
  return countries.length === 1 ? countries[0] : countries.find((code) => code !== undefined);
}

function urlOrUndefined(value: string): string | undefined {
  return isHttpUrl(value) ? value : undefined;
}
