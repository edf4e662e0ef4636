import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { openTestDatabase, reseed } from '../helpers/db.js';
import { graphChecksum } from '../import/graph-fingerprint.js';
import { startServiceProcess } from '../helpers/service-process.js';

/**
 * Issue 11, item 4: kill -9 of the service (the real `src/main.ts`, in a child process) during a burst of
 * curation mutations from a few clients. Afterwards the graph, read directly, must hold every mutation the
 * service acknowledged, each with all its fields and its change record, and nothing half-applied: no entity
 * without its change record or with another change's aliases, no change record without its fact.
 */

const EDITOR_KEY = 'reliability-kill-editor-key';
const EDITOR_NAME = 'reliability-kill';
/** Every id this test writes starts with this, so it can find and remove exactly what it wrote. */
const PREFIX = 'reliability-kill-';
const CLIENTS = 4;
/** The service is killed as soon as this many mutations are acknowledged... */
const KILL_AFTER_ACKS = 40;
/** ...and no client sends more than this, so a service that never gets killed still ends the burst. */
const MAX_ATTEMPTS_PER_CLIENT = 60;
const WAIT = { serviceUpMs: 180_000, exitMs: 10_000 };

const UPSERT = `mutation ($input: EntityInput!) { upsertEntity(input: $input) { id targetId } }`;
const ADD_RELATIONSHIP = `mutation ($input: RelationshipInput!) { addRelationship(input: $input) { id targetId } }`;

interface EntityFields {
  name: string;
  aliases: string[];
  country: string;
  description: string;
  addresses: string[];
}

interface Attempt {
  /** Unique, and the mutation's reason, so a change record names the attempt it came from. */
  key: string;
  kind: 'create' | 'update' | 'relate';
  /** The entity or relationship id written. */
  target: string;
  /** create/update: the entity's fields as sent; relate: the relationship's. */
  entity?: EntityFields;
  sourceId?: string;
  relation?: { from: string; to: string; percent: number; sources: string[] };
  /** acked: HTTP 200 with the change; refused: an answer with errors; lost: no answer (the service died). */
  outcome?: 'acked' | 'refused' | 'lost';
  changeId?: string;
  error?: string;
}

let db: Database;
let service: ChildProcess | undefined;
/** What the service printed so far. */
let serviceOutput: () => string = () => '';
let url: string;
let before: string;
const attempts: Attempt[] = [];

beforeAll(async () => {
  db = await openTestDatabase();
  // From the seed data, like the other files; the test removes what it wrote and checks the graph is as it was.
  await reseed(db);
  // The burst's first mutations then create the audit trail's constraint and index, concurrently, as on a
  // fresh database (that race once answered INTERNAL_SERVER_ERROR); the service recreates them.
  await db.write('DROP CONSTRAINT change_record_id IF EXISTS');
  await db.write('DROP INDEX change_record_at IF EXISTS');
  before = await graphChecksum(db);
});

afterAll(async () => {
  if (service && service.exitCode === null && service.signalCode === null) service.kill('SIGKILL');
  if (db) await removeWhatThisTestWrote(db);
  await db?.close();
});

async function removeWhatThisTestWrote(database: Database): Promise<void> {
  await database.write(`MATCH (n:Node) WHERE n.id STARTS WITH $prefix DETACH DELETE n`, { prefix: PREFIX });
  await database.write(`MATCH (c:ChangeRecord) WHERE c.targetId STARTS WITH $prefix DETACH DELETE c`, {
    prefix: PREFIX,
  });
}

/** The real service, as `npm start` runs it, on the test run's Neo4j. */
async function startService(): Promise<ChildProcess> {
  const service = await startServiceProcess(
    {
      NEO4J_URI: inject('neo4jUri'),
      API_KEYS: `${EDITOR_KEY}:editor:${EDITOR_NAME}`,
      API_READS: '',
      // Errors only, kept in the service's output: a refused mutation's assertion shows why.
      LOG_LEVEL: 'error',
    },
    { waitMs: WAIT.serviceUpMs },
  );
  url = service.url;
  serviceOutput = service.output;
  return service.child;
}

function entityFields(n: number, version: number): EntityFields {
  // A different number of aliases per version, so a mix of two versions would show.
  const aliases = Array.from({ length: 3 + version * 2 }, (_, i) => `Kill Test ${n} alias ${version}.${i}`);
  return {
    name: `Kill Test Company ${n}`,
    aliases: [...aliases, `杀测试${n}号公司`],
    country: version === 0 ? 'CN' : 'HK',
    description: `Written by the service-kill reliability test, entity ${n}, version ${version}.`,
    addresses: [`${n} Reliability Road, version ${version}`],
  };
}

