import {
  isNodeType,
  isRelationshipType,
  nodeSpec,
  relationshipSpec,
  labelsOf,
  type FieldSpec,
  type NodeType,
  type RelationshipType,
} from '../model/model.js';
import { LIMITS, isCountryCode, isId, isIsoDate, isPercent, printable, quote } from '../model/values.js';
import type { RawRecord, ValidationIssue } from './records.js';

/** A node ready to write: properties are plain values (dates as ISO strings), `sources` are Source ids. */
export interface NodeRecord {
  type: NodeType;
  id: string;
  labels: string[];
  properties: Record<string, unknown>;
}

export interface RelationshipRecord {
  type: string;
  id: string;
  from: string;
  to: string;
  properties: Record<string, unknown>;
}

export interface ValidationResult {
  nodes: NodeRecord[];
  relationships: RelationshipRecord[];
  issues: ValidationIssue[];
}

const RESERVED = new Set(['type', 'id', 'sources', 'from', 'to']);

/**
 * Checks records against the model and resolves references, without touching a database. `known` holds ids
 * (with their node type) that already exist in the graph, so that imports may point at them.
 * Every problem is reported with its file, record and field; the caller writes nothing when there is one.
 */
export function validateRecords(
  records: RawRecord[],
  known: ReadonlyMap<string, string> = new Map(),
): ValidationResult {
  const issues: ValidationIssue[] = [];
  const types = new Map<string, string>(known);
  const seen = new Map<string, RawRecord>();

  for (const record of records) {
    const { type, id } = record.data;
    if (typeof type === 'string' && isNodeType(type) && typeof id === 'string') {
      const earlier = seen.get(id);
      if (earlier) {
        issues.push(
          issue(
            record,
            'id',
            `id ${quote(id)} is already used by ${earlier.origin.file} record ${earlier.origin.position}`,
          ),
        );
      }
      seen.set(id, record);
      types.set(id, type);
    }
  }

  const nodes: NodeRecord[] = [];
  const relationships: RelationshipRecord[] = [];
  const relationshipIds = new Set<string>();
  const addRelationship = (record: RawRecord, relationship: RelationshipRecord) => {
    if (relationshipIds.has(relationship.id)) {
      issues.push(
        issue(
          record,
          'id',
          `relationship id ${quote(relationship.id)} is used twice; give one of them its own "id"`,
        ),
      );
    }
    relationshipIds.add(relationship.id);
    relationships.push(relationship);
  };

  for (const record of records) {
    const type = record.data.type;
    if (typeof type !== 'string') {
      issues.push(
        issue(
          record,
          'type',
          'missing "type" (a node type such as Company or a relationship type such as OWNS)',
        ),
      );
    } else if (isNodeType(type)) {
      validateNode(record, type, types, issues, nodes, addRelationship);
    } else if (isRelationshipType(type)) {
      const relationship = validateRelationship(record, type, types, issues);
      if (relationship) addRelationship(record, relationship);
    } else {
      issues.push(issue(record, 'type', `unknown type ${quote(type)}`));
    }
  }
  return { nodes, relationships, issues };
}

/**
 * The ids records refer to (the ends of a relationship, a node's references, the sources of either): the ids
 * whose types `known` must hold when they are not defined among the records themselves.
 */
export function referencedIds(records: readonly RawRecord[]): Set<string> {
  const ids = new Set<string>();
  const add = (value: unknown) => {
    for (const id of Array.isArray(value) ? value : [value]) if (typeof id === 'string') ids.add(id);
  };
  for (const { data } of records) {
    add(data.sources);
    const type = data.type;
    if (typeof type !== 'string') continue;
    if (isRelationshipType(type)) {
      add(data.from);
      add(data.to);
    } else if (isNodeType(type)) {
      for (const field of Object.keys(nodeSpec(type).references ?? {})) add(data[field]);
    }
  }
  return ids;
}

