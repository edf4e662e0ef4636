import type { Database } from '../db/database.js';
import { intParam } from '../db/records.js';
import { BRAND_ORIGINS, BRANDS_BELOW } from '../db/queries/brand.cypher.js';
import { findSourceGrades } from '../db/nodes.js';
import type { Evidence } from '../model/model.js';
import { evidenceRank, pathEvidence } from '../restrictions/evidence.js';
import { comparePaths, pathHoldsOn, toSteps, type RawPath } from '../restrictions/path-steps.js';
import type { BrandRelation } from '../model/vocabulary.js';
import type { PathStep } from '../restrictions/types.js';

export type { BrandRelation };

export interface BrandLink {
  /** The brand, for brandsLinkedTo; the owner or maker, for brandOrigins. */
  entityId: string;
  relation: BrandRelation;
  /** From the brand upwards. */
  steps: PathStep[];
  evidence: Evidence;
  sources: string[];
}

export interface BrandQuery {
  id: string;
  asOf: string;
  depth: number;
  minEvidence?: Evidence | undefined;
}

const PATH_LIMIT = 1000;

/** Brands that lead back to an entity, one link per brand and relation (the shortest, best sourced). */
export async function brandsLinkedTo(db: Database, query: BrandQuery): Promise<BrandLink[]> {
  const raw = await db.read<RawPath>(BRANDS_BELOW[query.depth] ?? '', {
    id: query.id,
    limit: intParam(PATH_LIMIT),
  });
  return links(db, raw, query, true, (steps) => steps[0]?.from ?? '');
}

/** Owners and reported makers of a brand, and the parties above them, one link per party and relation. */
export async function brandOrigins(db: Database, query: BrandQuery): Promise<BrandLink[]> {
  const raw = await db.read<RawPath>(BRAND_ORIGINS[query.depth] ?? '', {
    id: query.id,
    limit: intParam(PATH_LIMIT),
  });
  return links(db, raw, query, false, (steps) => steps[steps.length - 1]?.to ?? '');
}

async function links(
  db: Database,
  raw: RawPath[],
  query: BrandQuery,
  walkedDown: boolean,
  keyOf: (steps: PathStep[]) => string,
): Promise<BrandLink[]> {
  const paths = raw
    .map((path) => toSteps(path, walkedDown))
    .filter((steps) => pathHoldsOn(steps, query.asOf));
  const grades = await findSourceGrades(
    db,
    paths.flat().flatMap((step) => step.sources),
  );
  const best = new Map<string, BrandLink>();
  for (const steps of paths) {
    const evidence = pathEvidence(steps, (id) => grades.get(id));
    if (query.minEvidence && evidenceRank(evidence) > evidenceRank(query.minEvidence)) continue;
    const link: BrandLink = {
      entityId: keyOf(steps),
      relation: relationOf(steps),
      steps,
      evidence,
      sources: [...new Set(steps.flatMap((step) => step.sources))],
    };
    const key = `${link.entityId}|${link.relation}`;
    const current = best.get(key);
    if (!current || isBetter(link, current)) best.set(key, link);
  }
  return [...best.values()].sort(
    (a, b) => a.relation.localeCompare(b.relation) || a.entityId.localeCompare(b.entityId),
  );
}

function relationOf(steps: PathStep[]): BrandRelation {
  if (steps[0]?.relation === 'MADE_BY_OEM') return 'OEM_REPORTED';
  return steps.length === 1 ? 'OWN_BRAND' : 'SUBSIDIARY_BRAND';
}

/** Better evidence first, then the path comparePaths puts first. */
function isBetter(candidate: BrandLink, current: BrandLink): boolean {
  return (
    (evidenceRank(candidate.evidence) - evidenceRank(current.evidence) ||
      comparePaths(candidate.steps, current.steps)) < 0
  );
}
