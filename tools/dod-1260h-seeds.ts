/**
 * Builds seeds/dod-1260h.json, every §1260H designation of the five DoD editions, from the transcription of the
 * DoD lists that OpenSanctions keeps (../shared/data/os-src-us-dod-1260h-milcorps.csv). The transcription is
 * the input, not a source: every record cites the DoD PDFs (or, for the editions whose PDF is not held, the
 * press that dates them). Companies already seeded are reused, and the spellings the list gives are added to
 * their aliases.
 *
 *   npx tsx tools/dod-1260h-seeds.ts [path/to/os-src-us-dod-1260h-milcorps.csv]
 *
 * Re-running with the same inputs writes the same files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCsv } from '../src/formats/csv-reader.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SEEDS = path.join(ROOT, 'seeds');
const OUTPUT = 'dod-1260h.json';
const LIST = 'dod-1260h-list';

interface Edition {
  date: string;
  instrument: string;
  /** Sources that show who the edition names (its PDF where held). */
  sources: string[];
}

const EDITIONS: Edition[] = [
  {
    date: '2021-06-03',
    instrument: 'dod-1260h-list-2021',
    sources: ['src-sayari-2021-06', 'src-crowell-1260h-2024'],
  },
  { date: '2022-10-05', instrument: 'dod-1260h-list-2022', sources: ['src-dod-1260h-2022-pdf'] },
  {
    date: '2024-01-31',
    instrument: 'dod-1260h-list-2024',
    sources: ['src-akingump-1260h-2024', 'src-crowell-1260h-2024', 'src-americanmilitarynews-2024-02'],
  },
  { date: '2025-01-07', instrument: 'dod-1260h-list-2025', sources: ['src-dod-1260h-2025-pdf'] },
  { date: '2026-06-08', instrument: 'dod-1260h-list-2026', sources: ['src-dod-1260h-2026-pdf'] },
];
/** Editions held as whole snapshots (their rows carry the DoD PDF); the earlier ones as first listings and ends. */
const SNAPSHOTS = new Set(['2025-01-07', '2026-06-08']);

/**
 * Names the transcription spells differently for one company, decided by hand:
 * - Renamed companies: the 2026 edition gives the former name ("formerly …"), which joins them by itself.
 * - DJI: the 2022 and 2025 editions say "Shenzhen DJI Innovation Technology", the 2026 edition "Shenzhen DJI
 *   Technology"; DoD names Shenzhen Dajiang Baiwang's parent by the one name in 2025 and the other in 2026, and
 *   OFAC's NS-CMIC entry SZ DJI Technology (`dji`) is the same company.
 */
const SAME_COMPANY: Record<string, string> = {
  'Shenzhen DJI Innovation Technology Co., Ltd.': 'Shenzhen DJI Technology Co., Ltd.',
  // The 2026 edition: "CETC Cyberspace Security Technology Co., Ltd. (formerly Chen Du Westone …)"; the 2025
  // edition spells the former name "Cheng Du Westone".
  'Cheng Du Westone Information Industry Co., Ltd.': 'CETC Cyberspace Security Technology Co., Ltd.',
};

/** List names that match a seeded company only once legal forms are dropped, decided by hand. */
const SEEDED: Record<string, string> = {
  'Shenzhen DJI Technology Co., Ltd.': 'dji',
  'CRRC Corporation Limited': 'crrc',
  'China Communications Construction Group Limited': 'cccg',
  'China National Chemical Corporation Ltd.': 'chemchina',
};

/**
 * Names kept apart from a seeded company although they differ from it only in legal form; linked POSSIBLY_SAME_AS.
 * SenseTime Group, Inc. (DoD) and SenseTime Group Limited (OFAC NS-CMIC) may be different legal entities.
 */
const KEPT_APART: Record<string, string> = { 'SenseTime Group, Inc.': 'sensetime' };

/**
 * Ids for new companies whose name would give the id of another: DoD lists China Telecom Group Co., Ltd. (from
 * 2024) apart from China Telecommunications Corporation (`china-telecom-group`, dropped in 2025).
 */
const IDS: Record<string, string> = { 'China Telecom Group Co., Ltd.': 'china-telecom-group-co-ltd' };

interface Row {
  line: number;
  name: string;
  cleanName: string;
  aliases: string[];
  previousNames: string[];
  parent: string;
  note: string;
  start: string;
  end: string;
  url: string;
}

type SeedRecord = Record<string, unknown> & { type: string };

const LEGAL_FORMS = new Set(['co', 'ltd', 'limited', 'inc', 'corporation', 'corp', 'company']);
const ABBREVIATIONS: Record<string, string> = {
  co: 'company',
  ltd: 'limited',
  corp: 'corporation',
  inc: 'incorporated',
};

