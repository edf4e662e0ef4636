import { spawn } from 'node:child_process';
import fs from 'node:fs';

/** What Maven prints for each file it downloads: `Downloaded from central: <url> (13 kB at 124 kB/s)`. */
const DOWNLOADED = /Downloaded from \S+: \S+ \((\d+(?:\.\d+)?) (B|kB|MB|GB)/;
const BYTES: Record<string, number> = { B: 1, kB: 1e3, MB: 1e6, GB: 1e9 };
/** A progress line every this many bytes fetched, so a CI log shows about ten lines instead of hundreds. */
const REPORT_EVERY = 10e6;

/**
 * Asks Maven for the classpath of a pom's dependencies, downloading them into the local Maven repository on the
 * first run, and writes it to `outputFile`. Progress comes as a line per 10 MB fetched; Maven's own output is
 * shown only when it fails.
 */
export function fetchClasspath(
  pom: string,
  outputFile: string,
  log: (line: string) => void,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const maven = spawn(
      'mvn',
      ['-B', '-f', pom, 'dependency:build-classpath', `-Dmdep.outputFile=${outputFile}`],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const started = Date.now();
    const output: string[] = [];
    let files = 0;
    let bytes = 0;
    let reported = 0;
    let pending = '';
    const onData = (chunk: Buffer) => {
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        output.push(line);
        const downloaded = DOWNLOADED.exec(line);
        if (!downloaded) continue;
        files += 1;
        bytes += Number(downloaded[1]) * (BYTES[downloaded[2] as string] ?? 1);
        if (bytes - reported >= REPORT_EVERY) {
          reported = bytes;
          log(`  ${megabytes(bytes)} fetched (${files} files)...`);
        }
      }
    };
    maven.stdout.on('data', onData);
    maven.stderr.on('data', onData);
    maven.on('error', reject);
    maven.on('close', (code) => {
      if (pending) output.push(pending);
      if (code !== 0) {
        fs.rmSync(outputFile, { force: true });
        reject(new Error(`Maven could not fetch Neo4j (exit ${code}). Its output:\n${output.join('\n')}`));
        return;
      }
      const seconds = ((Date.now() - started) / 1000).toFixed(0);
      log(
        files > 0
          ? `  done: ${files} files, ${megabytes(bytes)} in ${seconds} s`
          : '  done (all files cached)',
      );
      resolve(fs.readFileSync(outputFile, 'utf8').trim());
    });
  });
}

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}
