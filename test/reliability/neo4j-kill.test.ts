import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../src/config.js';
import { openDatabase, type Database } from '../../src/db/database.js';
import { prepareGraph } from '../../src/records/prepare-graph.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

/**
 * Issue 11, item 3: kill -9 of the Neo4j that the service started itself, under a small bounded load (a few
 * clients on 127.0.0.1), and the timings the service promises around it.
 *
 * The database is opened the way `npm start` opens it (no NEO4J_URI: the service starts and supervises a local
 * Neo4j), on a temporary data folder and a free port, so the real supervisor restarts it and the real
 * "database is down" short cut answers requests while it does.
 */

/**
 * Clients looping one small query and /health each, with a pause, and one /health prober: a bounded load, not a
 * stress test.
 */
const CLIENTS = 4;
const PAUSE_MS = 100;
const PROBE_PAUSE_MS = 200;
/** A ceiling on the requests one run may make, whatever happens to the timings. */
const MAX_SAMPLES = 20_000;

/**
 * The issue asks for DATABASE_UNAVAILABLE "within about 1 s" while Neo4j is down. 1500 ms leaves room for a
 * busy 2-core machine on which the restarting JVM takes both cores (this test's client and server share one
 * event loop), and stays well below every driver timeout that a hanging request would wait out (connection
 * 3 s, acquisition 5 s, the request's own 30 s), so a request that waited on any of them fails the test.
 */
const OUTAGE_ANSWER_MS = 1_500;
/** /health answers within 1 s in every state (its own database probe gives up after 800 ms). */
const HEALTH_ANSWER_MS = 1_000;
/**
 * After /health says the database is reachable again, requests succeed within this. The first queries after a
 * restart are the slow ones: the new JVM plans every Cypher query afresh (2.5 to 4.5 s for the first
 * explainRestrictions on a busy 2-core machine); they are slow, not stuck.
 */
const RECOVERY_MS = 5_000;
/**
 * Generous bounds on the conditions waited for: a JVM restart after a kill recovers the store first, and the
 * service warms up again (three rounds of questions to a cold JVM: 15 s on an idle 2-core machine) before /health
 * reports it reachable.
 */
const WAIT = { warmUpMs: 60_000, exitLoggedMs: 10_000, restartMs: 180_000, healthyMs: 120_000 };

const QUERY = '{ explainRestrictions(id: "hikvision") { restricted } }';

interface Sample {
  kind: 'graphql' | 'health';
  start: number;
  end: number;
  /** HTTP status, or 0 when no answer came (the client gave up). */
  status: number;
  /** GraphQL: the first error's code, when there was one; /health: its status (ok, warming, unavailable). */
  code?: string | undefined;
  /** GraphQL: data came back and no error; /health: the database was reported reachable. */
  ok: boolean;
}

let dataDir: string;
let config: Config;
let db: Database;
let server: TestServer;
const supervisorLog: { at: number; line: string }[] = [];
const samples: Sample[] = [];
/** Every database transaction the service ran, seen from inside it: when it began and ended, and its outcome. */
const transactions: { startedAt: number; end: number; ok: boolean }[] = [];
let stopLoad = false;
let load: Promise<void>[] = [];

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'restricted-graph-neo4j-kill-'));
  config = {
    ...loadConfig(),
    neo4jUri: undefined,
    neo4jDataDir: dataDir,
    neo4jBoltPort: 0,
    neo4jHeap: '512m',
    neo4jPageCache: '128m',
  };
  db = await openDatabase(config, (line) => supervisorLog.push({ at: Date.now(), line }));
  db.observe(({ startedAt, ok }) => transactions.push({ startedAt, end: Date.now(), ok }));
  await prepareGraph(db, () => {});
  server = await startTestServer(db, { config });
});

