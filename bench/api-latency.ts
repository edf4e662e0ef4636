/**
 * API latency, measured side by side in one run (interleaved, after a warm-up), so the ratios hold whatever the
 * machine. Prints p50/p95 per arm and the cost of each layer:
 *   A  the Cypher alone, through the driver
 *   C  the same question through GraphQL over HTTP
 *   E  explainRestrictions computed in process (Cypher + rule evaluation) vs through GraphQL over HTTP
 *   N  a two-hop neighbourhood as drawn, without and with every node marked restricted or not (one batched
 *      explanation for all its nodes)
 *   R  a rejected depth bomb vs a valid one-hop query
 * Usage: npm run bench [-- --samples 300]. Uses NEO4J_URI when set, else a temporary local Neo4j.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { startLocalNeo4j } from '../src/local-neo4j/local-neo4j.js';
import { RELATIONS_BY_NODE_IDS } from '../src/db/queries/node.cypher.js';
import { explainRestrictions } from '../src/restrictions/explain.js';
import { seedGraph } from '../src/records/seed-graph.js';
import { startBenchServer } from './serve.js';
import { today } from '../src/model/period.js';

const samples = Number(process.argv[process.argv.indexOf('--samples') + 1]) || 300;
const warmUp = 50;
const asOfToday = today();

const config = loadConfig();
const dataDir = config.neo4jUri
  ? undefined
  : fs.mkdtempSync(path.join(os.tmpdir(), 'restricted-graph-bench-'));
const local = dataDir ? await startLocalNeo4j({ dataDir, port: 0, heap: '1g' }) : undefined;
const db = await openDatabase({ ...config, neo4jUri: config.neo4jUri ?? local!.uri });
await seedGraph(db);
const server = await startBenchServer(db);

const post = (query: string) =>
  fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  }).then((response) => response.json());

let bomb = 'id';
for (let i = 0; i < 20; i++) bomb = `owners { entity { ${bomb} } }`;

const arms: Record<string, () => Promise<unknown>> = {
  'A  1-hop owners, Cypher': () => db.read(RELATIONS_BY_NODE_IDS, { ids: ['hikrobot'] }),
  'C  1-hop owners, GraphQL/HTTP': () =>
    post('{ entity(id: "hikrobot") { owners { percent entity { id name } } } }'),
  'E1 explain Ezviz, in process': () =>
    explainRestrictions(db, [{ id: 'ezviz-network', asOf: asOfToday, depth: 6 }]),
  'E2 explain Ezviz, GraphQL/HTTP': () =>
    post(
      '{ explainRestrictions(id: "ezviz-network") { restricted restrictions { measure { id } basis rule path { steps { relation to { id } } } } notApplied { reason } } }',
    ),
  'N0 neighbourhood, 2 hops': () =>
    post('{ neighborhood(id: "hikvision", depth: 2) { nodes { id kind } edges { id source target } } }'),
  'N1 the same, restricted marked': () =>
    post(
      '{ neighborhood(id: "hikvision", depth: 2) { nodes { id kind restricted } edges { id source target } } }',
    ),
  'R  depth bomb, rejected': () => post(`{ entity(id: "hikvision") { ${bomb} } }`),
};

const timings: Record<string, number[]> = Object.fromEntries(Object.keys(arms).map((name) => [name, []]));
for (let i = 0; i < warmUp + samples; i++) {
  for (const [name, run] of Object.entries(arms)) {
    const start = performance.now();
    await run();
    if (i >= warmUp) timings[name]!.push(performance.now() - start);
  }
}

const quantile = (values: number[], q: number) =>
  [...values].sort((a, b) => a - b)[Math.floor(q * (values.length - 1))]!;
const p50 = (name: string) => quantile(timings[name]!, 0.5);
console.log(
  `\n${samples} samples per arm (interleaved, ${warmUp} warm-up rounds), Neo4j ${local ? 'local' : config.neo4jUri}`,
);
console.log('arm                               p50 ms   p95 ms');
for (const name of Object.keys(arms)) {
  console.log(
    `${name.padEnd(32)} ${p50(name).toFixed(2).padStart(7)}  ${quantile(timings[name]!, 0.95).toFixed(2).padStart(7)}`,
  );
}
const ratio = (a: string, b: string) => (p50(a) / p50(b)).toFixed(2);
console.log('\nratios of p50');
console.log(
  `  GraphQL/HTTP over raw Cypher, 1 hop:         ${ratio('C  1-hop owners, GraphQL/HTTP', 'A  1-hop owners, Cypher')}x`,
);
console.log(
  `  GraphQL/HTTP over in-process explain:        ${ratio('E2 explain Ezviz, GraphQL/HTTP', 'E1 explain Ezviz, in process')}x`,
);
console.log(
  `  marking restricted nodes over plain view:    ${ratio('N1 the same, restricted marked', 'N0 neighbourhood, 2 hops')}x`,
);
console.log(
  `  rejected depth bomb over valid 1-hop query:  ${ratio('R  depth bomb, rejected', 'C  1-hop owners, GraphQL/HTTP')}x`,
);

await server.close();
await db.close();
await local?.stop();
if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
