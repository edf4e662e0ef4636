import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../../src/config.js';

type Service = {
  image?: string;
  build?: { context: string; dockerfile: string };
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
};

const compose = parse(fs.readFileSync(path.join(PROJECT_ROOT, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};

describe('docker-compose.yml', () => {
  const { neo4j, api } = compose.services;

  it('runs Neo4j 5.26 Community with a health check and a named volume', () => {
    expect(neo4j!.image).toBe('neo4j:5.26-community');
    expect(neo4j!.healthcheck!.test.join(' ')).toMatch(/cypher-shell/);
    const volume = neo4j!.volumes![0]!.split(':')[0]!;
    expect(Object.keys(compose.volumes)).toContain(volume);
    expect(neo4j!.environment!.NEO4J_AUTH).toMatch(/^neo4j\//);
  });

  it('builds the API from a Dockerfile that exists and wires it to Neo4j by environment variables', () => {
    const dockerfile = path.join(PROJECT_ROOT, api!.build!.context, api!.build!.dockerfile);
    expect(fs.existsSync(dockerfile)).toBe(true);
    expect(fs.readFileSync(dockerfile, 'utf8')).toMatch(/src\/main\.ts/);
    expect(api!.environment).toMatchObject({
      NEO4J_URI: 'bolt://neo4j:7687',
      NEO4J_USER: 'neo4j',
      PORT: '4000',
    });
    expect(api!.environment!.NEO4J_PASSWORD).toBe(neo4j!.environment!.NEO4J_AUTH!.replace('neo4j/', ''));
    expect(api!.depends_on!.neo4j!.condition).toBe('service_healthy');
  });

  it('publishes ports on the loopback interface only', () => {
    for (const service of [neo4j!, api!]) {
      for (const port of service.ports ?? []) expect(port).toMatch(/^127\.0\.0\.1:/);
    }
  });
});