afterAll(async () => {
  stopLoad = true;
  await Promise.all(load);
  await server?.close();
  // Stops the supervised Neo4j, or a restart still under way.
  await db?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** The pid of the Neo4j Java process: the supervisor records it in bolt.json at each (re)start. */
function neo4jPid(): number {
  return (JSON.parse(fs.readFileSync(path.join(dataDir, 'bolt.json'), 'utf8')) as { pid: number }).pid;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function sample(kind: Sample['kind']): Promise<void> {
  const start = Date.now();
  const init: RequestInit =
    kind === 'graphql'
      ? {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: QUERY }),
        }
      : {};
  // Never longer than the request's own time limit and then some: a request that hangs is a result, not a
  // test that hangs.
  const signal = AbortSignal.timeout(config.timeouts.requestMs + 5_000);
  try {
    const response = await fetch(`${server.url}/${kind}`, { ...init, signal });
    const body = (await response.json()) as {
      data?: { explainRestrictions?: { restricted: boolean } };
      errors?: { extensions?: { code?: string } }[];
      status?: string;
      database?: { reachable: boolean };
    };
    const end = Date.now();
    samples.push(
      kind === 'graphql'
        ? {
            kind,
            start,
            end,
            status: response.status,
            code: body.errors?.[0]?.extensions?.code,
            ok: body.errors === undefined && body.data?.explainRestrictions?.restricted === true,
          }
        : {
            kind,
            start,
            end,
            status: response.status,
            code: body.status,
            ok: body.database?.reachable === true,
          },
    );
  } catch {
    samples.push({ kind, start, end: Date.now(), status: 0, ok: false });
  }
}

async function client(): Promise<void> {
  while (!stopLoad && samples.length < MAX_SAMPLES) {
    await sample('graphql');
    await sample('health');
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
  }
}

/** What a load balancer does: /health on its own, so its answer is not held up behind a client's query. */
async function prober(): Promise<void> {
  while (!stopLoad && samples.length < MAX_SAMPLES) {
    await sample('health');
    await new Promise((resolve) => setTimeout(resolve, PROBE_PAUSE_MS));
  }
}

/** Polls a condition every 100 ms; fails naming it when it does not hold within `limitMs`. */
async function waitFor<T>(what: string, limitMs: number, check: () => T | undefined): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() - started > limitMs) throw new Error(`Waited ${limitMs / 1000} s for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const duration = (s: Sample) => s.end - s.start;
const max = (list: Sample[]) => Math.max(0, ...list.map(duration));

describe('a kill -9 of Neo4j under load', () => {
  it('answers every request at once during the outage, restarts Neo4j and recovers within 5 s', async () => {
    const oldPid = neo4jPid();
    expect(isAlive(oldPid)).toBe(true);
    load = [...Array.from({ length: CLIENTS }, () => client()), prober()];

    await waitFor('20 answered queries before the kill', WAIT.warmUpMs, () =>
      samples.filter((s) => s.kind === 'graphql' && s.ok).length >= 20 ? true : undefined,
    );
    const killedAt = Date.now();
    process.kill(oldPid, 'SIGKILL');

    const exit = await waitFor('the supervisor to log the exit', WAIT.exitLoggedMs, () =>
      supervisorLog.find((entry) => entry.at >= killedAt && /exited unexpectedly/.test(entry.line)),
    );
    expect(exit.line).toMatch(
      new RegExp(`^Neo4j \\(pid ${oldPid}\\) exited unexpectedly \\(signal SIGKILL\\)`),
    );
    expect(exit.line).toMatch(/restarting in \d+(\.\d+)? s/);
    const restart = await waitFor('the supervisor to restart Neo4j', WAIT.restartMs, () =>
      supervisorLog.find((entry) => entry.at > exit.at && /Neo4j is running again/.test(entry.line)),
    );
    const newPid = Number(/\(pid (\d+)\)/.exec(restart.line)?.[1]);
    expect(newPid).not.toBe(oldPid);
    expect(isAlive(newPid)).toBe(true);
    expect(neo4jPid()).toBe(newPid);

    // The database is back for the service once /health says so; a request that set out after the exit was
    // logged cannot have been answered by the killed process.
    const healthy = await waitFor('/health to report the database reachable', WAIT.healthyMs, () =>
      samples.find((s) => s.kind === 'health' && s.start > exit.at && s.status === 200),
    );
    const recoveredAt = healthy.end;
    await waitFor('the load to run on past the recovery', RECOVERY_MS + 10_000, () =>
      Date.now() > recoveredAt + RECOVERY_MS + 2_000 ? true : undefined,
    );
    stopLoad = true;
    await Promise.all(load);
    expect(samples.length).toBeLessThan(MAX_SAMPLES);

    const queries = samples.filter((s) => s.kind === 'graphql');
    const health = samples.filter((s) => s.kind === 'health');
    const before = queries.filter((s) => s.end < killedAt);
    // Neo4j down: from the kill until the supervisor has it running again (the service's "is up" turns true
    // as that line is logged), including the requests in flight at the kill.
    const down = queries.filter((s) => s.end >= killedAt && s.start < restart.at);
    // Neo4j running again, with cold caches and plans, until /health reports it reachable.
    const returning = queries.filter((s) => s.start >= restart.at && s.start < recoveredAt);
    const after = queries.filter((s) => s.start >= recoveredAt);
    const unavailable = (s: Sample) => s.status === 503 && s.code === 'DATABASE_UNAVAILABLE';

    // No request went unanswered, and none took as long as the request's configured time limit.
    expect(samples.filter((s) => s.status === 0)).toEqual([]);
    expect(samples.filter((s) => duration(s) >= config.timeouts.requestMs)).toEqual([]);
    expect(before.every((s) => s.ok)).toBe(true);

    // While Neo4j is down: HTTP 503 DATABASE_UNAVAILABLE (or a success), nothing else.
    expect(down.filter(unavailable).length).toBeGreaterThan(0);
    expect(down.filter((s) => !s.ok && !unavailable(s))).toEqual([]);
    // Once it runs again: successes, or DATABASE_UNAVAILABLE while it cannot answer yet; never another error.
    expect([...returning, ...after].filter((s) => !s.ok && !unavailable(s))).toEqual([]);
    // Every DATABASE_UNAVAILABLE within about 1 s, in every phase.
    expect(queries.filter((s) => unavailable(s) && duration(s) > OUTAGE_ANSWER_MS)).toEqual([]);
    // A success counted in the outage may be slow: the clients share the event loop with the service, so a
    // request set out a few ms before restart.at can reach the service's "is Neo4j up" check after the flag
    // flipped, and the restarted, cold Neo4j then takes seconds to plan it. What must never happen is a request
    // held through the outage; seen from inside the service, that is a transaction begun before Neo4j was
    // running again that succeeded after the killed process was gone.
    expect(transactions.filter((t) => t.ok && t.startedAt < restart.at && t.end > exit.at)).toEqual([]);

    // /health: within 1 s in every state, 200 when the database is reachable and 503 when it is not.
    expect(health.filter((s) => duration(s) > HEALTH_ANSWER_MS)).toEqual([]);
    // 200 only when it says ok; a reachable database the service is still warming up for says so with a 503.
    expect(health.every((s) => (s.code === 'ok') === (s.status === 200))).toBe(true);
    expect(health.filter((s) => !s.ok && s.code !== 'unavailable')).toEqual([]);
    expect(health.filter((s) => s.code === 'warming' && s.start < restart.at)).toEqual([]);
    expect(health.some((s) => s.start > killedAt && s.end < recoveredAt && s.status === 503)).toBe(true);

    // Recovery: queries succeed within 5 s of /health reporting the database back, and all do from then on.
    const firstSuccess = queries.find((s) => s.ok && s.end > restart.at);
    expect(firstSuccess).toBeDefined();
    expect(firstSuccess!.end - recoveredAt).toBeLessThan(RECOVERY_MS);
    const settled = after.filter((s) => s.start >= recoveredAt + RECOVERY_MS);
    expect(settled.length).toBeGreaterThan(0);
    expect(settled.filter((s) => !s.ok)).toEqual([]);

    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    console.info(
      `neo4j kill: ${samples.length} requests. Exit logged ${exit.at - killedAt} ms after the kill, Neo4j ` +
        `running again after ${seconds(restart.at - killedAt)}, /health 200 after ${seconds(recoveredAt - killedAt)}. ` +
        `Down: ${down.length} queries, ${down.filter(unavailable).length} DATABASE_UNAVAILABLE, slowest ` +
        `${max(down.filter(unavailable))} ms; ${down.filter((s) => s.ok).length} served once it ran again, ` +
        `slowest ${max(down.filter((s) => s.ok))} ms. Returning: ${returning.length} queries, slowest ${max(returning)} ms. First success ` +
        `${firstSuccess!.end - recoveredAt} ms after /health was 200 again (${seconds(firstSuccess!.end - restart.at)} ` +
        `after the restart); slowest query after that ${max(after)} ms, before the kill ${max(before)} ms; ` +
        `/health slowest ${max(health)} ms.`,
    );
    // Starting a JVM again after a kill takes up to a few minutes on a busy 2-core machine.
  }, 420_000);
});
