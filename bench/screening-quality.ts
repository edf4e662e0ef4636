/**
 * Screening quality and speed on the seeded graph. Quality: precision, recall and F1 on the labelled set in
 * test/fixtures/screening-bench.csv (positives made from entities the seeds hold: short names, aliases, pinyin,
 * Chinese forms, reordered, suffix-changed and misspelt names; negatives: real companies that no list names and
 * that share generic words with listed ones), at the default thresholds and over a table of thresholds, for the
 * dev half (on which the defaults were chosen), the test half and both. Speed: 500 names through screenEntries, in
 * process and over GraphQL/HTTP with verdicts.
 *
 * An input counts as a true positive when its best match at or above the threshold is the expected entity, a
 * false positive when that best match is any other entity (or a negative input has one), a false negative when a
 * positive input has no correct best match.
 *
 *   npm run bench:screening        (a Neo4j of its own in a temporary folder; never NEO4J_URI)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openOwnDatabase } from './own-database.js';
import { performance } from 'node:perf_hooks';
import { loadConfig, PROJECT_ROOT } from '../src/config.js';
import { ensureSchema } from '../src/db/schema-setup.js';
import { readCsv } from '../src/formats/csv-reader.js';
import { seedGraph } from '../src/records/seed-graph.js';
import { screenEntries, type EntryResult } from '../src/screening/screen-entries.js';
import { parseEntries } from '../src/screening/screening-input.js';
import { startBenchServer } from './serve.js';

export const LABELLED_SET = path.join(PROJECT_ROOT, 'test/fixtures/screening-bench.csv');

export interface Labelled {
  name: string;
  country: string;
  /** Expected entity ids ("a|b" when either is right); empty for a negative. */
  expected: string[];
  kind: string;
  split: 'dev' | 'test';
}

export async function readLabelledSet(file = LABELLED_SET): Promise<Labelled[]> {
  const rows: string[][] = [];
  for await (const { cells } of readCsv(file)) rows.push(cells);
  const header = rows.shift();
  const at = (name: string) => header!.indexOf(name);
  return rows
    .filter((row) => row.length > 1)
    .map((row) => ({
      name: row[at('name')] ?? '',
      country: row[at('country')] ?? '',
      expected: (row[at('expected')] ?? '').split('|').filter(Boolean),
      kind: row[at('kind')] ?? '',
      split: row[at('split')] === 'test' ? 'test' : 'dev',
    }));
}

export interface Figures {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Judges each input by its best match at or above the threshold. */
export function figuresAt(
  set: readonly Labelled[],
  results: readonly EntryResult[],
  threshold: number,
): Figures {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  set.forEach((item, index) => {
    const best = results[index]?.matches.find((match) => match.score >= threshold);
    const right = best !== undefined && item.expected.includes(best.id);
    if (right) tp++;
    else if (best) fp++;
    if (item.expected.length > 0 && !right) fn++;
  });
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

async function main(): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'screening-bench-'));
  const config = loadConfig();
  const db = await openOwnDatabase(work);
  const server = await startBenchServer(db);
  try {
    await ensureSchema(db);
    await seedGraph(db);
    const set = await readLabelledSet();
    const entries = parseEntries(set.map((item) => ({ name: item.name, country: item.country || null })));
    // Every candidate with its score: thresholds are applied here.
    const scoring = performance.now();
    const results = await screenEntries(db, entries, { match: 0, review: 0 });
    process.stderr.write(`labelled set scored in ${(performance.now() - scoring).toFixed(0)} ms\n`);
    const positives = set.filter((item) => item.expected.length > 0).length;
    console.log(
      `Labelled set: ${set.length} inputs (${positives} positives, ${set.length - positives} negatives); ` +
        `dev ${set.filter((item) => item.split === 'dev').length}, test ${set.filter((item) => item.split === 'test').length}`,
    );
    console.log(
      `Defaults: match threshold ${config.screenThreshold}, review threshold ${config.screenReviewThreshold}\n`,
    );
    const halves = { dev: 'dev', test: 'test', all: null } as const;
    const line = (label: string, threshold: number) =>
      `${label.padEnd(26)}` +
      Object.entries(halves)
        .map(([, split]) => {
          const items = set.flatMap((item, index) => (split === null || item.split === split ? [index] : []));
          const figures = figuresAt(
            items.map((index) => set[index]!),
            items.map((index) => results[index]!),
            threshold,
          );
          return `${figures.precision.toFixed(3)} ${figures.recall.toFixed(3)} ${figures.f1.toFixed(3)} (${figures.fp} FP, ${figures.fn} FN)`.padEnd(
            34,
          );
        })
        .join('');
    const head = `${''.padEnd(26)}${['dev', 'test', 'all'].map((split) => `${split}: precision recall F1`.padEnd(34)).join('')}`;
    console.log(head);
    console.log(line(`match threshold ${config.screenThreshold}`, config.screenThreshold));
    console.log(line(`flagged (review ${config.screenReviewThreshold})`, config.screenReviewThreshold));
    console.log('\nThreshold table\n' + head);
    for (let threshold = 0.6; threshold <= 0.981; threshold += 0.02) {
      console.log(line(`threshold ${threshold.toFixed(2)}`, threshold));
    }
    const misses = set.flatMap((item, index) => {
      const best = results[index]?.matches.find((match) => match.score >= config.screenThreshold);
      const right = best !== undefined && item.expected.includes(best.id);
      if (right || (!best && item.expected.length === 0)) return [];
      const top = results[index]?.matches[0];
      return [
        `  ${item.split} ${item.kind.padEnd(12)} ${JSON.stringify(item.name)} → expected ${item.expected.join('|') || 'no match'}, best ${top ? `${top.id} ${top.score}` : 'none'}`,
      ];
    });
    console.log(`\nErrors at the match threshold (${misses.length}):\n${misses.join('\n')}`);

    const batch = Array.from({ length: 500 }, (_, index) => entries[index % entries.length]!);
    const thresholds = { match: config.screenThreshold, review: config.screenReviewThreshold };
    const inProcess: number[] = [];
    for (let run = 0; run < 5; run++) {
      const start = performance.now();
      await screenEntries(db, batch, thresholds);
      inProcess.push(performance.now() - start);
      process.stderr.write(`in process: ${inProcess.at(-1)!.toFixed(0)} ms\n`);
    }
    const query = `query S($entries: [ScreeningInput!]!) { screenEntries(entries: $entries, asOf: "2026-12-01") {
      verdict matches { entity { id } score restricted explanation { summary } } } }`;
    const overHttp: number[] = [];
    for (let run = 0; run < 5; run++) {
      const start = performance.now();
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables: { entries: batch.map((entry) => ({ name: entry.name })) } }),
      });
      const body = (await response.json()) as { errors?: unknown };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      overHttp.push(performance.now() - start);
      process.stderr.write(`over HTTP: ${overHttp.at(-1)!.toFixed(0)} ms\n`);
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    console.log(
      `\n500 names (${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(1)}): ` +
        `screenEntries in process ${median(inProcess).toFixed(0)} ms (median of 5, first run ${inProcess[0]!.toFixed(0)} ms); ` +
        `over GraphQL/HTTP with verdicts and explanations ${median(overHttp).toFixed(0)} ms`,
    );
  } finally {
    await server.close();
    await db.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
