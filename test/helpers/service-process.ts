import { spawn, type ChildProcess } from 'node:child_process';
import { PROJECT_ROOT } from '../../src/config.js';
import { freePort } from '../../src/local-neo4j/local-neo4j.js';

export interface ServiceProcess {
  child: ChildProcess;
  url: string;
  /** How long it took from the spawn until /health said 200. */
  startedInMs: number;
  /** Everything it printed so far (stdout and stderr), for failure messages. */
  output(): string;
}

/**
 * The real service as `npm start` runs it (src/main.ts), in a child process on a free loopback port, returned once
 * /health says 200; fails with what it printed when it exits or is not healthy within `waitMs`. tsx's loader runs
 * in the child itself: through tsx's CLI the service would run in a grandchild, which a kill would miss.
 */
export async function startServiceProcess(
  env: Record<string, string>,
  { waitMs = 300_000 }: { waitMs?: number } = {},
): Promise<ServiceProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  child.stdout?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The service exited (${child.exitCode}):\n${printed}`);
    const status = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) })
      .then((response) => response.status)
      .catch(() => 0);
    if (status === 200) return { child, url, startedInMs: Date.now() - started, output: () => printed };
    if (Date.now() - started > waitMs) {
      child.kill('SIGKILL');
      throw new Error(`The service did not answer /health within ${waitMs / 1000} s:\n${printed}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
