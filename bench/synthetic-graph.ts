/**
 * A synthetic graph in the model's exact shape, for the scale benchmark: records as a seed file would hold them
 * (so they pass the project's own validation and write path), produced in slices so a million companies never
 * sit in memory at once. Deterministic: the same size gives the same graph.
 *
 * Shape: ownership trees of depth 6 (each company owned by its parent with a percentage), one brand per eight
 * companies and an OEM link per forty, about 1 % of parties designated on the real seeded lists, and a hub
 * company owning 200 others. Every fact cites one Source that says it is synthetic.
 */
import { performance } from 'node:perf_hooks';
import type { Database } from '../src/db/database.js';
import { UPSERT_NODES, UPSERT_RELATIONSHIPS } from '../src/db/queries/write.cypher.js';
import type { RawRecord } from '../src/records/records.js';
import { loadSeeds } from '../src/records/seed-graph.js';
import { validateRecords } from '../src/records/validate.js';
import { planBatches } from '../src/records/write-records.js';

export const BENCH_SOURCE = 'src-bench-synthetic';
/** Lists of the seed data that the synthetic designations put parties on. */
const LISTS = [
  'bis-entity-list',
  'dod-1260h-list',
  'ofac-ns-cmic-list',
  'ndaa-889-entities',
  'fcc-covered-list',
  'dod-1237-list',
];
const TREE_DEPTH = 6;
/** A binary tree of depth 6. */
const TREE_SIZE = 2 ** (TREE_DEPTH + 1) - 1;
export const HUB_CHILDREN = 200;
const TREES_PER_SLICE = 40;
const BATCH = 2000;

const PLACES = [
  'Shenzhen',
  'Hangzhou',
  'Shanghai',
  'Beijing',
  'Wuhan',
  'Chengdu',
  'Suzhou',
  'Xiamen',
  'Nanjing',
  'Tianjin',
  'Qingdao',
  'Dalian',
  'Ningbo',
  'Foshan',
  'Dongguan',
  'Hefei',
  'Xian',
  'Changsha',
  'Zhengzhou',
  'Jinan',
  'Harbin',
  'Kunming',
  'Fuzhou',
  'Wuxi',
  'Shenyang',
  'Nanning',
  'Guiyang',
  'Taiyuan',
  'Lanzhou',
  'Haikou',
];
const WORDS = [
  'Bright',
  'Star',
  'Ocean',
  'Golden',
  'Dragon',
  'Harmony',
  'Peak',
  'Silver',
  'River',
  'Jade',
  'Summit',
  'Crystal',
  'Eagle',
  'Horizon',
  'Lotus',
  'Phoenix',
  'Pioneer',
  'Rising',
  'Unity',
  'Vision',
  'Zenith',
  'Orient',
  'Pearl',
  'Sky',
  'Thunder',
  'Wisdom',
  'Aurora',
  'Bamboo',
  'Cedar',
  'Delta',
  'Ember',
  'Falcon',
  'Granite',
  'Heron',
  'Iris',
  'Jasper',
  'Kestrel',
  'Lumen',
  'Maple',
  'Nova',
  'Onyx',
  'Prism',
  'Quartz',
  'Radiant',
  'Sable',
  'Titan',
  'Umber',
  'Vertex',
  'Willow',
  'Xenon',
  'Yarrow',
  'Zephyr',
  'Amber',
  'Beacon',
  'Cobalt',
  'Dune',
  'Echo',
  'Flint',
  'Grove',
  'Halo',
];
const TRADES = [
  'Electronics',
  'Technology',
  'Optics',
  'Semiconductor',
  'Telecom',
  'Robotics',
  'Software',
  'Materials',
  'Machinery',
  'Instruments',
  'Networks',
  'Security',
  'Imaging',
  'Energy',
  'Aerospace',
  'Logistics',
  'Trading',
  'Investment',
  'Holdings',
  'Components',
];

