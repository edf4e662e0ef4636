import type { Database } from '../db/database.js';
import { slices } from '../db/slices.js';
import { intParam } from '../db/records.js';
import { NODE_TYPES } from '../model/model.js';
import { nameKeys } from '../names/name-keys.js';
import { resolutionKeyQuery } from '../search/fulltext-query.js';
import type { MappedImport } from './candidates.js';
import { MAX_NAME_SHARERS } from './entity-resolution.js';
import { isStrong } from './identifiers.js';
import { federalRegisterCitations } from './import-sources.js';
import { unique } from './text.js';
import {
  INSTRUMENT_CITATIONS,
  LIST_NAMES,
  NODE_TYPES_BY_IDS,
  PARTIES_BY_IDENTIFIERS,
  PARTIES_BY_IDS,
  PARTIES_BY_NAME_KEYS,
  RETRACTED_IDS,
} from './import.cypher.js';

/**
 * What an import needs to know about the graph before it plans anything: only what the file mentions, so that
 * the cost of an import grows with the file, not with the graph.
 */
export interface GraphState {
  /**
   * The model type of each node the graph holds among those the plan looks up by id (the file's parties,
   * authorities and sources), and of every party below. The types of what the plan then refers to are read
   * after it (withTypesOf).
   */
  types: Map<string, string>;
  /**
   * The parties the file's parties may be, with all their properties (dates as ISO strings), in id order: those
   * with an id the file proposes or refers to, those holding one of its strong identifiers, and those holding
   * one of its name keys (at most one more than a name may be shared by, see MAX_NAME_SHARERS).
   */
  parties: GraphParty[];
  /** Lists by name; `keptBy` is null for a list an interrupted import left without its relationships. */
  lists: ListState[];
  /** Instrument id by normalised citation ("84 FR 22961"). */
  instrumentsByCitation: Map<string, string>;
  /** Ids a curator retracted; an import does not bring them back. */
  retracted: Set<string>;
}

export interface GraphParty {
  type: string;
  properties: Record<string, unknown>;
}

export interface ListState {
  id: string;
  name: string;
  aliases: string[];
  keptBy: string | null;
}

/** Ids, identifiers or keys sent in one statement (Lucene refuses a query of more than 1024 clauses). */
const BATCH = 1000;

export async function readGraphState(db: Database, mapped: MappedImport): Promise<GraphState> {
  const types = Object.keys(NODE_TYPES);
  const asked = mentionedBy(mapped);
  const [nodes, byId, byIdentifier, lists, instruments, retracted] = await Promise.all([
    inBatches(asked.nodeIds, (ids) =>
      db.read<{ id: string; type: string }>(NODE_TYPES_BY_IDS, { ids, types }),
    ),
    inBatches(asked.partyIds, (ids) => db.read<GraphParty>(PARTIES_BY_IDS, { ids, types })),
    inBatches(asked.identifiers, (identifiers) =>
      db.read<GraphParty>(PARTIES_BY_IDENTIFIERS, {
        query: resolutionKeyQuery('identifiers', identifiers),
        types,
      }),
    ),
    db.read<ListState>(LIST_NAMES),
    db.read<{ id: string; citation: string }>(INSTRUMENT_CITATIONS),
    db.read<{ ids: string[] }>(RETRACTED_IDS),
  ]);
  // The parties an earlier run of this file made take no part in resolving it (plan-import.ts), so they are no
  // sharers of a name either: each key's lookup leaves out those of them that hold it.
  const excluded = new Map<string, string[]>();
  for (const { properties } of byId.filter(({ properties }) => asked.fileIds.has(String(properties.id)))) {
    for (const key of keysOf(properties)) {
      const ids = excluded.get(key) ?? [];
      ids.push(String(properties.id));
      excluded.set(key, ids);
    }
  }
  const byName = await inBatches(asked.keys, (keys) =>
    db.read<GraphParty>(PARTIES_BY_NAME_KEYS, {
      keys: keys.map((key) => ({
        query: resolutionKeyQuery('nameKeys', [key]),
        exclude: excluded.get(key) ?? [],
      })),
      limit: intParam(MAX_NAME_SHARERS + 1),
      types,
    }),
  );
  const parties = new Map<string, GraphParty>();
  for (const party of [...byId, ...byIdentifier, ...byName]) parties.set(String(party.properties.id), party);
  return {
    types: new Map([
      ...nodes.map((node): [string, string] => [node.id, node.type]),
      ...[...parties].map(([id, party]): [string, string] => [id, party.type]),
    ]),
    parties: [...parties.values()].sort((a, b) =>
      String(a.properties.id).localeCompare(String(b.properties.id)),
    ),
    lists,
    // An instrument's citation may hold several ("FCC 22-84; 88 FR 7592"); each Federal Register one finds it.
    instrumentsByCitation: new Map(
      instruments.flatMap((instrument) =>
        [instrument.citation, ...federalRegisterCitations(instrument.citation)].map((citation) => [
          normalizeCitation(citation),
          instrument.id,
        ]),
      ),
    ),
    retracted: new Set(retracted[0]?.ids ?? []),
  };
}

/** `known` and the types of those of `ids` it lacks, as the graph holds them. */
export async function withTypesOf(
  db: Database,
  known: ReadonlyMap<string, string>,
  ids: Iterable<string>,
): Promise<Map<string, string>> {
  const missing = [...new Set(ids)].filter((id) => !known.has(id));
  const found = await inBatches(missing, (batch) =>
    db.read<{ id: string; type: string }>(NODE_TYPES_BY_IDS, { ids: batch, types: Object.keys(NODE_TYPES) }),
  );
  return new Map([...known, ...found.map((node): [string, string] => [node.id, node.type])]);
}

/** "84 F.R. 22961" and "84 FR 22961" meet on "84 FR 22961". */
export function normalizeCitation(citation: string): string {
  return citation
    .replace(/F\.\s*R\./g, 'FR')
    .replace(/\s+/g, ' ')
    .trim();
}

/** What the planner asks of the graph about a file: ids, strong identifiers and name keys. */
function mentionedBy(mapped: MappedImport) {
  const fileIds = new Set(mapped.parties.map((candidate) => candidate.proposedId));
  const authorities = mapped.designations.map((designation) => designation.list.authority);
  const refs = [
    ...mapped.designations.map((designation) => designation.party),
    ...mapped.relationships.flatMap((relationship) => [relationship.from, relationship.to]),
  ];
  const authorityIds = authorities.map((authority) => authority.id);
  return {
    fileIds,
    nodeIds: unique([...fileIds, ...authorityIds, ...mapped.sources.keys()]),
    partyIds: unique([...fileIds, ...authorityIds, ...refs.flatMap((ref) => (ref.id ? [ref.id] : []))]),
    identifiers: unique([...mapped.parties, ...refs].flatMap((party) => party.identifiers).filter(isStrong)),
    keys: unique(
      [...mapped.parties, ...authorities].flatMap((party) => nameKeys([party.name, ...party.aliases])),
    ),
  };
}

function keysOf(properties: Record<string, unknown>): string[] {
  return nameKeys([String(properties.name ?? ''), ...((properties.aliases as string[] | undefined) ?? [])]);
}

/** Runs `read` on slices of `items` one after another and joins the rows. */
async function inBatches<T, R>(items: readonly T[], read: (batch: T[]) => Promise<R[]>): Promise<R[]> {
  const rows: R[] = [];
  for (const batch of slices(items, BATCH)) rows.push(...(await read(batch)));
  return rows;
}