function validateNode(
  record: RawRecord,
  type: NodeType,
  types: ReadonlyMap<string, string>,
  issues: ValidationIssue[],
  nodes: NodeRecord[],
  addRelationship: (record: RawRecord, relationship: RelationshipRecord) => void,
): void {
  const spec = nodeSpec(type);
  const id = record.data.id;
  if (typeof id !== 'string' || !isId(id)) {
    issues.push(
      issue(record, 'id', 'needs an "id": letters, digits and . _ : - (a readable slug such as "hikvision")'),
    );
    return;
  }
  const references = spec.references ?? {};
  const before = issues.length;
  const properties = checkFields(record, spec.fields, Object.keys(references), issues);
  const sources = spec.cited === false ? [] : checkSources(record, types, issues);
  if (spec.cited !== false) properties.sources = sources;

  for (const [field, ref] of Object.entries(references)) {
    const value = record.data[field];
    if (value === undefined || value === null) {
      if (ref.required) issues.push(issue(record, field, `is required: ${ref.description}`));
      continue;
    }
    const targets = ref.many ? value : [value];
    if (
      !Array.isArray(targets) ||
      targets.length === 0 ||
      targets.some((target) => typeof target !== 'string')
    ) {
      issues.push(issue(record, field, ref.many ? 'must be a non-empty list of ids' : 'must be an id'));
      continue;
    }
    targets.forEach((target: string, order) => {
      const targetType = types.get(target);
      if (!targetType) {
        issues.push(issue(record, field, `refers to ${quote(target)}, which is not defined`));
      } else if (!ref.targets.includes(targetType)) {
        issues.push(
          issue(
            record,
            field,
            `refers to ${quote(target)}, a ${targetType}; expected ${ref.targets.join(' or ')}`,
          ),
        );
      } else {
        addRelationship(record, {
          type: ref.relationship,
          id: `${id}:${field}:${target}`,
          from: id,
          to: target,
          properties: { sources, ...(ref.many ? { order } : {}) },
        });
      }
    });
  }
  for (const group of spec.exactlyOneOf ?? []) {
    const given = group.filter((field) => record.data[field] !== undefined && record.data[field] !== null);
    if (given.length !== 1) {
      issues.push(
        issue(record, group.join('/'), `needs exactly one of ${group.join(', ')} (has ${given.length})`),
      );
    }
  }
  if (issues.length === before)
    nodes.push({ type, id, labels: labelsOf(type), properties: { id, ...properties } });
}

function validateRelationship(
  record: RawRecord,
  type: RelationshipType,
  types: ReadonlyMap<string, string>,
  issues: ValidationIssue[],
): RelationshipRecord | undefined {
  const spec = relationshipSpec(type);
  const before = issues.length;
  const ends: Record<'from' | 'to', string> = { from: '', to: '' };
  for (const end of ['from', 'to'] as const) {
    const value = record.data[end];
    const allowed = end === 'from' ? spec.from : spec.to;
    const endType = typeof value === 'string' ? types.get(value) : undefined;
    if (typeof value !== 'string')
      issues.push(issue(record, end, `needs "${end}": the id of a ${allowed.join(' or ')}`));
    else if (!endType) issues.push(issue(record, end, `refers to ${quote(value)}, which is not defined`));
    else if (!allowed.includes(endType)) {
      issues.push(
        issue(
          record,
          end,
          `refers to ${quote(value)}, a ${endType}; ${type} goes ${end} ${allowed.join(' or ')}`,
        ),
      );
    } else ends[end] = value;
  }
  // Nothing owns, controls, amends or is a subsidiary, brand or possible duplicate of itself.
  if (ends.from !== '' && ends.from === ends.to)
    issues.push(
      issue(record, 'to', `is the same as "from" (${quote(ends.to)}): a ${type} needs two parties`),
    );
  const properties = checkFields(record, spec.fields, ['from', 'to'], issues);
  properties.sources = checkSources(record, types, issues);
  const explicitId = record.data.id;
  if (explicitId !== undefined && (typeof explicitId !== 'string' || !isId(explicitId))) {
    issues.push(issue(record, 'id', 'must be letters, digits and . _ : -'));
  }
  if (typeof properties.validFrom === 'string' && typeof properties.validTo === 'string') {
    if (properties.validTo <= properties.validFrom)
      issues.push(issue(record, 'validTo', 'must come after validFrom'));
  }
  if (issues.length > before) return undefined;
  const id =
    typeof explicitId === 'string'
      ? explicitId
      : `${ends.from}-${type}-${ends.to}${typeof properties.validFrom === 'string' ? `@${properties.validFrom}` : ''}`;
  return { type, id, from: ends.from, to: ends.to, properties: { id, ...properties } };
}

