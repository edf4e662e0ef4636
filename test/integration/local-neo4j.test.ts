import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { startLocalNeo4j, type LocalNeo4j } from '../../src/local-neo4j/local-neo4j.js';

let dataDir: string;
let first: LocalNeo4j;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'restricted-graph-launcher-'));
  first = await startLocalNeo4j({ dataDir, port: 0, heap: '512m', log: () => {} });
});

afterAll(async () => {
  await first?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 2000 }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
    socket.on('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/** Local addresses of the sockets listening on a port, read from the kernel's table (Linux), as hex. */
function listeningAddresses(port: number): string[] | undefined {
  const tables = ['/proc/net/tcp', '/proc/net/tcp6'].filter((file) => fs.existsSync(file));
  if (tables.length === 0) return undefined;
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  return tables.flatMap((file) =>
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      .filter((fields) => fields[1]?.endsWith(`:${hexPort}`) && fields[3] === '0A')
      .map((fields) => fields[1]!.split(':')[0]!),
  );
}

describe('the local Neo4j launcher', () => {
  it('records its Bolt address, and a second command joins it instead of starting another', async () => {
    const recorded = JSON.parse(fs.readFileSync(path.join(dataDir, 'bolt.json'), 'utf8'));
    expect(recorded.uri).toBe(first.uri);
    expect(first.owned).toBe(true);
    const second = await startLocalNeo4j({ dataDir, port: 0, heap: '512m', log: () => {} });
    expect(second).toMatchObject({ uri: first.uri, owned: false });
    await second.stop();
    expect(await canConnect('127.0.0.1', Number(new URL(first.uri).port))).toBe(true);
  });

  it('listens on 127.0.0.1 only', (context) => {
    const addresses = listeningAddresses(Number(new URL(first.uri).port));
    if (!addresses) return context.skip('no /proc/net/tcp on this system to read listening sockets from');
    // 127.0.0.1, as IPv4 or as an IPv4-mapped IPv6 address; never 0.0.0.0 or ::.
    expect(addresses.length).toBeGreaterThan(0);
    for (const address of addresses)
      expect(['0100007F', '0000000000000000FFFF00000100007F']).toContain(address);
  });

  it('says what to install when Java is missing', () => {
    const script = `import('./src/local-neo4j/local-neo4j.ts').then((m) => m.prepareLocalNeo4j(() => {})).catch((e) => { console.log(e.message); })`;
    const result = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, PATH: '/nonexistent' },
      encoding: 'utf8',
    });
    expect(result.stdout).toMatch(/Java 17 or newer and Maven/);
    expect(result.stdout).toMatch(/docker compose|NEO4J_URI/);
  });
});