async function send(attempt: Attempt, query: string, input: Record<string, unknown>): Promise<boolean> {
  attempts.push(attempt);
  try {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${EDITOR_KEY}` },
      body: JSON.stringify({ query, variables: { input: { ...input, reason: attempt.key } } }),
      signal: AbortSignal.timeout(30_000),
    });
    const body = (await response.json()) as {
      data?: Record<string, { id: string; targetId: string } | null>;
      errors?: { message: string }[];
    };
    const change = body.data && Object.values(body.data)[0];
    if (response.status === 200 && !body.errors && change?.targetId === attempt.target) {
      attempt.outcome = 'acked';
      attempt.changeId = change.id;
      return true;
    }
    attempt.outcome = 'refused';
    attempt.error = `HTTP ${response.status}: ${body.errors?.[0]?.message}`;
    return false;
  } catch (error) {
    attempt.outcome = 'lost';
    attempt.error = (error as Error).message;
    return false;
  }
}

const acknowledged = () => attempts.filter((a) => a.outcome === 'acked').length;

/**
 * One editor: creates an entity citing a new source, updates it (other aliases, country, description), and
 * records that it owns the entity this client created before; one mutation at a time, until the service dies.
 */
async function editor(client: number, kill: () => void): Promise<void> {
  let previous: string | undefined;
  for (let step = 0; step < MAX_ATTEMPTS_PER_CLIENT;) {
    const n = client * 1000 + step;
    const id = `${PREFIX}${n}`;
    const sourceId = `${PREFIX}src-${n}`;
    const created = entityFields(n, 0);
    const create: Attempt = {
      key: `${PREFIX}attempt-${n}-create`,
      kind: 'create',
      target: id,
      entity: created,
      sourceId,
    };
    step += 1;
    const newSource = {
      id: sourceId,
      url: `https://example.org/reliability/${n}`,
      title: `Filing ${n}`,
      publisher: 'Reliability Test',
      evidence: 'SECONDARY',
    };
    if (
      !(await send(create, UPSERT, { id, kind: 'COMPANY', ...created, sources: [], newSources: [newSource] }))
    )
      return;
    if (acknowledged() >= KILL_AFTER_ACKS) return kill();

    const updated = entityFields(n, 1);
    const update: Attempt = {
      key: `${PREFIX}attempt-${n}-update`,
      kind: 'update',
      target: id,
      entity: updated,
    };
    step += 1;
    if (!(await send(update, UPSERT, { id, kind: 'COMPANY', ...updated, sources: [sourceId] }))) return;
    if (acknowledged() >= KILL_AFTER_ACKS) return kill();

    if (previous) {
      const relation = { from: id, to: previous, percent: 5 + (n % 90), sources: [sourceId] };
      const relate: Attempt = {
        key: `${PREFIX}attempt-${n}-relate`,
        kind: 'relate',
        target: `${PREFIX}owns-${n}`,
        relation,
      };
      step += 1;
      if (!(await send(relate, ADD_RELATIONSHIP, { id: relate.target, type: 'OWNS', ...relation }))) return;
      if (acknowledged() >= KILL_AFTER_ACKS) return kill();
    }
    previous = id;
  }
}

interface ChangeRow {
  id: string;
  action: string;
  targetId: string;
  targetType: string;
  actor: string;
  reason: string;
  sources: string[];
  after?: string;
}

