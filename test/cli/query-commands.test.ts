import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { EXIT } from '../../src/cli/command.js';
import type { Database } from '../../src/db/database.js';
import { openTestDatabase, reseed, wipe } from '../helpers/db.js';
import { cli, useTestNeo4j } from './run-cli.js';

let db: Database;

beforeAll(async () => {
  useTestNeo4j();
  db = await openTestDatabase();
  await reseed(db);
});

afterAll(async () => {
  await db.close();
});

describe('explain', () => {
  it('answers in short by default: one line per measure with its list, basis, listed party and citation', async () => {
    const { code, stdout } = await cli('explain', 'Ezviz', '--as-of', '2025-06-01');
    expect(code).toBe(EXIT.FOUND);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('EZVIZ (brand-ezviz) · brand · as of 2025-06-01');
    const count = Number(/^RESTRICTED by (\d+) measures\.$/.exec(lines[1]!)?.[1]);
    const measureLines = lines.filter((line) => /^ {2}\d+\. /.test(line));
    expect(measureLines).toHaveLength(count);
    expect(measureLines).toContainEqual(
      expect.stringMatching(
        /^ {2}\d+\. Section 889 Part A procurement ban — NDAA FY2019 Section 889 named entities · PRODUCT_OF via Hangzhou Hikvision Digital Technology Co\., Ltd\. \(hikvision\) · Pub\. L\. 115-232, §889/,
      ),
    );
    expect(stdout).toMatch(
      /^ {2}✗ NS-CMIC securities prohibition via [^\n]*\(hikvision\): NAMED_ONLY_RULE$/m,
    );
    expect(stdout).toContain('run again with --full');
    expect(stdout).not.toContain('└─');
    expect(lines.length).toBeLessThan(30);
  });

  it('answers for the brand and the company when both carry the exact name asked', async () => {
    const { code, stdout } = await cli('explain', 'Lorex', '--as-of', '2025-06-01');
    expect(code).toBe(EXIT.FOUND);
    const headings = stdout.split('\n').filter((line) => / · as of 2025-06-01$/.test(line));
    expect(headings).toEqual([
      'Lorex (brand-lorex) · brand · as of 2025-06-01',
      'Lorex Technology Inc. (lorex-technology) · company · as of 2025-06-01',
    ]);
    const json = JSON.parse((await cli('explain', 'Lorex', '--as-of', '2025-06-01', '--json')).stdout);
    expect(json.map((report: { entity: { id: string } }) => report.entity.id)).toEqual([
      'brand-lorex',
      'lorex-technology',
    ]);
  });

  it('prints why Ezviz is restricted as a tree from the law down to the brand, with citations, with --full', async () => {
    const { code, stdout } = await cli('explain', 'Ezviz', '--as-of', '2025-06-01', '--full');
    expect(code).toBe(EXIT.FOUND);
    expect(stdout).toMatch(/^EZVIZ \(brand-ezviz\) · brand · as of 2025-06-01\nRESTRICTED by \d+ measures\./);
    const section889 = stdout.slice(stdout.indexOf('Section 889 Part A procurement ban'));
    // instrument → list → listed party → each relation → the brand, one level deeper each time
    expect(section889).toMatch(
      /└─ Pub\. L\. 115-232, §889[^\n]*\n(?:[^\n]*\n)*?\s+└─ list: NDAA FY2019 Section 889 named entities \(ndaa-889-entities\)\n\s+└─ listed: Hangzhou Hikvision Digital Technology Co\., Ltd\. \(hikvision\) · listed 2018-08-13 \[\d+\]/,
    );
    expect(section889).toMatch(
      /└─ parent of → Hangzhou EZVIZ Network Co\., Ltd\. \(ezviz-network\)[^\n]*\[\d+\]/,
    );
    expect(section889).toMatch(/└─ owns the brand → EZVIZ \(brand-ezviz\)[^\n]*\[\d+\]/);
    expect(section889).toMatch(/Rule: EZVIZ is a brand of/);
    // every citation marker has its footnote, with an evidence grade and a URL
    const sources = stdout.slice(stdout.indexOf('\nSources:\n'));
    const cited = new Set([...stdout.matchAll(/\[(\d+)\]/g)].map((match) => Number(match[1])));
    for (const number of cited) {
      expect(sources).toMatch(
        new RegExp(`\\[${number}\\] (PRIMARY|SECONDARY|REFERENCE|COMMUNITY) +.+ https?://`),
      );
    }
  });

  it('says why not: NS-CMIC reaches only the listed party', async () => {
    const { stdout } = await cli('explain', 'ezviz-network', '--as-of', '2025-06-01', '--full');
    expect(stdout).toMatch(/Why not \(\d+ measures? reached but not applied\):/);
    expect(stdout).toMatch(
      /✗ NS-CMIC securities prohibition \([^)]*\) via [^\n]*\(hikvision\): NAMED_ONLY_RULE/,
    );
  });

  it('exits 0 and says so when nothing restricts the entity on that date', async () => {
    const { code, stdout } = await cli('explain', 'hikvision', '--as-of', '2017-01-01');
    expect(code).toBe(EXIT.OK);
    expect(stdout).toContain('NOT RESTRICTED: no measure applies on that date.');
    // A clean answer names the lists the graph holds only in part (the seeds hold a few Entity List parties).
    expect(stdout).toMatch(
      /Incomplete lists \(\d+ of \d+ judged against; the graph may not hold every listing\):/,
    );
    expect(stdout.replace(/\s+/g, ' ')).toContain('Entity List (bis-entity-list)');
  });

  it('gives the API answer unchanged under --json', async () => {
    const { code, stdout } = await cli('explain', 'hikvision', '--as-of', '2025-06-01', '--json');
    expect(code).toBe(EXIT.FOUND);
    const report = JSON.parse(stdout);
    expect(report.entity.id).toBe('hikvision');
    expect(report.restricted).toBe(true);
    expect(report.restrictions.map((restriction: { list: { id: string } }) => restriction.list.id)).toEqual(
      expect.arrayContaining([
        'bis-entity-list',
        'ndaa-889-entities',
        'fcc-covered-list',
        'ofac-ns-cmic-list',
      ]),
    );
  });

  it('lists the candidates instead of guessing when a name fits several entities equally', async () => {
    const { code, stdout } = await cli('explain', 'China Mobile');
    expect(code).toBe(EXIT.AMBIGUOUS);
    expect(stdout).toContain('"China Mobile" matches 2 entities about equally well');
    expect(stdout).toMatch(/china-mobile +COMPANY/);
    expect(stdout).toMatch(/china-mobile-ltd +COMPANY/);
  });

  it('exits 4 for a name that matches nothing, and 2 or 3 for bad arguments', async () => {
    const unknown = await cli('explain', 'Acme Widgets Ltd');
    expect(unknown.code).toBe(EXIT.NOT_FOUND);
    expect(unknown.stderr).toMatch(/^No entity matches "Acme Widgets Ltd" well enough\./);
    expect((await cli('explain')).code).toBe(EXIT.USAGE);
    expect((await cli('explain', 'hikvision', '--as-of', 'yesterday')).code).toBe(EXIT.USAGE);
    // A date that does not exist is a usage error in plain words, not the API's GraphQL message.
    const impossible = await cli('explain', 'hikvision', '--as-of', '2025-02-30');
    expect(impossible.code).toBe(EXIT.USAGE);
    expect(impossible.stderr).toBe(
      'Error: --as-of must be a calendar date written YYYY-MM-DD, got "2025-02-30"\n' +
        'Usage: restricted-graph explain <name|id> [--as-of DATE] [--full] [--json]',
    );
    const badOption = await cli('explain', 'hikvision', '--colour');
    expect(badOption.code).toBe(EXIT.USAGE);
    expect(badOption.stderr.split('\n')[0]).toBe("Error: Unknown option '--colour'.");
  });
});