function checkFields(
  record: RawRecord,
  fields: Record<string, FieldSpec>,
  otherKeys: string[],
  issues: ValidationIssue[],
): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const key of Object.keys(record.data)) {
    if (!RESERVED.has(key) && !(key in fields) && !otherKeys.includes(key)) {
      issues.push(issue(record, printable(key), `is not a field of ${String(record.data.type)}`));
    }
  }
  for (const [field, spec] of Object.entries(fields)) {
    const value = record.data[field];
    if (value === undefined || value === null) {
      if (spec.required) issues.push(issue(record, field, `is required: ${spec.description}`));
      continue;
    }
    const problem = checkValue(field, value, spec);
    if (problem) issues.push(issue(record, field, problem));
    else properties[field] = value;
  }
  return properties;
}

function checkValue(field: string, value: unknown, spec: FieldSpec): string | undefined {
  const type = spec.type;
  if (typeof type === 'object') {
    return type.enum.includes(value as string)
      ? undefined
      : `must be one of ${type.enum.join(', ')}; got ${quote(value)}`;
  }
  switch (type) {
    case 'string':
    case 'text':
      if (typeof value !== 'string' || value.trim() === '') return 'must be a non-empty string';
      if (value.length > LIMITS[type === 'string' ? 'line' : 'text'])
        return `must be at most ${LIMITS[type === 'string' ? 'line' : 'text']} characters; got ${value.length}`;
      if (field === 'country' && !isCountryCode(value))
        return `must be an ISO 3166 alpha-2 code such as CN; got ${quote(value)}`;
      return undefined;
    case 'string[]':
      if (!Array.isArray(value) || !value.every((item) => typeof item === 'string' && item.trim() !== ''))
        return 'must be a list of non-empty strings';
      if (value.length > LIMITS.listItems)
        return `must hold at most ${LIMITS.listItems} items; got ${value.length}`;
      return value.some((item: string) => item.length > LIMITS.line)
        ? `items must be at most ${LIMITS.line} characters each`
        : undefined;
    case 'date':
      return isIsoDate(value) ? undefined : `must be a date written YYYY-MM-DD; got ${quote(value)}`;
    case 'percent':
      return isPercent(value) ? undefined : `must be a number from 0 to 100; got ${quote(value)}`;
    case 'integer':
      return Number.isSafeInteger(value) ? undefined : `must be a whole number; got ${quote(value)}`;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'must be true or false';
    case 'url':
      if (typeof value === 'string' && value.length > LIMITS.url)
        return `must be at most ${LIMITS.url} characters; got ${value.length}`;
      return typeof value === 'string' && /^https?:\/\/\S+$/.test(value)
        ? undefined
        : `must be an http(s) URL; got ${quote(value)}`;
  }
}

function checkSources(
  record: RawRecord,
  types: ReadonlyMap<string, string>,
  issues: ValidationIssue[],
): string[] {
  const sources = record.data.sources;
  if (!Array.isArray(sources) || sources.length === 0) {
    issues.push(issue(record, 'sources', 'every fact needs at least one source: a list of Source ids'));
    return [];
  }
  if (sources.length > LIMITS.listItems) {
    issues.push(
      issue(record, 'sources', `must hold at most ${LIMITS.listItems} sources; got ${sources.length}`),
    );
    return [];
  }
  for (const source of sources) {
    if (typeof source !== 'string' || types.get(source) !== 'Source') {
      issues.push(
        issue(record, 'sources', `${quote(source)} is not a Source defined in the seeds or the graph`),
      );
    }
  }
  return sources as string[];
}

function issue(record: RawRecord, field: string | undefined, message: string): ValidationIssue {
  const id = record.data.id;
  return {
    file: record.origin.file,
    position: record.origin.position,
    recordId: typeof id === 'string' ? id : undefined,
    field,
    message,
  };
}
