import type { EntitySummary } from '../../operations/answers.js';
import { renderTable } from './table.js';

/** An entity a name may mean, with how well it matched. */
export interface Candidate {
  entity: EntitySummary;
  score: number;
  matchedName: string;
}

/** The table shown when a name matches several entities about equally well, so the user can pick an id. */
export function renderCandidates(text: string, candidates: readonly Candidate[]): string {
  return [
    `"${text}" matches ${candidates.length} entities about equally well; run the command again with one of these ids:`,
    ...renderTable(
      ['id', 'kind', 'name', 'matched', 'score'],
      candidates.map((candidate) => [
        candidate.entity.id,
        candidate.entity.kind,
        candidate.entity.name,
        candidate.matchedName,
        candidate.score.toFixed(2),
      ]),
    ).map((line) => `  ${line}`),
  ].join('\n');
}
