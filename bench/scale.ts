/**
 * Cost at scale: builds a synthetic graph in the model's shape (bench/synthetic-graph.ts) on a Neo4j of its own
 * (temporary folder, free loopback port) and measures, in interleaved rounds after a warm-up, the project's
 * questions through its GraphQL API (in process, through the same Yoga server `npm start` runs), the same
 * questions as plain Cypher through the bare driver (the floor), and the ownership questions through
 * @neo4j/graphql over the same database (the peer). Prints p50/p99, the ratios and the load average.
 *
 *   npm run bench:scale -- --companies 10000[,100000,...] [--rounds 30] [--without screen]
 *
 * NEO4J_HEAP and NEO4J_PAGECACHE size the benchmark's Neo4j as they size the project's (README, Configuration). With NEO4J_URI set
 * it uses that server instead, and EMPTIES it first: point it only at a database you may wipe.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Neo4jGraphQL } from '@neo4j/graphql';
import { createYoga as createYogaServer } from 'graphql-yoga';
import { loadConfig } from '../src/config.js';
import { openDatabase, type Database } from '../src/db/database.js';
import { createYoga } from '../src/graphql/create-yoga.js';
import { createLogger } from '../src/logger.js';
import { startLocalNeo4j } from '../src/local-neo4j/local-neo4j.js';
import { seedGraph } from '../src/records/seed-graph.js';
import { nameStatistics } from '../src/search/name-statistics.js';
import { planSyntheticGraph, writeSyntheticGraph, type SyntheticPlan } from './synthetic-graph.js';

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}
const sizes = option('companies', '10000')
  .split(',')
  .map((value) => Number(value.replace(/_/g, '')));
if (sizes.some((size) => !Number.isInteger(size) || size < 1000 || size > 2_000_000)) {
  throw new Error('--companies takes whole numbers from 1000 to 2000000, comma-separated');
}
const rounds = Number(option('rounds', '30'));
/** Arms whose name contains this text are left out (e.g. `--without screen` when screening is too slow to repeat). */
const without = option('without', '');
const warmUp = 5;
const log = (line: string) => process.stdout.write(`${line}\n`);

/** @neo4j/graphql over the same database, with the types the ownership questions need. */
function peerYoga(db: Database) {
  const typeDefs = `
    type Company @node(labels: ["Company"]) {
      id: ID!
      name: String!
      owners: [Company!]! @relationship(type: "OWNS", direction: IN, properties: "Owns")
    }
    type Owns @relationshipProperties {
      percent: Float
    }`;
  const schema = new Neo4jGraphQL({ typeDefs, driver: db.driver }).getSchema();
  return schema.then((built) =>
    createYogaServer({ schema: built, context: { sessionConfig: { database: db.name } } }),
  );
}

/** Both GraphQL servers are asked in process, through Yoga's fetch: no network in either arm. */
interface InProcess {
  fetch(url: string, init: RequestInit): Response | Promise<Response>;
}