/** A distinct, plausible company name for every index below 2.16 million. */
export function companyName(index: number): string {
  const trade = TRADES[index % TRADES.length];
  const rest = Math.floor(index / TRADES.length);
  const second = WORDS[rest % WORDS.length];
  const rest2 = Math.floor(rest / WORDS.length);
  const first = WORDS[rest2 % WORDS.length];
  const place = PLACES[Math.floor(rest2 / WORDS.length) % PLACES.length];
  return `${place} ${first} ${second} ${trade} Co., Ltd.`;
}

/** A small deterministic generator (mulberry32), so every run builds the same graph. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticPlan {
  companies: number;
  trees: number;
  /** The parties the benchmark asks about. */
  probes: { leaf: string; listed: string; hub: string; names: string[] };
}

export const companyId = (index: number) => `bench-co-${index}`;

/** The size and the probes of a graph of about `companies` companies. */
export function planSyntheticGraph(companies: number): SyntheticPlan {
  const trees = Math.max(1, Math.floor((companies - HUB_CHILDREN - 1) / TREE_SIZE));
  // Tree 0 is the probe: its root is not listed, the company two levels down is; the leaf is four below that.
  const listedIndex = 3; // heap order: 0 root, 1-2 depth 1, 3-6 depth 2
  let leafIndex = listedIndex;
  for (let level = 0; level < TREE_DEPTH - 2; level++) leafIndex = 2 * leafIndex + 1;
  const hubIndex = trees * TREE_SIZE;
  const names = Array.from({ length: 500 }, (_, i) =>
    // Three in four are names in the graph (every 97th tree's companies), the rest are not.
    i % 4 === 3 ? `Unrelated Garden Supplies ${i} GmbH` : companyName((i * 9_973) % (trees * TREE_SIZE)),
  );
  return {
    companies: trees * TREE_SIZE + HUB_CHILDREN + 1,
    trees,
    probes: { leaf: companyId(leafIndex), listed: companyId(listedIndex), hub: companyId(hubIndex), names },
  };
}

const SOURCE_RECORD = {
  type: 'Source',
  id: BENCH_SOURCE,
  url: 'https://example.org/restricted-graph/bench',
  title: 'Synthetic benchmark graph (not real companies)',
  publisher: 'restricted-graph bench/scale.ts',
  date: '2026-01-01',
  evidence: 'COMMUNITY',
};

/**
 * Records of the trees from `firstTree` (inclusive) to `lastTree` (exclusive); the last slice also holds the
 * hub. References stay inside the slice, except to the seed data's lists and the benchmark's source.
 */
