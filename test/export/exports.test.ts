import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { exportGraph } from '../../src/export/run-export.js';
import { readCsv } from '../../src/formats/csv-reader.js';
import { runImport } from '../../src/import/run-import.js';
import { openTestDatabase } from '../helpers/db.js';
import { FORMULA_CELLS, neutralised } from '../helpers/formula-cells.js';
import { FIXTURES, fixtureGraph, graphCounts } from '../import/graph-fingerprint.js';

let db: Database;
let out: string;
let nodes: number;
let relationships: number;

/** The Cytoscape JSON elements format: ids unique, every edge between two nodes. */
const CYTOSCAPE_SCHEMA = {
  type: 'object',
  required: ['elements'],
  properties: {
    elements: {
      type: 'object',
      required: ['nodes', 'edges'],
      properties: {
        nodes: {
          type: 'array',
          items: {
            type: 'object',
            required: ['data'],
            properties: {
              data: {
                type: 'object',
                required: ['id', 'name', 'type'],
                properties: { id: { type: 'string', minLength: 1 }, name: { type: 'string' } },
              },
            },
          },
        },
        edges: {
          type: 'array',
          items: {
            type: 'object',
            required: ['data'],
            properties: {
              data: {
                type: 'object',
                required: ['id', 'source', 'target', 'interaction'],
                properties: {
                  id: { type: 'string', minLength: 1 },
                  source: { type: 'string', minLength: 1 },
                  target: { type: 'string', minLength: 1 },
                  interaction: { type: 'string' },
                },
              },
            },
          },
        },
      },
    },
  },
};

beforeAll(async () => {
  db = await openTestDatabase();
  await fixtureGraph(db);
  await runImport(db, 'csl', path.join(FIXTURES, 'csl-fixture.csv'));
  await runImport(db, 'ftm', path.join(FIXTURES, 'ftm-fixture.jsonl'));
  const counts = await graphCounts(db);
  const types = await db.read<{ nodes: number; relationships: number }>(
    `MATCH (n:Node) WITH count(n) AS nodes MATCH (:Node)-[r]->(:Node) RETURN nodes, count(r) AS relationships`,
  );
  nodes = types[0]?.nodes ?? 0;
  relationships = types[0]?.relationships ?? 0;
  expect(counts.Company).toBeGreaterThan(0);
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'export-'));
});
afterAll(async () => {
  await db?.close();
  fs.rmSync(out, { recursive: true, force: true });
});