function words(name: string): string[] {
  return name
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/&/g, ' and ')
    .replace(/[.,()']/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

/** The same name whatever its punctuation, case and abbreviations ("Co., Ltd." = "Company Limited"). */
const spelling = (name: string) =>
  words(name)
    .map((word) => ABBREVIATIONS[word] ?? word)
    .join(' ');
/** The name without legal forms: used only to group one company's spellings within the DoD list itself. */
const stem = (name: string) =>
  words(name)
    .filter((word) => !LEGAL_FORMS.has(word))
    .join(' ');

/** "Hikvision Co., Ltd. (Hikvision)" → "Hikvision Co., Ltd.": the list appends the short name in brackets. */
function withoutShortName(name: string): string {
  return name
    .replace(/\s*\([^()]*\)\s*$/, '')
    .replace(/\*$/, '')
    .trim();
}

function looksLikeCompany(name: string): boolean {
  return words(name).some((word) => LEGAL_FORMS.has(word) || word === 'group');
}

async function readRows(file: string): Promise<Row[]> {
  const rows: Row[] = [];
  let header: string[] | undefined;
  for await (const row of readCsv(file)) {
    if (!header) {
      header = row.cells;
      continue;
    }
    const cell = (column: string) => (row.cells[header!.indexOf(column)] ?? '').trim();
    const start = cell('Start date');
    if (!EDITIONS.some((edition) => edition.date === start)) {
      throw new Error(`${path.basename(file)}: line ${row.line}: start date "${start}" is no §1260H edition`);
    }
    rows.push({
      line: row.line,
      name: cell('Name').replace(/\*$/, '').trim(),
      cleanName: withoutShortName(cell('Clean Name')),
      // Aliases are comma-separated, but a legal name inside one keeps its ", Ltd.".
      aliases: cell('Alias')
        .split(/,(?! )/)
        .map((alias) => alias.trim())
        .filter(Boolean),
      previousNames: cell('Previous Name')
        .split(';')
        .map((name) => name.trim())
        .filter(Boolean),
      parent: cell('Parent Name'),
      note: cell('Note'),
      start,
      end: cell('End date'),
      url: cell('Source Url'),
    });
  }
  return rows;
}

/** Groups rows that name one company: same stem, a previous name, a full legal name given as alias, or by hand. */
function groupRows(rows: Row[]): Map<string, Row[]> {
  const parentOf = new Map<string, string>();
  const find = (key: string): string => {
    const parent = parentOf.get(key) ?? key;
    return parent === key ? key : find(parent);
  };
  const join = (a: string, b: string) => {
    const [x, y] = [find(a), find(b)].sort();
    if (x !== y) parentOf.set(y!, x!);
  };
  const keys = new Set(rows.map((row) => stem(row.cleanName)));
  for (const row of rows) {
    const key = stem(row.cleanName);
    for (const previous of row.previousNames) if (keys.has(stem(previous))) join(key, stem(previous));
    for (const alias of row.aliases)
      if (looksLikeCompany(alias) && keys.has(stem(alias))) join(key, stem(alias));
  }
  for (const [a, b] of Object.entries(SAME_COMPANY)) join(stem(a), stem(b));
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const key = find(stem(row.cleanName));
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return groups;
}

/** The editions that name the company, from its rows: snapshot rows name one edition, earlier rows a span. */
function editionsNaming(rows: Row[]): string[] {
  const named = new Set<string>();
  for (const row of rows) {
    if (SNAPSHOTS.has(row.start)) {
      named.add(row.start);
      continue;
    }
    for (const edition of EDITIONS) {
      if (SNAPSHOTS.has(edition.date)) continue;
      if (edition.date >= row.start && (!row.end || edition.date < row.end)) named.add(edition.date);
    }
  }
  return EDITIONS.map((edition) => edition.date).filter((date) => named.has(date));
}

/** Consecutive editions naming the company: one designation each, ended by the first edition that drops it. */
function runs(named: string[]): { editions: string[]; removedOn: string | undefined }[] {
  const all = EDITIONS.map((edition) => edition.date);
  const result: { editions: string[]; removedOn: string | undefined }[] = [];
  for (const date of all) {
    if (!named.includes(date)) {
      const last = result.at(-1);
      if (last && !last.removedOn) last.removedOn = date;
      continue;
    }
    const last = result.at(-1);
    if (last && !last.removedOn) last.editions.push(date);
    else result.push({ editions: [date], removedOn: undefined });
  }
  return result;
}

function slug(name: string): string {
  return stem(name)
    .normalize('NFKD')
    .replace(/[^a-z0-9 ]/g, '')
    .trim()
    .replace(/\s+/g, '-');
}

const edition = (date: string) => EDITIONS.find((item) => item.date === date)!;
const unique = <T>(items: T[]) => [...new Set(items)];

function readSeeds(): Map<string, SeedRecord[]> {
  const files = new Map<string, SeedRecord[]>();
  for (const name of fs
    .readdirSync(SEEDS)
    .filter((item) => item.endsWith('.json') && item !== OUTPUT)
    .sort()) {
    files.set(name, JSON.parse(fs.readFileSync(path.join(SEEDS, name), 'utf8')) as SeedRecord[]);
  }
  return files;
}

function seededIndex(files: Map<string, SeedRecord[]>): Map<string, SeedRecord> {
  const bySpelling = new Map<string, SeedRecord>();
  for (const record of [...files.values()].flat()) {
    if (record.type !== 'Company') continue;
    const names = [record.name as string, ...((record.aliases as string[] | undefined) ?? [])];
    // A company's own name wins over another company's alias ("China Mobile" is an alias of both China Mobiles).
    for (const [position, name] of names.entries()) {
      for (const key of unique([spelling(name), spelling(withoutShortName(name))])) {
        if (position === 0 || !bySpelling.has(key)) bySpelling.set(key, record);
      }
    }
  }
  return bySpelling;
}

async function main(): Promise<void> {
  // The workspace keeps ../shared/data beside the main clone (../../shared/data from a work tree).
  const csv = path.resolve(
    process.argv[2] ??
      [path.join(ROOT, '..', 'shared'), path.join(ROOT, '..', '..', 'shared')]
        .map((folder) => path.join(folder, 'data', 'os-src-us-dod-1260h-milcorps.csv'))
        .find((file) => fs.existsSync(file)) ??
      'os-src-us-dod-1260h-milcorps.csv',
  );
  const rows = await readRows(csv);
  const files = readSeeds();
  const seeded = seededIndex(files);
  const byId = new Map([...files.values()].flat().map((record) => [record.id as string, record]));
  const output: SeedRecord[] = [];
  const partyOfGroup = new Map<string, string>();
  const partyOfName = new Map<string, string>();
  const usedIds = new Set(byId.keys());

  const groups = groupRows(rows);
  for (const [key, groupRowsOf] of groups) {
    const latest = [...groupRowsOf].sort((a, b) => b.start.localeCompare(a.start) || a.line - b.line)[0]!;
    const names = unique(groupRowsOf.flatMap((row) => [row.cleanName, ...row.previousNames]));
    const shortNames = unique(groupRowsOf.flatMap((row) => row.aliases));
    const manual = names.map((name) => SEEDED[name]).find(Boolean);
    const candidates = [...names, ...shortNames.filter(looksLikeCompany)];
    const found = manual
      ? byId.get(manual)
      : candidates.map((name) => seeded.get(spelling(name))).find(Boolean);
    const apart = names.map((name) => KEPT_APART[name]).find(Boolean);
    let party: string;
    if (found && !apart) {
      party = found.id as string;
      // Every spelling the list gives becomes an alias, so a search for any of them finds the company.
      const known = new Set([found.name as string, ...((found.aliases as string[] | undefined) ?? [])]);
      const extra = unique([...names, ...shortNames]).filter((name) => !known.has(name));
      if (extra.length > 0) found.aliases = [...((found.aliases as string[] | undefined) ?? []), ...extra];
    } else {
      party = IDS[latest.cleanName] ?? slug(latest.cleanName);
      if (usedIds.has(party))
        throw new Error(`id ${party} for "${latest.cleanName}" is taken; add it to SEEDED`);
      usedIds.add(party);
      const named = editionsNaming(groupRowsOf);
      output.push({
        type: 'Company',
        id: party,
        name: latest.cleanName,
        ...(names.length + shortNames.length > 1
          ? { aliases: unique([...names, ...shortNames]).filter((name) => name !== latest.cleanName) }
          : {}),
        description: `Named on the DoD §1260H list of Chinese military companies (editions of ${named.join(', ')}).`,
        sources: unique(named.flatMap((date) => edition(date).sources)),
      });
      if (apart) {
        const [from, to] = [party, apart].sort();
        output.push({
          type: 'POSSIBLY_SAME_AS',
          from,
          to,
          reason: `"${latest.cleanName}" (DoD §1260H) and "${byId.get(apart)?.name}" (OFAC NS-CMIC) differ only in legal form; no source says whether they are one entity.`,
          sources: unique([
            ...edition(named.at(-1)!).sources,
            ...((byId.get(apart)?.sources as string[]) ?? []),
          ]),
        });
      }
    }
    partyOfGroup.set(key, party);
    for (const name of names) partyOfName.set(stem(name), party);
  }

  for (const [key, groupRowsOf] of groups) {
    const party = partyOfGroup.get(key)!;
    const named = editionsNaming(groupRowsOf);
    for (const [index, run] of runs(named).entries()) {
      const first = run.editions[0]!;
      const firstRow =
        groupRowsOf.filter((row) => row.start <= first).sort((a, b) => b.start.localeCompare(a.start))[0] ??
        groupRowsOf[0]!;
      const lastRow = groupRowsOf
        .filter((row) => run.editions.includes(row.start))
        .sort((a, b) => b.start.localeCompare(a.start))[0];
      const notes = [`Named in the §1260H editions of ${run.editions.join(', ')}.`];
      if (run.removedOn) notes.push(`Not named in the edition of ${run.removedOn}.`);
      if (
        run.removedOn &&
        SNAPSHOTS.has(run.removedOn) &&
        groupRowsOf.some((row) => !SNAPSHOTS.has(row.start) && !row.end)
      ) {
        notes.push(
          `The earlier rows of the transcription give no end date, so the ${run.removedOn} edition may name it under another spelling.`,
        );
      }
      if (groupRowsOf.some((row) => row.end && !EDITIONS.some((item) => item.date === row.end))) {
        const end = groupRowsOf.find(
          (row) => row.end && !EDITIONS.some((item) => item.date === row.end),
        )!.end;
        notes.push(
          `The transcription of the DoD lists also gives an end of ${end}, which no DoD document held supports; the editions alone date this designation.`,
        );
      }
      if (!SNAPSHOTS.has(first))
        notes.push(
          `The first listing is taken from the transcription of the ${first} edition, whose rows name no DoD document.`,
        );
      if (lastRow?.note) {
        notes.push(
          SNAPSHOTS.has(lastRow.start)
            ? `DoD (${lastRow.start}): ${lastRow.note}`
            : `The transcription's row of ${lastRow.start} notes: ${lastRow.note}`,
        );
      }
      output.push({
        type: 'Designation',
        id: `des-${party}-${LIST}${index === 0 ? '' : `-${first.slice(0, 4)}`}`,
        listedOn: first,
        ...(run.removedOn ? { removedOn: run.removedOn } : {}),
        party,
        list: LIST,
        nameOnList: firstRow.name,
        instrument: edition(first).instrument,
        note: notes.join(' '),
        // The listing edition, the snapshots that name it again and the edition that drops it: the 2022 PDF
        // ("Tranche 2") names only that year's additions, so it cannot show an earlier listing still stood.
        sources: unique(
          [
            first,
            ...run.editions.filter((date) => SNAPSHOTS.has(date)),
            ...(run.removedOn ? [run.removedOn] : []),
          ].flatMap((date) => edition(date).sources),
        ),
      });
    }
  }

  const existingSubsidiary = new Set(
    [...files.values()]
      .flat()
      .filter((record) => record.type === 'SUBSIDIARY_OF')
      .map((record) => `${record.from}>${record.to}`),
  );
  const parents = new Map<
    string,
    { child: string; parent: string; parentName: string; editions: Set<string> }
  >();
  for (const row of rows.filter((item) => SNAPSHOTS.has(item.start) && item.parent)) {
    const child = partyOfName.get(stem(row.cleanName))!;
    const parentName = withoutShortName(row.parent);
    const manual = SEEDED[parentName];
    let parent =
      partyOfName.get(stem(parentName)) ??
      manual ??
      (seeded.get(spelling(parentName))?.id as string | undefined);
    if (!parent) {
      parent = slug(parentName);
      if (!usedIds.has(parent)) {
        usedIds.add(parent);
        output.push({
          type: 'Company',
          id: parent,
          name: parentName,
          description: 'Named by the DoD §1260H list as the parent of a listed company.',
          sources: edition(row.start).sources,
        });
      }
      partyOfName.set(stem(parentName), parent);
    }
    if (parent === child) continue;
    const pair = `${child}>${parent}`;
    const entry = parents.get(pair) ?? { child, parent, parentName, editions: new Set<string>() };
    entry.editions.add(row.start);
    parents.set(pair, entry);
  }
  for (const [pair, entry] of parents) {
    if (existingSubsidiary.has(pair)) continue;
    const editions = [...entry.editions].sort();
    output.push({
      type: 'SUBSIDIARY_OF',
      from: entry.child,
      to: entry.parent,
      note: `The DoD §1260H list names ${entry.parentName} as the parent (editions of ${editions.join(', ')}); since when is not stated.`,
      sources: unique(editions.flatMap((date) => edition(date).sources)),
    });
  }

  const write = (name: string, records: SeedRecord[]) =>
    fs.writeFileSync(path.join(SEEDS, name), `${JSON.stringify(records, null, 2)}\n`);
  for (const [name, records] of files) write(name, records);
  write(OUTPUT, output);
  const count = (type: string) => output.filter((record) => record.type === type).length;
  console.log(
    `${OUTPUT}: ${count('Designation')} designations, ${count('Company')} new companies, ${count('SUBSIDIARY_OF')} SUBSIDIARY_OF, from ${rows.length} rows (${groups.size} companies)`,
  );
}

await main();