export function syntheticSlice(
  plan: SyntheticPlan,
  firstTree: number,
  lastTree: number,
): Record<string, unknown>[] {
  const next = random(firstTree + 1);
  const records: Record<string, unknown>[] = firstTree === 0 ? [SOURCE_RECORD] : [];
  const sources = [BENCH_SOURCE];
  const brandsInSlice: string[] = [];
  const company = (index: number) => {
    records.push({
      type: 'Company',
      id: companyId(index),
      name: companyName(index),
      aliases: [companyName(index).replace(/ Co\., Ltd\.$/, '')],
      country: 'CN',
      identifiers: [`BENCH:${index}`],
      sources,
    });
    if (index % 8 === 0) {
      const brand = `bench-brand-${index}`;
      brandsInSlice.push(brand);
      records.push({
        type: 'Brand',
        id: brand,
        name: `${companyName(index).split(' ')[1]} ${index}`,
        sources,
      });
      records.push({ type: 'BRAND_OF', id: `${brand}-of`, from: brand, to: companyId(index), sources });
    }
    if (index % 40 === 20 && brandsInSlice.length > 0) {
      const brand = brandsInSlice[Math.floor(next() * brandsInSlice.length)];
      records.push({ type: 'OEM_FOR', id: `bench-oem-${index}`, from: companyId(index), to: brand, sources });
    }
  };
  const owns = (owner: number, owned: number) =>
    records.push({
      type: 'OWNS',
      id: `bench-owns-${owned}`,
      from: companyId(owner),
      to: companyId(owned),
      percent: 10 + Math.floor(next() * 91),
      validFrom: '2015-01-01',
      sources,
    });
  const designate = (index: number) =>
    records.push({
      type: 'Designation',
      id: `bench-des-${index}`,
      party: companyId(index),
      list: LISTS[index % LISTS.length],
      listedOn: '2021-01-15',
      nameOnList: companyName(index),
      sources,
    });
  for (let tree = firstTree; tree < lastTree; tree++) {
    const base = tree * TREE_SIZE;
    for (let local = 0; local < TREE_SIZE; local++) {
      company(base + local);
      if (local > 0) owns(base + Math.floor((local - 1) / 2), base + local);
    }
    // About 1 % of parties listed: every other tree's root, and one company in the middle of every tree.
    if (tree === 0) designate(3);
    else {
      if (tree % 2 === 0) designate(base);
      designate(base + 7 + Math.floor(next() * (TREE_SIZE - 7)));
    }
  }
  if (lastTree === plan.trees) {
    const hub = plan.trees * TREE_SIZE;
    company(hub);
    for (let child = 1; child <= HUB_CHILDREN; child++) {
      company(hub + child);
      owns(hub, hub + child);
      if (child % 10 === 0) designate(hub + child);
    }
  }
  return records;
}

function asRaw(records: Record<string, unknown>[]): RawRecord[] {
  return records.map((data, index) => ({ origin: { file: 'synthetic', position: index + 1 }, data }));
}

/**
 * The project's write statements with CREATE for MERGE: the graph is new, so nothing needs looking up first.
 * Rows, labels and properties are the project's own (planBatches).
 */
const CREATE_INSTEAD = new Map<string, string>([
  [UPSERT_NODES, 'UNWIND $rows AS row CREATE (n:$(row.labels)) SET n = row.properties'],
  [
    UPSERT_RELATIONSHIPS,
    `UNWIND $rows AS row MATCH (a:Node {id: row.from}), (b:Node {id: row.to})
     CREATE (a)-[r:$(row.type)]->(b) SET r = row.properties`,
  ],
]);

/** Writes the synthetic graph through the project's validation and write path, a batch per transaction. */
export async function writeSyntheticGraph(
  db: Database,
  plan: SyntheticPlan,
  log: (line: string) => void,
): Promise<void> {
  const known = new Map(loadSeeds().nodes.map((node) => [node.id, node.type as string]));
  const started = performance.now();
  let nextReport = 0.1;
  for (let first = 0; first < plan.trees; first += TREES_PER_SLICE) {
    const last = Math.min(plan.trees, first + TREES_PER_SLICE);
    const result = validateRecords(asRaw(syntheticSlice(plan, first, last)), known);
    if (result.issues.length > 0)
      throw new Error(`synthetic graph invalid: ${JSON.stringify(result.issues[0])}`);
    known.set(BENCH_SOURCE, 'Source');
    for (const batch of planBatches(result, BATCH)) {
      await db.write(CREATE_INSTEAD.get(batch.query) ?? batch.query, { rows: batch.rows });
    }
    const done = last / plan.trees;
    if (done >= nextReport || last === plan.trees) {
      const seconds = (performance.now() - started) / 1000;
      log(
        `  built ${Math.round(done * 100)} % (${Math.round(done * plan.companies)} companies) in ` +
          `${seconds.toFixed(0)} s, ${Math.round((done * plan.companies) / seconds)} companies/s`,
      );
      nextReport = Math.floor(done * 10) / 10 + 0.1;
    }
  }
  await db.write('CALL db.awaitIndexes(600)');
  await db.write('CALL db.prepareForReplanning(600)');
}