describe('exports', () => {
  it('writes GraphML that an XML parser reads, with every node and edge and typed keys', async () => {
    const file = path.join(out, 'graph.graphml');
    const result = await exportGraph(db, 'graphml', file);
    expect(result).toMatchObject({ nodes, relationships });
    const xml = fs.readFileSync(file, 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
    const graph = parsed.graphml.graph;
    expect(graph.node).toHaveLength(nodes);
    expect(graph.edge).toHaveLength(relationships);
    const keys = parsed.graphml.key as { id: string; for: string; 'attr.type': string }[];
    expect(keys).toContainEqual(
      expect.objectContaining({ id: 'e_percent', for: 'edge', 'attr.type': 'double' }),
    );
    const ids = new Set(graph.node.map((node: { id: string }) => node.id));
    expect(
      graph.edge.every(
        (edge: { source: string; target: string }) => ids.has(edge.source) && ids.has(edge.target),
      ),
    ).toBe(true);
    // Quotes, dashes and line breaks in values survive the round through XML.
    const northern = graph.node.find((node: { data: { key: string; '#text': unknown }[] }) =>
      node.data.some((data) => data.key === 'n_name' && String(data['#text']).startsWith('Northern "Star"')),
    );
    expect(northern).toBeDefined();
  });

  it('writes Cytoscape JSON that passes the elements schema, with unique ids', async () => {
    const file = path.join(out, 'graph.cyjs');
    await exportGraph(db, 'cytoscape', file);
    const json = JSON.parse(fs.readFileSync(file, 'utf8'));
    const validate = new Ajv({ allErrors: true }).compile(CYTOSCAPE_SCHEMA);
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(json.elements.nodes).toHaveLength(nodes);
    expect(json.elements.edges).toHaveLength(relationships);
    const ids = [...json.elements.nodes, ...json.elements.edges].map((element) => element.data.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('writes nodes.csv and edges.csv with a row per node and relationship', async () => {
    const folder = path.join(out, 'csv');
    const result = await exportGraph(db, 'csv', folder);
    expect(result.files.map((file) => path.basename(file))).toEqual(['nodes.csv', 'edges.csv']);
    const rows = async (file: string) => {
      const all = [];
      for await (const row of readCsv(file)) all.push(row.cells);
      return all;
    };
    const nodeRows = await rows(path.join(folder, 'nodes.csv'));
    const edgeRows = await rows(path.join(folder, 'edges.csv'));
    expect(nodeRows).toHaveLength(nodes + 1);
    expect(edgeRows).toHaveLength(relationships + 1);
    expect(nodeRows[0]?.slice(0, 3)).toEqual(['id', 'type', 'labels']);
    expect(edgeRows[0]?.slice(0, 4)).toEqual(['id', 'source', 'target', 'type']);
    expect(nodeRows.every((row) => row.length === nodeRows[0]?.length)).toBe(true);
    const hikvision = nodeRows.find((row) => row[0] === 'hikvision');
    expect(hikvision?.[nodeRows[0]?.indexOf('identifiers') ?? -1]).toBe('USCC:91330000733796106P|CSL:aa01');
  });

  it('writes FtM JSON lines of parties, ownerships, directorships and sanctions', async () => {
    const file = path.join(out, 'graph.ftm.jsonl');
    await exportGraph(db, 'ftm', file);
    const entities = fs
      .readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const bySchema = (schema: string) => entities.filter((entity) => entity.schema === schema);
    const counts = await graphCounts(db);
    expect(bySchema('Company')).toHaveLength(counts.Company ?? 0);
    expect(bySchema('Person')).toHaveLength(counts.Person ?? 0);
    expect(bySchema('PublicBody')).toHaveLength(counts.GovernmentBody ?? 0);
    expect(bySchema('Ownership')).toHaveLength(counts.OWNS ?? 0);
    expect(bySchema('Directorship')).toHaveLength(counts.DIRECTOR_OF ?? 0);
    expect(bySchema('Sanction')).toHaveLength(counts.Designation ?? 0);
    for (const entity of entities) {
      expect(entity.datasets).toEqual(['restricted-graph']);
      for (const values of Object.values(entity.properties)) expect(Array.isArray(values)).toBe(true);
    }
    const sanction = bySchema('Sanction').find((entity) => entity.properties.entity[0] === 'hikvision');
    expect(sanction.properties).toMatchObject({
      programId: ['bis-entity-list'],
      authority: ['Bureau of Industry and Security'],
      listingDate: ['2019-10-09'],
    });
  });

  it('writes CSV that is safe to open in a spreadsheet when a list names a party like a formula', async () => {
    // Leading tabs and returns are trimmed from imported names; the writer's own test covers them.
    const hostile = FORMULA_CELLS.filter((cell) => !/^\s/.test(cell));
    const list = path.join(out, 'hostile-csl.csv');
    fs.writeFileSync(
      list,
      stringify([
        ['source', 'name', 'start_date'],
        ...hostile.map((name) => ['Entity List (EL) - Bureau of Industry and Security', name, '2020-01-01']),
      ]),
    );
    await runImport(db, 'csl', list);
    const folder = path.join(out, 'hostile');
    await exportGraph(db, 'csv', folder);
    const [header, ...rows] = parse(fs.readFileSync(path.join(folder, 'nodes.csv'), 'utf8')) as string[][];
    const names = rows.map((row) => row[header!.indexOf('name')]);
    for (const name of hostile) {
      expect(names).toContain(neutralised(name));
      expect(names).not.toContain(name);
    }
  });
});