describe('a kill -9 of the service during a burst of mutations', () => {
  it('keeps every acknowledged mutation with its change record, and half-applies none', async () => {
    service = await startService();
    const child = service;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    let killedAt = 0;
    const kill = () => {
      if (killedAt) return;
      killedAt = Date.now();
      child.kill('SIGKILL');
    };
    const burstStarted = Date.now();
    await Promise.all(Array.from({ length: CLIENTS }, (_, client) => editor(client + 1, kill)));
    expect(killedAt, `the service was never killed:\n${serviceOutput()}`).toBeGreaterThan(0);
    await Promise.race([
      exited,
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error('the service outlived kill -9')), WAIT.exitMs),
      ),
    ]);
    expect(child.signalCode).toBe('SIGKILL');

    // Nothing was refused: every attempt was acknowledged, or lost with the service.
    expect(
      attempts.filter((a) => a.outcome === 'refused'),
      serviceOutput().slice(0, 4000),
    ).toEqual([]);
    const acked = attempts.filter((a) => a.outcome === 'acked');
    const lost = attempts.filter((a) => a.outcome === 'lost');
    expect(acked.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    expect(lost.length).toBeLessThanOrEqual(CLIENTS);
    expect(new Set(acked.map((a) => a.changeId)).size).toBe(acked.length);

    // What the dead service's connections left open, Neo4j rolls back; give it a moment to notice.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const nodes = await db.read<{ id: string; nodeLabels: string[]; values: Record<string, unknown> }>(
      `MATCH (n:Node) WHERE n.id STARTS WITH $prefix RETURN n.id AS id, labels(n) AS nodeLabels, properties(n) AS values`,
      { prefix: PREFIX },
    );
    const relationships = await db.read<{
      id: string;
      type: string;
      from: string;
      to: string;
      values: Record<string, unknown>;
    }>(
      `MATCH (a:Node)-[r]->(b:Node) WHERE r.id STARTS WITH $prefix
       RETURN r.id AS id, type(r) AS type, a.id AS from, b.id AS to, properties(r) AS values`,
      { prefix: PREFIX },
    );
    const changes = (
      await db.read<{ change: ChangeRow }>(
        `MATCH (c:ChangeRecord) WHERE c.targetId STARTS WITH $prefix RETURN c {.*} AS change`,
        { prefix: PREFIX },
      )
    ).map((row) => row.change);
    const nodeById = new Map(nodes.map((node) => [node.id, node]));
    const relationshipById = new Map(relationships.map((rel) => [rel.id, rel]));

    // Each change record comes from exactly one attempt (its reason names it), acknowledged with that very
    // record or lost with the service; an attempt is applied when its record is there.
    const byKey = new Map(attempts.map((a) => [a.key, a]));
    const changeOf = new Map<Attempt, ChangeRow>();
    for (const change of changes) {
      const attempt = byKey.get(change.reason);
      expect(attempt, `a change record no attempt made: ${JSON.stringify(change)}`).toBeDefined();
      expect(changeOf.has(attempt!), `two change records for ${attempt!.key}`).toBe(false);
      changeOf.set(attempt!, change);
      if (attempt!.outcome === 'acked') expect(change.id).toBe(attempt!.changeId);
      expect(change).toMatchObject({ targetId: attempt!.target, actor: EDITOR_NAME });
    }
    const applied = (attempt: Attempt) => changeOf.has(attempt);
    // Every acknowledged mutation has its change record.
    expect(acked.filter((a) => !applied(a)).map((a) => a.key)).toEqual([]);

    for (const [index, attempt] of attempts.entries()) {
      const change = changeOf.get(attempt);
      if (attempt.kind === 'relate') {
        const rel = relationshipById.get(attempt.target);
        // The relationship is there exactly when its change record is, with every field as sent.
        expect(
          rel !== undefined,
          `${attempt.key}: relationship ${rel ? 'without' : 'missing, with'} its record`,
        ).toBe(applied(attempt));
        if (!rel) continue;
        expect(change).toMatchObject({ action: 'ADD_RELATIONSHIP', targetType: 'OWNS' });
        expect({ type: rel.type, from: rel.from, to: rel.to }).toEqual({
          type: 'OWNS',
          from: attempt.relation!.from,
          to: attempt.relation!.to,
        });
        expect(rel.values).toMatchObject({
          percent: attempt.relation!.percent,
          sources: attempt.relation!.sources,
        });
        continue;
      }
      expect(change === undefined || change.action === 'UPSERT_ENTITY').toBe(true);
      if (attempt.kind === 'create') {
        // The source created with the entity is there exactly when the entity's creation is.
        expect(nodeById.has(attempt.sourceId!), `${attempt.key}: source and change record disagree`).toBe(
          applied(attempt),
        );
        expect(nodeById.has(attempt.target), `${attempt.key}: entity and change record disagree`).toBe(
          applied(attempt),
        );
      }
      if (!applied(attempt)) continue;
      // An entity shows the fields of the last change applied to it, all of them, and that change's record
      // holds the same: never the aliases of one version with the country of another.
      const later = attempts
        .slice(index + 1)
        .find((other) => other.target === attempt.target && applied(other));
      const entity = nodeById.get(attempt.target);
      expect(entity, `${attempt.key}: applied, but the entity is missing`).toBeDefined();
      const after = JSON.parse(change!.after ?? 'null') as { properties: Record<string, unknown> };
      expect(after.properties).toMatchObject(attempt.entity!);
      if (later) continue;
      expect(entity!.nodeLabels).toEqual(expect.arrayContaining(['Node', 'Company', 'Party', 'Entity']));
      expect(entity!.values).toMatchObject(attempt.entity!);
    }
    // Updates come after their creation: none applied to an entity whose creation is not.
    for (const update of attempts.filter((a) => a.kind === 'update' && applied(a))) {
      expect(applied(attempts.find((a) => a.kind === 'create' && a.target === update.target)!)).toBe(true);
    }
    // Nothing else under the test's prefix: no entity, source or relationship without an applied attempt.
    const expectedNodes = new Set(
      attempts.filter((a) => a.kind === 'create' && applied(a)).flatMap((a) => [a.target, a.sourceId!]),
    );
    expect(nodes.map((node) => node.id).filter((id) => !expectedNodes.has(id))).toEqual([]);
    expect(relationships.filter((rel) => !attempts.some((a) => a.target === rel.id && applied(a)))).toEqual(
      [],
    );

    const lostApplied = lost.filter(applied).length;
    console.info(
      `service kill: ${attempts.length} mutations sent in ${((killedAt - burstStarted) / 1000).toFixed(1)} s, ` +
        `${acked.length} acknowledged and present, ${lost.length} lost with the service ` +
        `(${lostApplied} of them committed before the kill, ${lost.length - lostApplied} absent); ` +
        `${nodes.length} nodes, ${relationships.length} relationships, ${changes.length} change records checked`,
    );

    // The other test files see the graph as it was.
    await removeWhatThisTestWrote(db);
    expect(await graphChecksum(db)).toBe(before);
  }, 300_000);
});