describe('the command line itself', () => {
  it('refuses an unknown command with one plain error line and the usage, exit 2', async () => {
    const { code, stdout, stderr } = await cli('explian', 'Ezviz');
    expect(code).toBe(EXIT.USAGE);
    expect(stdout).toBe('');
    const [first, second] = stderr.split('\n');
    expect(first).toBe('Unknown command "explian".');
    expect(second).toMatch(/^Usage: restricted-graph <command>/);
    expect(stderr).toMatch(/^ {2}explain <name\|id>/m);
  });

  it('says how it reached the local Neo4j only with --verbose', async () => {
    // A data folder whose bolt.json records the test run's Neo4j, as a running `npm run neo4j` would.
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-verbose-'));
    fs.writeFileSync(
      path.join(dataDir, 'bolt.json'),
      JSON.stringify({ uri: inject('neo4jUri'), pid: process.pid }),
    );
    const saved = { uri: process.env.NEO4J_URI, dir: process.env.NEO4J_DATA_DIR };
    delete process.env.NEO4J_URI;
    process.env.NEO4J_DATA_DIR = dataDir;
    try {
      const quiet = await cli('search', 'Hikvision');
      expect(quiet.code).toBe(EXIT.OK);
      expect(quiet.stderr).not.toMatch(/Using the local Neo4j/);
      const verbose = await cli('search', 'Hikvision', '--verbose');
      expect(verbose.code).toBe(EXIT.OK);
      expect(verbose.stderr).toMatch(/^Using the local Neo4j already running at bolt:\/\/127\.0\.0\.1:\d+/);
      expect(verbose.stdout).toBe(quiet.stdout);
    } finally {
      process.env.NEO4J_URI = saved.uri;
      if (saved.dir === undefined) delete process.env.NEO4J_DATA_DIR;
      else process.env.NEO4J_DATA_DIR = saved.dir;
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('search', () => {
  it('finds a company from a typo and shows the alias that matched', async () => {
    const { code, stdout } = await cli('search', 'hikvison');
    expect(code).toBe(EXIT.OK);
    const [header, , first] = stdout.split('\n');
    expect(header).toMatch(/^score +id +kind +name +matched name$/);
    expect(first).toMatch(
      /^ *0\.9\d +hikvision +COMPANY +Hangzhou Hikvision Digital Technology Co\., Ltd\. +Hikvision$/,
    );
  });

  it('exits 4 when nothing matches', async () => {
    const { code, stdout } = await cli('search', 'Qwxyz Plumbing');
    expect(code).toBe(EXIT.NOT_FOUND);
    expect(stdout).toBe('Nothing matches "Qwxyz Plumbing".');
  });
});

describe('brands', () => {
  it("lists the brands that lead back to Hikvision, its subsidiary's brand with the path", async () => {
    const { code, stdout } = await cli('brands', 'Hikvision', '--as-of', '2025-06-01');
    expect(code).toBe(EXIT.OK);
    expect(stdout).toMatch(
      /^\d+ brands lead back to Hangzhou Hikvision Digital Technology Co\., Ltd\. \(hikvision\) as of 2025-06-01:/,
    );
    expect(stdout).toMatch(
      /• EZVIZ \(brand-ezviz\) — subsidiary's brand · evidence \w+\n +EZVIZ → brand of → Hangzhou EZVIZ Network Co\., Ltd\. → owned by[^\n]*→ Hangzhou Hikvision/,
    );
    expect(stdout).toMatch(/• HiLook \(brand-hilook\) — own brand/);
  });

  it('answers for the brand and the company that share the name "Lorex", each under its own heading', async () => {
    const { code, stdout } = await cli('brands', 'Lorex', '--as-of', '2025-06-01');
    expect(code).toBe(EXIT.OK);
    expect(stdout).toMatch(/^Lorex \(brand-lorex\) is a brand; \d+ parties behind it as of 2025-06-01:/);
    expect(stdout).toMatch(
      /\n\n\d+ brands? leads? back to Lorex Technology Inc\. \(lorex-technology\) as of 2025-06-01/,
    );
  });

  it('from a brand, shows who is behind it and whether they are restricted', async () => {
    const { stdout } = await cli('brands', 'brand-lorex', '--as-of', '2025-06-01');
    expect(stdout).toMatch(/^Lorex \(brand-lorex\) is a brand; \d+ parties behind it as of 2025-06-01:/);
    expect(stdout).toMatch(
      /• Zhejiang Dahua Technology Co\., Ltd\. \(dahua\) — OEM \(reported\) · RESTRICTED/,
    );
  });
});

describe('chain', () => {
  it('draws the owners of EZVIZ Network up to SASAC with effective percentages', async () => {
    const { code, stdout } = await cli('chain', 'EZVIZ Network', '--as-of', '2022-06-01');
    expect(code).toBe(EXIT.OK);
    expect(stdout).toMatch(
      /^Owners of Hangzhou EZVIZ Network Co\., Ltd\. as of 2022-06-01:\nHangzhou EZVIZ Network Co\., Ltd\. \(ezviz-network\)\n└─ owned by 60 %/,
    );
    expect(stdout).toMatch(/owned by 38\.88 %[^\n]*\(cethik\) ⇒ effective 23\.33 %/);
    expect(stdout).toMatch(/Ultimate owners: [^\n]*\(sasac\)/);
  });

  it('goes down to holdings with --down', async () => {
    const { stdout } = await cli('chain', 'hikvision', '--down', '--as-of', '2025-06-01');
    expect(stdout).toMatch(
      /^Holdings of Hangzhou Hikvision Digital Technology Co\., Ltd\. as of 2025-06-01:/,
    );
    // The larger known share first; EZVIZ Network's share after its 2022 listing is not sourced.
    expect(stdout).toMatch(
      /├─ owns 60 % Hangzhou Hikvision Robot Technology Co\., Ltd\. \(hikrobot\)[^\n]*\n└─ owns [^\n]*Hangzhou EZVIZ Network Co\., Ltd\. \(ezviz-network\)/,
    );
  });
});

describe('a first command on an empty database', () => {
  it('creates the schema, loads the seed data, then answers', async () => {
    await wipe(db);
    await db.write('DROP INDEX entity_search IF EXISTS');
    const { code, stdout, stderr } = await cli('search', 'hikvison');
    expect(stderr).toMatch(/The database is empty; loading the seed data/);
    expect(stderr).toMatch(/Facts without a source: 0/);
    expect(code).toBe(EXIT.OK);
    expect(stdout).toMatch(/Hangzhou Hikvision Digital Technology Co\., Ltd\./);
  });
});
