import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { PROJECT_ROOT } from '../config.js';
import { fetchClasspath } from './maven-classpath.js';

/**
 * Runs Neo4j Community 5.26 without Docker: Maven fetches the embedded kernel and its Bolt connector from
 * Maven Central (neo4j/pom.xml), and neo4j/LocalNeo4j.java runs it as a child process on 127.0.0.1.
 *
 * The first run downloads about 140 MB into the local Maven repository and shows its progress; later runs
 * reuse the cached classpath and start in seconds. Whichever command starts the database records its address in
 * `<dataDir>/bolt.json`, and other commands of the project connect to that one instead of starting a second.
 */
export interface LocalNeo4j {
  uri: string;
  /** True when this process started the database (and so stops it). */
  owned: boolean;
  /** False while a Neo4j this process started is down or restarting, so callers can answer at once. */
  isUp(): boolean;
  /** Calls `listener` each time a Neo4j this process started is running again after an unexpected exit. */
  onRestart(listener: () => void): void;
  stop(): Promise<void>;
}

export interface LocalNeo4jOptions {
  dataDir: string;
  /** 0 picks a free port. */
  port: number;
  heap: string;
  /** Neo4j's page cache, e.g. 512m; the launcher's default (256m) when not given. */
  pageCache?: string | undefined;
  log?: (line: string) => void;
  /** Where the routine "already running" line goes; `log` when unset. The CLI shows it only with --verbose. */
  logJoined?: (line: string) => void;
}

const LAUNCHER_DIR = path.join(PROJECT_ROOT, 'neo4j');
const CACHE_DIR = path.join(PROJECT_ROOT, '.data', 'launcher');
const STARTUP_TIMEOUT_MS = 180_000;

export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const running = await findRunning(options.dataDir);
  if (running) {
    (options.logJoined ?? log)(
      `Using the local Neo4j already running at ${running} (recorded in ${boltFile(options.dataDir)})`,
    );
    return { uri: running, owned: false, isUp: () => true, onRestart: () => {}, stop: async () => {} };
  }
  const argFile = await prepareLocalNeo4j(log);
  const port = options.port === 0 ? await freePort() : options.port;
  if (!(await portIsFree(port))) {
    throw new Error(
      `Port ${port} on 127.0.0.1 is taken by something other than this project's Neo4j. ` +
        `Set NEO4J_BOLT_PORT to a free port, or NEO4J_URI to use that server.`,
    );
  }
  fs.mkdirSync(options.dataDir, { recursive: true });
  log(`Starting Neo4j Community on bolt://127.0.0.1:${port} (data in ${options.dataDir})`);
  const launch = async () => {
    const child = spawnNeo4j(argFile, options, port);
    const uri = await waitUntilReady(child, options.dataDir);
    fs.writeFileSync(boltFile(options.dataDir), JSON.stringify({ uri, pid: child.pid }));
    return { child, uri };
  };
  const first = await launch();
  log(`Neo4j is ready at ${first.uri}`);
  const supervisor = supervise(first.child, launch, log);
  return {
    uri: first.uri,
    owned: true,
    isUp: () => supervisor.isUp(),
    onRestart: (listener) => supervisor.onRestart(listener),
    stop: async () => {
      const child = supervisor.stop();
      if (child) await stopChild(child, options.dataDir);
    },
  };
}