async function graphql(yoga: InProcess, query: string, variables: Record<string, unknown>) {
  const response = await yoga.fetch('http://bench/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { errors?: { message: string }[] };
  if (body.errors) throw new Error(`GraphQL error: ${body.errors[0]?.message}`);
  return body;
}

const nested = (depth: number): string =>
  depth === 0
    ? 'id name'
    : `id name ownersConnection { edges { properties { percent } node { ${nested(depth - 1)} } } }`;

const REACH_UP = `(x)(()<-[:OWNS]-()){0,6}(listed:Party)`;

type Arm = () => Promise<unknown>;

async function measure(size: number): Promise<Record<string, number[]>> {
  const plan = planSyntheticGraph(size);
  const config = loadConfig();
  const dataDir = config.neo4jUri
    ? undefined
    : fs.mkdtempSync(path.join(os.tmpdir(), 'restricted-graph-scale-'));
  const local = dataDir
    ? await startLocalNeo4j({
        dataDir,
        port: 0,
        heap: config.neo4jHeap,
        pageCache: config.neo4jPageCache,
        log,
      })
    : undefined;
  const db = await openDatabase({ ...config, neo4jUri: config.neo4jUri ?? local?.uri });
  try {
    await emptyGraph(db);
    log(`\n${plan.companies} companies (${plan.trees} trees of depth 6 and a hub of 200)`);
    const seedStart = performance.now();
    await seedGraph(db);
    log(`  seed graph loaded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
    const buildStart = performance.now();
    await writeSyntheticGraph(db, plan, log);
    log(`  graph ready in ${((performance.now() - buildStart) / 1000).toFixed(0)} s`);

    // As npm start's warm-up does: at 1 M the read takes longer than one request may.
    const statisticsStart = performance.now();
    await nameStatistics(db);
    log(`  name statistics read in ${((performance.now() - statisticsStart) / 1000).toFixed(1)} s`);
    const project = createYoga(db, loadConfig(), createLogger({ logLevel: 'silent' }));
    const peer = await peerYoga(db);
    const { leaf, hub, names } = plan.probes;
    const screen100 = names.slice(0, 100);
    const query = names[1]!.replace(/ Co\., Ltd\.$/, '');
    const floor = (cypher: string, params: Record<string, unknown>) => () => db.read(cypher, params);
    const arms: Record<string, Arm> = {
      'explain leaf 4 below listed': () =>
        graphql(
          project,
          `
            query ($id: ID!) {
              explainRestrictions(id: $id) {
                restricted
                restrictions {
                  measure {
                    id
                  }
                  listedEntity {
                    id
                  }
                  path {
                    steps {
                      from {
                        id
                      }
                      relation
                      to {
                        id
                      }
                      percent
                    }
                  }
                }
              }
            }
          `,
          { id: leaf },
        ),
      'explain, floor': floor(
        `MATCH (x:Node {id: $id}) MATCH p = ${REACH_UP} WHERE EXISTS { (listed)<-[:DESIGNATES]-(:Designation) }
         MATCH (listed)<-[:DESIGNATES]-(d:Designation)-[:ON_LIST]->(list:RestrictedList)<-[:APPLIES_TO]-(m:Measure)
         RETURN m.id, list.id, d.listedOn, [n IN nodes(p) | n.id], [r IN relationships(p) | r.percent]`,
        { id: leaf },
      ),
      'ownershipChain depth 4': () =>
        graphql(
          project,
          `
            query ($id: ID!) {
              ownershipChain(id: $id, maxDepth: 4) {
                paths {
                  effectivePercent
                  steps {
                    from {
                      id
                      name
                    }
                    to {
                      id
                      name
                    }
                    percent
                  }
                }
              }
            }
          `,
          { id: leaf },
        ),
      'ownershipChain depth 4, floor': floor(
        `MATCH (x:Node {id: $id}) MATCH p = (x)(()<-[:OWNS]-()){1,4}(o)
         RETURN [n IN nodes(p) | n {.id, .name}], [r IN relationships(p) | r.percent]`,
        { id: leaf },
      ),
      'ownership depth 4, peer': () =>
        graphql(peer, `query($id: ID!) { companies(where: { id: { eq: $id } }) { ${nested(4)} } }`, {
          id: leaf,
        }),
      'ownershipChain depth 6': () =>
        graphql(
          project,
          `
            query ($id: ID!) {
              ownershipChain(id: $id, maxDepth: 6) {
                paths {
                  effectivePercent
                  steps {
                    from {
                      id
                      name
                    }
                    to {
                      id
                      name
                    }
                    percent
                  }
                }
              }
            }
          `,
          { id: leaf },
        ),
      'ownershipChain depth 6, floor': floor(
        `MATCH (x:Node {id: $id}) MATCH p = (x)(()<-[:OWNS]-()){1,6}(o)
         RETURN [n IN nodes(p) | n {.id, .name}], [r IN relationships(p) | r.percent]`,
        { id: leaf },
      ),
      'owners 1 hop': () =>
        graphql(
          project,
          `
            query ($id: ID!) {
              entity(id: $id) {
                id
                name
                owners {
                  percent
                  entity {
                    id
                    name
                  }
                }
              }
            }
          `,
          {
            id: leaf,
          },
        ),
      'owners 1 hop, floor': floor(
        `MATCH (x:Node {id: $id}) OPTIONAL MATCH (x)<-[r:OWNS]-(o) RETURN x.id, x.name, r.percent, o.id, o.name`,
        { id: leaf },
      ),
      'owners 1 hop, peer': () =>
        graphql(peer, `query($id: ID!) { companies(where: { id: { eq: $id } }) { ${nested(1)} } }`, {
          id: leaf,
        }),
      'neighbourhood of hub': () =>
        graphql(
          project,
          `
            query ($id: ID!) {
              neighborhood(id: $id) {
                nodes {
                  id
                  name
                  kind
                }
                edges {
                  id
                  source
                  target
                  type
                  percent
                }
              }
            }
          `,
          { id: hub },
        ),
      'neighbourhood, floor': floor(
        `MATCH (x:Node {id: $id})-[r:OWNS|SUBSIDIARY_OF|AFFILIATE_OF|CONTROLS|BRAND_OF|OEM_FOR]-(n)
         RETURN n.id, n.name, labels(n), type(r), r.percent`,
        { id: hub },
      ),
      'neighbourhood + restricted': () =>
        graphql(
          project,
          `
            query ($id: ID!) {
              neighborhood(id: $id) {
                nodes {
                  id
                  name
                  kind
                  restricted
                }
                edges {
                  id
                  source
                  target
                  type
                  percent
                }
              }
            }
          `,
          { id: hub },
        ),
      'neighbourhood + restricted, floor': floor(
        `MATCH (x:Node {id: $id})-[r:OWNS|SUBSIDIARY_OF|AFFILIATE_OF|CONTROLS|BRAND_OF|OEM_FOR]-(n)
         RETURN n.id, n.name, labels(n), type(r), r.percent,
                EXISTS { MATCH (n)(()<-[:OWNS]-()){0,6}(l:Party) WHERE EXISTS { (l)<-[:DESIGNATES]-(:Designation) } } AS restricted`,
        { id: hub },
      ),
      search: () =>
        graphql(
          project,
          `
            query ($q: String!) {
              search(query: $q) {
                edges {
                  score
                  node {
                    id
                    name
                  }
                }
              }
            }
          `,
          { q: query },
        ),
      'search, floor': floor(
        `CALL db.index.fulltext.queryNodes('entity_search', $q, {limit: 20}) YIELD node, score RETURN node.id, node.name, score`,
        { q: query.replace(/[^\p{L}\p{N} ]/gu, ' ') },
      ),
      'screen 100': () =>
        graphql(
          project,
          `
            query ($names: [String!]!) {
              screen(names: $names) {
                input
                matches {
                  entity {
                    id
                  }
                  score
                  restricted
                }
              }
            }
          `,
          {
            names: screen100,
          },
        ),
      'screen 500': () =>
        graphql(
          project,
          `
            query ($names: [String!]!) {
              screen(names: $names) {
                input
                matches {
                  entity {
                    id
                  }
                  score
                  restricted
                }
              }
            }
          `,
          {
            names,
          },
        ),
      'screen 500, floor': floor(
        `UNWIND $names AS name
         CALL db.index.fulltext.queryNodes('entity_search', name, {limit: 5}) YIELD node, score
         RETURN name, node.id, score,
                EXISTS { MATCH (node)(()<-[:OWNS]-()){0,6}(l:Party) WHERE EXISTS { (l)<-[:DESIGNATES]-(:Designation) } } AS restricted`,
        { names: names.map((name) => name.replace(/[^\p{L}\p{N} ]/gu, ' ')) },
      ),
    };
    if (without) for (const name of Object.keys(arms)) if (name.includes(without)) delete arms[name];
    const timings: Record<string, number[]> = Object.fromEntries(Object.keys(arms).map((name) => [name, []]));
    const first: Record<string, number> = {};
    for (let round = 0; round < warmUp + rounds; round++) {
      for (const [name, run] of Object.entries(arms)) {
        const start = performance.now();
        await run();
        const ms = performance.now() - start;
        if (round === 0) {
          first[name] = ms;
          log(`  first ${name}: ${ms.toFixed(0)} ms`);
        }
        if (round >= warmUp) timings[name]!.push(ms);
      }
      if (round === warmUp - 1) log(`  warmed up (${warmUp} rounds); measuring ${rounds} rounds`);
    }
    report(size, plan, timings, first);
    return timings;
  } finally {
    await db.close();
    await local?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Empties the graph (a NEO4J_URI database from an earlier size) in slices, indexes and all. */
async function emptyGraph(db: Database): Promise<void> {
  for (;;) {
    const [row] = await db.write<{ count: number }>(
      'MATCH (n) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS count',
    );
    if (!row || row.count === 0) return;
  }
}

const quantile = (values: number[], q: number) =>
  [...values].sort((a, b) => a - b)[Math.floor(q * (values.length - 1))] ?? NaN;
const p50 = (timings: Record<string, number[]>, name: string) => quantile(timings[name] ?? [], 0.5);
const load = () =>
  os
    .loadavg()
    .map((value) => value.toFixed(1))
    .join(' ');

function report(
  size: number,
  plan: SyntheticPlan,
  timings: Record<string, number[]>,
  first: Record<string, number>,
) {
  log(`\n${plan.companies} companies, ${rounds} rounds, ${os.cpus().length} CPUs, load average ${load()}`);
  log('question                              p50 ms    p99 ms   first ms');
  for (const [name, values] of Object.entries(timings)) {
    log(
      `${name.padEnd(36)} ${quantile(values, 0.5).toFixed(1).padStart(8)}  ${quantile(values, 0.99).toFixed(1).padStart(8)}` +
        `  ${(first[name] ?? NaN).toFixed(0).padStart(8)}`,
    );
  }
  const ratio = (a: string, b: string) => `${(p50(timings, a) / p50(timings, b)).toFixed(2)}x`;
  log('ratios of p50');
  for (const [a, b] of [
    ['explain leaf 4 below listed', 'explain, floor'],
    ['ownershipChain depth 4', 'ownershipChain depth 4, floor'],
    ['ownershipChain depth 6', 'ownershipChain depth 6, floor'],
    ['ownershipChain depth 4', 'ownership depth 4, peer'],
    ['owners 1 hop', 'owners 1 hop, peer'],
    ['owners 1 hop', 'owners 1 hop, floor'],
    ['neighbourhood + restricted', 'neighbourhood of hub'],
    ['screen 500', 'screen 500, floor'],
  ] as const) {
    log(`  ${a} / ${b}: ${ratio(a, b)}`);
  }
  void size;
}

const results: [number, Record<string, number[]>][] = [];
for (const size of sizes) results.push([size, await measure(size)]);
if (results.length > 1) {
  const [smallest, base] = results[0]!;
  log(`\np50 at each size over p50 at ${smallest} companies (load average ${load()})`);
  for (const name of Object.keys(base)) {
    log(
      `  ${name.padEnd(36)} ${results
        .slice(1)
        .map(([size, timings]) => `${size}: ${(p50(timings, name) / p50(base, name)).toFixed(2)}x`)
        .join('  ')}`,
    );
  }
}
