import { inject } from 'vitest';
import { runCli } from '../../src/cli/index.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Points the CLI at the test run's Neo4j (the CLI opens its own connection, as it does for users). */
export function useTestNeo4j(): void {
  process.env.NEO4J_URI = inject('neo4jUri');
}

/** Runs one real CLI command in process, capturing what it prints and its exit code. */
export async function cli(...argv: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}