function spawnNeo4j(argFile: string, options: LocalNeo4jOptions, port: number): ChildProcess {
  return spawn(
    'java',
    [
      `-Xmx${options.heap}`,
      '-XX:+UseG1GC',
      `@${argFile}`,
      'LocalNeo4j',
      '--data',
      options.dataDir,
      '--port',
      String(port),
      ...(options.pageCache ? ['--page-cache', options.pageCache] : []),
    ],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
}

/** Back-off between restarts: doubles from the first to the last, and starts over once Neo4j stays up. */
const RESTART_DELAYS = { firstMs: 1_000, maxMs: 30_000, stableMs: 60_000 };

/**
 * Restarts a Neo4j this process started whenever it exits without being asked to (killed, out of memory),
 * logging each exit and each attempt, with back-off so a database that cannot start does not spin. The port and
 * data folder stay the same, so the driver's next connection finds the new process.
 */
function supervise(
  first: ChildProcess,
  launch: () => Promise<{ child: ChildProcess; uri: string }>,
  log: (line: string) => void,
): { stop(): ChildProcess | undefined; isUp(): boolean; onRestart(listener: () => void): void } {
  let current: ChildProcess | undefined = first;
  const restartListeners: (() => void)[] = [];
  let stopped = false;
  let delay = RESTART_DELAYS.firstMs;
  let startedAt = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const watch = (child: ChildProcess) => {
    child.once('exit', (code, signal) => {
      if (stopped || child !== current) return;
      current = undefined;
      if (Date.now() - startedAt > RESTART_DELAYS.stableMs) delay = RESTART_DELAYS.firstMs;
      log(
        `Neo4j (pid ${child.pid}) exited unexpectedly (${signal ? `signal ${signal}` : `code ${code}`}); ` +
          `restarting in ${delay / 1000} s`,
      );
      schedule();
    });
  };
  const schedule = () => {
    timer = setTimeout(async () => {
      if (stopped) return;
      try {
        const { child } = await launch();
        if (stopped) {
          child.stdin?.end();
          return;
        }
        current = child;
        startedAt = Date.now();
        log(`Neo4j is running again (pid ${child.pid})`);
        watch(child);
        for (const listener of restartListeners) listener();
      } catch (error) {
        log(
          `Neo4j did not restart: ${(error as Error).message.split('\n')[0]}; next try in ${delay / 1000} s`,
        );
        schedule();
      }
    }, delay);
    delay = Math.min(delay * 2, RESTART_DELAYS.maxMs);
  };
  watch(first);
  return {
    isUp: () => current !== undefined,
    onRestart: (listener) => restartListeners.push(listener),
    stop() {
      stopped = true;
      clearTimeout(timer);
      return current;
    },
  };
}

/**
 * Checks Java and Maven, fetches Neo4j (first run only) and compiles the launcher. Returns a Java argument file
 * holding the classpath, which keeps the process list readable.
 */
export async function prepareLocalNeo4j(log: (line: string) => void): Promise<string> {
  checkJava();
  const classpath = await resolveClasspath(log);
  const classes = compileLauncher(classpath);
  const argFile = path.join(CACHE_DIR, 'java-args.txt');
  fs.writeFileSync(argFile, `-cp "${[classes, classpath].join(path.delimiter)}"\n`);
  return argFile;
}

function boltFile(dataDir: string): string {
  return path.join(dataDir, 'bolt.json');
}

async function findRunning(dataDir: string): Promise<string | undefined> {
  let recorded: { uri: string; pid: number };
  try {
    recorded = JSON.parse(fs.readFileSync(boltFile(dataDir), 'utf8'));
  } catch {
    return undefined;
  }
  if (!processIsAlive(recorded.pid)) return undefined;
  const port = Number(new URL(recorded.uri).port);
  return (await portIsFree(port)) ? undefined : recorded.uri;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function checkJava(): void {
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  const version = /version "(\d+)/.exec(`${java.stderr}${java.stdout}`)?.[1];
  if (java.error || !version || Number(version) < 17) {
    throw new Error(
      'A local Neo4j needs Java 17 or newer and Maven (apt-get install openjdk-17-jdk-headless maven). ' +
        'Alternatively run Neo4j with `docker compose up neo4j` or set NEO4J_URI to an existing server.',
    );
  }
  if (spawnSync('mvn', ['-v'], { encoding: 'utf8' }).error) {
    throw new Error(
      'A local Neo4j is fetched with Maven, which is not installed (apt-get install maven). ' +
        'Alternatively run Neo4j with `docker compose up neo4j` or set NEO4J_URI to an existing server.',
    );
  }
}

/** Asks Maven for the classpath once per version of neo4j/pom.xml, and keeps it. */
async function resolveClasspath(log: (line: string) => void): Promise<string> {
  const pom = path.join(LAUNCHER_DIR, 'pom.xml');
  const cached = path.join(CACHE_DIR, 'classpath.txt');
  if (fs.existsSync(cached) && fs.statSync(cached).mtimeMs >= fs.statSync(pom).mtimeMs) {
    return fs.readFileSync(cached, 'utf8').trim();
  }
  log('Fetching Neo4j Community from Maven Central (first run only; about 140 MB)...');
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  return fetchClasspath(pom, cached, log);
}

function compileLauncher(classpath: string): string {
  const source = path.join(LAUNCHER_DIR, 'LocalNeo4j.java');
  const classes = path.join(CACHE_DIR, 'classes');
  const compiled = path.join(classes, 'LocalNeo4j.class');
  if (fs.existsSync(compiled) && fs.statSync(compiled).mtimeMs >= fs.statSync(source).mtimeMs) return classes;
  const javac = spawnSync('javac', ['-cp', classpath, '-d', classes, source], { encoding: 'utf8' });
  if (javac.status !== 0) throw new Error(`Could not compile ${source}:\n${javac.stderr}`);
  return classes;
}

function waitUntilReady(child: ChildProcess, dataDir: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Neo4j did not start within ${STARTUP_TIMEOUT_MS / 1000} s. Its output:\n${output}`));
    }, STARTUP_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /READY (bolt:\/\/\S+)/.exec(output);
      if (ready?.[1]) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        child.stderr?.off('data', onError);
        // Keep draining both pipes: a full pipe would block the database's own logging.
        child.stdout?.resume();
        child.stderr?.resume();
        resolve(ready[1]);
      }
    };
    const onError = (chunk: Buffer) => (output += chunk.toString());
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onError);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(
        new Error(
          `Neo4j exited with code ${code} while starting (data in ${dataDir}). Its output:\n${output}`,
        ),
      );
    });
  });
}

async function stopChild(child: ChildProcess, dataDir: string): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.stdin?.end();
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(timer);
  fs.rmSync(boltFile(dataDir), { force: true });
}

/** A port on 127.0.0.1 that nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
