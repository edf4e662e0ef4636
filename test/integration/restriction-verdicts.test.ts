import { describe, expect, it } from 'vitest';
import type { GraphNode } from '../../src/db/nodes.js';
import { EVIDENCE_GRADES } from '../../src/model/model.js';
import { today } from '../../src/model/period.js';
import { explainRestrictions, restrictionVerdicts, type ReportKey } from '../../src/restrictions/explain.js';
import { useSeededServer } from '../helpers/seeded-server.js';

const seeded = useSeededServer();

/** Days around the seed data's listings and orders, and today. */
const DAYS = ['2018-08-13', '2019-05-16', '2020-11-12', '2021-01-11', '2021-06-03', '2022-11-25', today()];

describe('restriction verdicts (the marks of screenings, graph views and brand links)', () => {
  it('say restricted exactly when the full report does, for every seeded entity, day and evidence grade', async () => {
    const entities = await seeded.db().read<{ id: string }>('MATCH (e:Entity) RETURN e.id AS id ORDER BY id');
    expect(entities.length).toBeGreaterThan(200);
    const keys: ReportKey[] = entities.flatMap(({ id }) =>
      DAYS.flatMap((asOf) => [
        { id, asOf, depth: 6 },
        ...EVIDENCE_GRADES.map((minEvidence) => ({ id, asOf, depth: 6, minEvidence })),
        { id, asOf, depth: 1 },
      ]),
    );
    const [reports, verdicts] = await Promise.all([
      explainRestrictions(seeded.db(), keys),
      restrictionVerdicts(seeded.db(), keys),
    ]);
    const differing = keys.filter((_, i) => reports[i]!.restrictions.length > 0 !== verdicts[i]);
    expect(differing).toEqual([]);
    // Both answers occur, so the comparison is not between two constants.
    expect(verdicts.filter(Boolean).length).toBeGreaterThan(100);
    expect(verdicts.filter((verdict) => !verdict).length).toBeGreaterThan(100);
  });

  it('read the entity but not the nodes between it and the listed party', async () => {
    const read = async (explain: typeof explainRestrictions | typeof restrictionVerdicts) => {
      const nodes: GraphNode[] = [];
      await explain(seeded.db(), [{ id: 'ezviz-network', asOf: today(), depth: 6 }], (found) =>
        nodes.push(...found),
      );
      return nodes.map((node) => node.id);
    };
    const [report, verdict] = [await read(explainRestrictions), await read(restrictionVerdicts)];
    // EZVIZ reaches Hikvision, the listed party, through at least one node between them.
    expect(report).toEqual(expect.arrayContaining(['ezviz-network', 'hikvision']));
    expect(verdict).toContain('ezviz-network');
    expect(verdict).not.toContain('hikvision');
    expect(verdict.length).toBeLessThan(report.length);
  });

  it('come from the report when a request asks for both: one reach read, not two', async () => {
    const { db, server } = seeded;
    const count = async (fields: string) => {
      const before = db().queryCount;
      const answer = await server().graphql<{
        screen: { matches: { entity: { id: string }; restricted?: boolean }[] }[];
      }>(`{ screen(names: ["Hikvision", "EZVIZ"]) { matches { entity { id } ${fields} } } }`);
      expect(answer.errors).toBeUndefined();
      return { queries: db().queryCount - before, screen: answer.data!.screen };
    };
    const reportOnly = await count('restrictions { measure { id } }');
    const both = await count('restricted restrictions { measure { id } }');
    const markOnly = await count('restricted');
    expect(both.queries).toBe(reportOnly.queries);
    expect(markOnly.queries).toBe(reportOnly.queries);
    const marks = both.screen.flatMap((result) => result.matches.map((match) => match.restricted));
    expect(marks).toContain(true);
    expect(markOnly.screen).toEqual(
      both.screen.map((result) => ({
        matches: result.matches.map(({ entity, restricted }) => ({ entity, restricted })),
      })),
    );
  });
});
