import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../src/config.js';
import { startLocalNeo4j, type LocalNeo4j } from '../src/local-neo4j/local-neo4j.js';

let local: LocalNeo4j | undefined;
let dataDir: string | undefined;

/**
 * Starts a Neo4j of its own for the test run (a temporary data folder and a free port), so tests can run while
 * `npm start` is running. With NEO4J_URI set, tests use that server instead (it must be one you may wipe).
 */
export async function setup(project: TestProject): Promise<void> {
  const config = loadConfig();
  if (config.neo4jUri) {
    project.provide('neo4jUri', config.neo4jUri);
    return;
  }
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'restricted-graph-test-'));
  local = await startLocalNeo4j({ dataDir, port: 0, heap: process.env.NEO4J_HEAP ?? '1g' });
  project.provide('neo4jUri', local.uri);
}

export async function teardown(): Promise<void> {
  await local?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
  }
}
