import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchClasspath } from '../../src/local-neo4j/maven-classpath.js';

/** A stand-in `mvn` on PATH that prints what Maven prints while downloading, then writes the classpath file. */
const FAKE_MVN = `#!/bin/sh
out=$(echo "$@" | sed -n 's/.*-Dmdep.outputFile=\\([^ ]*\\).*/\\1/p')
i=0
while [ $i -lt 30 ]; do
  echo "[INFO] Downloaded from central: https://repo.maven.apache.org/maven2/x/x-$i.jar (1.5 MB at 3 MB/s)"
  i=$((i+1))
done
echo "[INFO] Downloaded from central: https://repo.maven.apache.org/maven2/x/x.pom (900 B at 3 kB/s)"
# Maven's last line may come without a newline; it must still reach the error.
if [ -n "$FAIL" ]; then printf "[ERROR] Could not resolve dependencies"; exit 1; fi
echo "/repo/a.jar:/repo/b.jar" > "$out"
`;

let folder: string;
const originalPath = process.env.PATH;

beforeAll(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-mvn-'));
  fs.writeFileSync(path.join(folder, 'mvn'), FAKE_MVN, { mode: 0o755 });
  process.env.PATH = `${folder}${path.delimiter}${originalPath}`;
});

afterAll(() => {
  process.env.PATH = originalPath;
  delete process.env.FAIL;
  fs.rmSync(folder, { recursive: true, force: true });
});

describe('fetching the Neo4j classpath with Maven', () => {
  it('reports progress every 10 MB and a summary, and returns the classpath', async () => {
    const lines: string[] = [];
    const classpath = await fetchClasspath('pom.xml', path.join(folder, 'cp.txt'), (line) =>
      lines.push(line),
    );
    expect(classpath).toBe('/repo/a.jar:/repo/b.jar');
    expect(lines.slice(0, 4)).toEqual([
      '  10.5 MB fetched (7 files)...',
      '  21.0 MB fetched (14 files)...',
      '  31.5 MB fetched (21 files)...',
      '  42.0 MB fetched (28 files)...',
    ]);
    expect(lines.at(-1)).toMatch(/^ {2}done: 31 files, 45\.0 MB in \d+ s$/);
  });

  it("shows Maven's own output when it fails, and leaves no classpath file behind", async () => {
    process.env.FAIL = '1';
    const output = path.join(folder, 'failed.txt');
    await expect(fetchClasspath('pom.xml', output, () => {})).rejects.toThrow(
      /Maven could not fetch Neo4j \(exit 1\)\. Its output:\n[\s\S]*\[ERROR\] Could not resolve dependencies$/,
    );
    expect(fs.existsSync(output)).toBe(false);
  });
});
