import type { Database } from '../db/database.js';
import { NODE_TYPES } from '../model/model.js';
import { federalRegisterCitations } from './import-sources.js';
import {
  INSTRUMENT_CITATIONS,
  LIST_NAMES,
  NODE_TYPES_BY_ID,
  PARTIES_FOR_RESOLUTION,
  RETRACTED_IDS,
} from './import.cypher.js';

/** What an import needs to know about the graph before it plans anything. */
export interface GraphState {
  /** Every node id with its model type. */
  types: Map<string, string>;
  /** Parties with all their properties (dates as ISO strings). */
  parties: { type: string; properties: Record<string, unknown> }[];
  /** Lists by name; `keptBy` is null for a list an interrupted import left without its relationships. */
  lists: ListState[];
  /** Instrument id by normalised citation ("84 FR 22961"). */
  instrumentsByCitation: Map<string, string>;
  /** Ids a curator retracted; an import does not bring them back. */
  retracted: Set<string>;
}

export interface ListState {
  id: string;
  name: string;
  aliases: string[];
  keptBy: string | null;
}

export async function readGraphState(db: Database): Promise<GraphState> {
  const types = Object.keys(NODE_TYPES);
  const [nodes, parties, lists, instruments, retracted] = await Promise.all([
    db.read<{ id: string; type: string }>(NODE_TYPES_BY_ID, { types }),
    db.read<{ type: string; properties: Record<string, unknown> }>(PARTIES_FOR_RESOLUTION, { types }),
    db.read<ListState>(LIST_NAMES),
    db.read<{ id: string; citation: string }>(INSTRUMENT_CITATIONS),
    db.read<{ ids: string[] }>(RETRACTED_IDS),
  ]);
  return {
    types: new Map(nodes.map((node) => [node.id, node.type])),
    parties,
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

/** "84 F.R. 22961" and "84 FR 22961" meet on "84 FR 22961". */
export function normalizeCitation(citation: string): string {
  return citation
    .replace(/F\.\s*R\./g, 'FR')
    .replace(/\s+/g, ' ')
    .trim();
}
