import type { Database } from '../db/database.js';
import { findNodes, findRelations, type GraphNode, type NodeRelation } from '../db/nodes.js';
import { dateParam } from '../db/records.js';
import { MEASURE_PARTIES, REACHED_FROM_PARTIES } from '../db/queries/restriction.cypher.js';
import type { RelationshipType } from '../model/model.js';
import { explainRestrictions } from './explain.js';
import type { AppliedRestriction, RestrictionReport } from './types.js';
import {
  ASSUME_DESIGNATION,
  ASSUME_DESIGNATION_END,
  ASSUME_RELATION,
  ASSUME_SUSPENSION_END,
} from './what-if.cypher.js';

/** One fact assumed for a "what if" question. */
export type Assumption =
  | { kind: 'designate'; partyId: string; listId: string; on: string }
  | { kind: 'endDesignation'; designationId: string; on: string }
  | { kind: 'endSuspension'; measureId: string; on: string }
  | {
      kind: 'relation';
      type: RelationshipType;
      from: string;
      to: string;
      percent: number | null;
      validFrom: string | null;
    };

/** An entity whose restrictions the assumptions change. */
export interface WhatIfChange {
  entityId: string;
  before: RestrictionReport;
  after: RestrictionReport;
  /** Restrictions that would apply and do not now (by measure and listing). */
  gained: AppliedRestriction[];
  /** Restrictions that apply now and would not. */
  lost: AppliedRestriction[];
}

export interface WhatIfOutcome {
  asOf: string;
  /** How many entities were judged twice (with and without the assumptions). */
  considered: number;
  /** Not restricted now, restricted under the assumptions. */
  becomeRestricted: WhatIfChange[];
  /** Restricted now, not under the assumptions. */
  noLongerRestricted: WhatIfChange[];
  /** Restricted both ways, by a different set of measures or listings. */
  changed: WhatIfChange[];
  /** The lists the assumptions list parties on. */
  listIds: string[];
  /** The assumed designations as the graph would hold them, for answering fields about them. */
  assumedNodes: GraphNode[];
  assumedRelations: NodeRelation[];
}

/** More than this many entities to judge is refused: the caller narrows the question with `ids`. */
export const MAX_CONSIDERED = 5000;

export class TooManyToConsiderError extends Error {
  constructor(readonly count: number) {
    super(
      `The assumptions touch ${count} entities, more than ${MAX_CONSIDERED}; name the ones to judge with ids.`,
    );
  }
}

/**
 * What the graph would answer under some assumptions, with nothing written: the assumptions are written in a
 * rehearsal (one transaction, rolled back), the entities they can touch are found there from the parties
 * concerned down, as `reach` does, and each is judged by the same evaluation as explainRestrictions with the
 * assumptions and without them. `ids`, when given, are the entities to judge instead.
 */
export async function whatIf(
  db: Database,
  question: { assumptions: readonly Assumption[]; asOf: string; depth: number; ids?: readonly string[] },
): Promise<WhatIfOutcome> {
  const rehearsed = await db.rehearse(async (assumed) => {
    const written = await assume(assumed, question.assumptions);
    const candidates = question.ids
      ? [...new Set(question.ids)]
      : await touched(assumed, written.partyIds, question.depth);
    if (candidates.length > MAX_CONSIDERED) throw new TooManyToConsiderError(candidates.length);
    const keys = candidates.map((id) => ({ id, asOf: question.asOf, depth: question.depth }));
    return {
      candidates,
      keys,
      after: await explainRestrictions(assumed, keys),
      assumedNodes: await findNodes(assumed, written.designationIds),
      assumedRelations: await findRelations(assumed, written.designationIds),
    };
  });
  const before = await explainRestrictions(db, rehearsed.keys);
  const outcome: WhatIfOutcome = {
    asOf: question.asOf,
    considered: rehearsed.candidates.length,
    becomeRestricted: [],
    noLongerRestricted: [],
    changed: [],
    listIds: [
      ...new Set(
        question.assumptions.flatMap((assumed) => (assumed.kind === 'designate' ? [assumed.listId] : [])),
      ),
    ],
    assumedNodes: rehearsed.assumedNodes,
    assumedRelations: rehearsed.assumedRelations,
  };
  rehearsed.after.forEach((after, index) => {
    const now = before[index]!;
    const gained = after.restrictions.filter((r) => !now.restrictions.some((n) => sameRestriction(n, r)));
    const lost = now.restrictions.filter((n) => !after.restrictions.some((r) => sameRestriction(n, r)));
    if (gained.length === 0 && lost.length === 0) return;
    const change = { entityId: after.entityId, before: now, after, gained, lost };
    if (now.restrictions.length === 0) outcome.becomeRestricted.push(change);
    else if (after.restrictions.length === 0) outcome.noLongerRestricted.push(change);
    else outcome.changed.push(change);
  });
  return outcome;
}

const sameRestriction = (a: AppliedRestriction, b: AppliedRestriction) =>
  a.measure.id === b.measure.id && a.designation.id === b.designation.id && a.listedId === b.listedId;

/** Writes the assumptions; returns the parties whose reach they change and the ids they create. */
async function assume(db: Database, assumptions: readonly Assumption[]) {
  const partyIds: string[] = [];
  const designationIds: string[] = [];
  for (const [index, assumption] of assumptions.entries()) {
    const id = `assumed-${index + 1}`;
    switch (assumption.kind) {
      case 'designate':
        await db.write(ASSUME_DESIGNATION, {
          id,
          partyId: assumption.partyId,
          listId: assumption.listId,
          on: dateParam(assumption.on),
        });
        partyIds.push(assumption.partyId);
        designationIds.push(id);
        break;
      case 'endDesignation': {
        const [row] = await db.write<{ partyId: string | null }>(ASSUME_DESIGNATION_END, {
          id: assumption.designationId,
          on: dateParam(assumption.on),
        });
        if (row?.partyId) partyIds.push(row.partyId);
        break;
      }
      case 'endSuspension': {
        await db.write(ASSUME_SUSPENSION_END, {
          measureId: assumption.measureId,
          on: dateParam(assumption.on),
        });
        const [measure] = await db.read<{ partyIds: string[] }>(MEASURE_PARTIES, {
          measureId: assumption.measureId,
        });
        partyIds.push(...(measure?.partyIds ?? []));
        break;
      }
      case 'relation':
        await db.write(ASSUME_RELATION[assumption.type]!, {
          id,
          from: assumption.from,
          to: assumption.to,
          percent: assumption.percent,
          validFrom: assumption.validFrom ? dateParam(assumption.validFrom) : null,
        });
        // Any path the new relationship opens runs through both its ends.
        partyIds.push(assumption.from, assumption.to);
        break;
    }
  }
  return { partyIds, designationIds };
}

/** The parties (or brands, for a relation's end) and the entities from which a restriction path leads to one. */
async function touched(db: Database, partyIds: string[], depth: number): Promise<string[]> {
  const query = REACHED_FROM_PARTIES[depth];
  if (!query) throw new RangeError(`depth must be 0..${REACHED_FROM_PARTIES.length - 1}`);
  const rows = partyIds.length > 0 ? await db.read<{ id: string }>(query, { partyIds }) : [];
  return [...new Set([...partyIds, ...rows.map((row) => row.id)])].sort();
}
