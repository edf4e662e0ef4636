import { OWN_FTM_DATASET, type FtmEntity } from '../import/ftm-entity.js';
import { FTM_IDENTIFIER_PROPERTIES } from '../import/identifiers.js';
import type { ExportGraph, ExportNode, ExportRelationship } from './read-graph.js';

const PARTY_SCHEMA: Readonly<Record<string, string>> = {
  Company: 'Company',
  Person: 'Person',
  GovernmentBody: 'PublicBody',
};

const SCHEME_PROPERTY = Object.fromEntries(
  Object.entries(FTM_IDENTIFIER_PROPERTIES).map(([property, scheme]) => [scheme, property]),
);

/**
 * FollowTheMoney JSON lines: parties as Company, Person and PublicBody, OWNS as Ownership, DIRECTOR_OF as
 * Directorship and each Designation as a Sanction whose programId is the list's id and whose authority is the
 * list's keeper. Entities carry our ids and the dataset "restricted-graph", which the FtM importer recognises, so
 * importing the file into an empty graph gives back the same parties, ownerships and designations. Identifiers
 * FtM has no property for travel in registrationNumber as "SCHEME:value". Facts FtM has no schema for (brands,
 * instruments, measures, other relations) are left out.
 */
export function* writeFtm(graph: ExportGraph): Generator<string> {
  const nodes = new Map(graph.nodes.map((node) => [node.id, node]));
  const outgoing = new Map<string, ExportRelationship[]>();
  for (const rel of graph.relationships) {
    const rels = outgoing.get(rel.from);
    if (rels) rels.push(rel);
    else outgoing.set(rel.from, [rel]);
  }
  const target = (id: string, type: string) => outgoing.get(id)?.find((rel) => rel.type === type)?.to;
  const urls = (properties: Record<string, unknown>) =>
    list(properties.sources).flatMap((id) => list(nodes.get(id)?.properties.url));

  for (const node of graph.nodes) {
    const schema = PARTY_SCHEMA[node.type];
    if (schema) yield line(party(node, schema, urls(node.properties)));
    if (node.type !== 'Designation') continue;
    const partyId = target(node.id, 'DESIGNATES');
    const listNode = nodes.get(target(node.id, 'ON_LIST') ?? '');
    if (!partyId || !listNode) continue;
    const authority = nodes.get(target(listNode.id, 'KEPT_BY') ?? '');
    const p = node.properties;
    yield line(
      entity(node.id, 'Sanction', {
        entity: [partyId],
        authority: list(authority?.properties.name),
        country: list(authority?.properties.country).map((code) => code.toLowerCase()),
        program: list(listNode.properties.name),
        programId: [listNode.id],
        programUrl: list(listNode.properties.url),
        listingDate: list(p.listedOn),
        startDate: list(p.effectiveFrom),
        endDate: list(p.removedOn),
        summary: list(p.note),
        sourceUrl: urls(p),
      }),
    );
  }
  for (const rel of graph.relationships) {
    const p = rel.properties;
    const period = { startDate: list(p.validFrom), endDate: list(p.validTo), sourceUrl: urls(p) };
    if (rel.type === 'OWNS') {
      yield line(
        entity(rel.id, 'Ownership', {
          owner: [rel.from],
          asset: [rel.to],
          percentage: list(p.percent),
          summary: list(p.note),
          ...period,
        }),
      );
    } else if (rel.type === 'DIRECTOR_OF') {
      yield line(
        entity(rel.id, 'Directorship', {
          director: [rel.from],
          organization: [rel.to],
          role: list(p.role),
          ...period,
        }),
      );
    }
  }
}

function party(node: ExportNode, schema: string, sourceUrls: string[]): FtmEntity {
  const p = node.properties;
  const identifiers: Record<string, string[]> = {};
  for (const identifier of list(p.identifiers)) {
    const at = identifier.indexOf(':');
    const property = SCHEME_PROPERTY[identifier.slice(0, at)];
    const [key, value] = property ? [property, identifier.slice(at + 1)] : ['registrationNumber', identifier];
    identifiers[key] = [...(identifiers[key] ?? []), value];
  }
  return entity(
    node.id,
    schema,
    {
      name: list(p.name),
      alias: list(p.aliases),
      country: list(p.country).map((code) => code.toLowerCase()),
      address: list(p.addresses),
      description: list(p.description),
      ...identifiers,
      sourceUrl: sourceUrls,
    },
    String(p.name ?? node.id),
  );
}

function entity(
  id: string,
  schema: string,
  properties: Record<string, string[]>,
  caption?: string,
): FtmEntity {
  return {
    id,
    schema,
    ...(caption ? { caption } : {}),
    properties: Object.fromEntries(Object.entries(properties).filter(([, values]) => values.length > 0)),
    datasets: [OWN_FTM_DATASET],
  };
}

function list(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}

function line(value: FtmEntity): string {
  return `${JSON.stringify(value)}\n`;
}
