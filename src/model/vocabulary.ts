/**
 * The domain's words, said once: for every relationship type, the way a restriction travels along it, the
 * name of a path step walked along it and how people read it either way; for every kind of node, its model
 * type (and so its label set) and its name for people. The reach and path Cypher, the PathStep names, the
 * entity resolvers' relation fields, the CLI and the explorer (through the `label` fields the API serves) all
 * take their words from here; nothing else lists them.
 */
import {
  NODE_TYPES,
  RELATIONSHIP_TYPES,
  isRelationshipType,
  labelsOf,
  type NodeSpec,
  type NodeType,
  type RelationshipType,
} from './model.js';

/**
 * Which way a restriction travels along a stored relationship: ALONG its arrow (an owner's listing reaches what
 * it owns), AGAINST it (a parent's listing reaches its subsidiary, which points at the parent) or BOTH_WAYS.
 */
export type Travel = 'ALONG' | 'AGAINST' | 'BOTH_WAYS';

/**
 * Walking UP goes from a reached party towards the party a restriction comes from (to owners, parents, brand
 * owners and makers); DOWN the other way.
 */
export const DIRECTIONS = ['UP', 'DOWN'] as const;
export type Towards = (typeof DIRECTIONS)[number];

/** The relations a reach path may walk, grouped by what they say about the two parties. */
export type Family = 'HOLDING' | 'AFFILIATION' | 'BRAND';

interface Words {
  /** Read from the relationship's start to its end: "A owns B". */
  forward: string;
  /** Read from its end back to its start: "B owned by A". */
  backward: string;
  /** The forward words start with a noun: in a sentence they take this article ("is a subsidiary of"). */
  article?: 'a' | 'an';
  /** A shorter label for a drawn edge, where the forward words are too long. */
  edgeLabel?: string;
  /** Set for the relations along which a restriction travels from a listed party to others. */
  reach?: { travels: Travel; family: Family; step: string };
  /** Which way an edge of this type points in a drawing of the hierarchy, for relations that are not reach. */
  points?: Towards;
}

/**
 * Every relationship type of the model (and the references that become relationships), plus DESIGNATED_ON:
 * the graph view draws a Designation as one edge from the listed party to its list.
 */
const WORDS = {
  OWNS: {
    forward: 'owns',
    backward: 'owned by',
    reach: { travels: 'ALONG', family: 'HOLDING', step: 'OWNED_BY' },
  },
  SUBSIDIARY_OF: {
    forward: 'subsidiary of',
    backward: 'parent of',
    article: 'a',
    reach: { travels: 'AGAINST', family: 'HOLDING', step: 'SUBSIDIARY_OF' },
  },
  AFFILIATE_OF: {
    forward: 'affiliate of',
    backward: 'affiliate of',
    article: 'an',
    reach: { travels: 'BOTH_WAYS', family: 'AFFILIATION', step: 'AFFILIATE_OF' },
  },
  CONTROLS: {
    forward: 'controls',
    backward: 'controlled by',
    reach: { travels: 'ALONG', family: 'HOLDING', step: 'CONTROLLED_BY' },
  },
  BRAND_OF: {
    forward: 'brand of',
    backward: 'owns the brand',
    article: 'a',
    reach: { travels: 'AGAINST', family: 'BRAND', step: 'BRAND_OF' },
  },
  OEM_FOR: {
    forward: 'makes (OEM, reported) for',
    backward: 'made (OEM, reported) by',
    edgeLabel: 'OEM (reported)',
    reach: { travels: 'ALONG', family: 'BRAND', step: 'MADE_BY_OEM' },
  },
  AMENDS: { forward: 'amends', backward: 'amended by' },
  SUPERSEDES: { forward: 'supersedes', backward: 'superseded by' },
  REVOKES: { forward: 'revokes', backward: 'revoked by' },
  IMPLEMENTS: { forward: 'implements', backward: 'implemented by' },
  SUSPENDS: { forward: 'suspends', backward: 'suspended by' },
  DIRECTOR_OF: { forward: 'director of', backward: 'directed by', article: 'a' },
  PRODUCES: { forward: 'produces', backward: 'produced by', points: 'DOWN' },
  POSSIBLY_SAME_AS: { forward: 'possibly the same as', backward: 'possibly the same as' },
  ISSUED_BY: { forward: 'issued by', backward: 'issued', points: 'UP' },
  KEPT_BY: { forward: 'kept by', backward: 'keeps', points: 'UP' },
  ESTABLISHED_BY: { forward: 'established by', backward: 'establishes', points: 'UP' },
  APPLIES_TO: { forward: 'applies to', backward: 'carries', points: 'DOWN' },
  IMPOSED_BY: { forward: 'imposed by', backward: 'imposes', points: 'UP' },
  DESIGNATES: { forward: 'designates', backward: 'designated by', points: 'DOWN' },
  ON_LIST: { forward: 'on list', backward: 'lists', points: 'UP' },
  MADE_BY: { forward: 'made by', backward: 'made', points: 'UP' },
  DESIGNATED_ON: { forward: 'designated on', backward: 'designates', points: 'UP' },
  COVERS: { forward: 'covers', backward: 'covered by', points: 'DOWN' },
  COVERAGE_FROM: { forward: 'coverage judged against', backward: 'judges the coverage of', points: 'UP' },
  CHANGE_OF: { forward: 'change of', backward: 'changed by', points: 'UP' },
  SEEN_IN: { forward: 'seen in', backward: 'shows', points: 'UP' },
} as const satisfies Record<string, Words>;

export type EdgeType = keyof typeof WORDS;
type ReachWords = Extract<(typeof WORDS)[EdgeType], { reach: object }>;

/** The relations a restriction travels along, in the model's order. */
export const REACH_RELATIONS = (Object.keys(WORDS) as EdgeType[]).filter(
  (type): type is ReachRelation => 'reach' in WORDS[type],
);
export type ReachRelation = {
  [T in EdgeType]: (typeof WORDS)[T] extends { reach: object } ? T : never;
}[EdgeType];

/** The name of a path step, walking UP (from the entity asked about towards a listed party or owner). */
export type PathRelation = ReachWords['reach']['step'];
export const PATH_RELATIONS: readonly PathRelation[] = REACH_RELATIONS.map((type) => WORDS[type].reach.step);

function reachOf(type: ReachRelation): { travels: Travel; family: Family; step: PathRelation } {
  return WORDS[type].reach;
}

export function isReachRelation(type: string): type is ReachRelation {
  return (REACH_RELATIONS as readonly string[]).includes(type);
}

/** The reach relations of a family, e.g. HOLDING: OWNS, SUBSIDIARY_OF, CONTROLS. */
export function familyRelations(family: Family): ReachRelation[] {
  return REACH_RELATIONS.filter((type) => reachOf(type).family === family);
}

export function stepRelation(type: ReachRelation): PathRelation {
  return reachOf(type).step;
}

/** The stored relationship a path step of this name walks. */
export function typeOfStep(relation: PathRelation): ReachRelation {
  const type = REACH_RELATIONS.find((type) => reachOf(type).step === relation);
  if (!type) throw new Error(`No relationship type walks a ${relation} step`);
  return type;
}

/** True when walking `towards` along this relation goes from its start node to its end node. */
function walksForward(type: ReachRelation, towards: Towards): boolean | 'EITHER' {
  const { travels } = reachOf(type);
  if (travels === 'BOTH_WAYS') return 'EITHER';
  return (travels === 'AGAINST') === (towards === 'UP');
}

/**
 * Which side of a relation the neighbour `towards` is on, seen from a node: OUT when the neighbour is the
 * relation's end, IN when it is its start, BOTH when either can be.
 */
export function sideTowards(type: ReachRelation, towards: Towards): 'OUT' | 'IN' | 'BOTH' {
  const forward = walksForward(type, towards);
  return forward === 'EITHER' ? 'BOTH' : forward ? 'OUT' : 'IN';
}

/**
 * Relationship types (for `-[r:...]-`) and the condition that keeps, of each, the direction that walks `towards`,
 * in a quantified path `(a)-[r]-(b)` from `a` to `b`. Types are the model's, so the text holds no input.
 */
export function walkPattern(
  types: readonly ReachRelation[],
  towards: Towards,
  names: { a: string; r: string; b: string } = { a: 'a', r: 'r', b: 'b' },
): { types: string; where: string } {
  const { a, r, b } = names;
  const group = (forward: boolean | 'EITHER') =>
    types.filter((type) => walksForward(type, towards) === forward);
  const list = (group: ReachRelation[]) => `[${group.map((type) => `'${type}'`).join(', ')}]`;
  const conditions = [
    [group(true), `startNode(${r}) = ${a}`],
    [group(false), `startNode(${r}) = ${b}`],
    [group('EITHER'), ''],
  ] as const;
  const where = conditions
    .filter(([group]) => group.length > 0)
    .map(([group, end]) => `(type(${r}) IN ${list(group)}${end ? ` AND ${end}` : ''})`)
    .join(' OR ');
  return { types: types.join('|'), where };
}

/** How a stored relationship reads from its start to its end ("owns"), or back ("owned by"). */
export function phrase(type: EdgeType, direction: 'FORWARD' | 'BACKWARD'): string {
  const words: Words = WORDS[type];
  return direction === 'FORWARD' ? words.forward : words.backward;
}

/** How a stored relationship reads from one of its ends: from its start "owns", from its end "owned by". */
export function phraseFrom(type: EdgeType, outgoing: boolean): string {
  return phrase(type, outgoing ? 'FORWARD' : 'BACKWARD');
}

/** A path step walked UP reads "owned by", "subsidiary of"; walked DOWN, "owns", "parent of". */
export function stepPhrase(type: ReachRelation, towards: Towards): string {
  return phrase(type, walksForward(type, towards) === false ? 'BACKWARD' : 'FORWARD');
}

/** The step as a sentence's predicate, walking UP: "is 60% owned by", "is a subsidiary of". */
export function stepPredicate(type: ReachRelation, percent: number | null = null): string {
  const words: Words = WORDS[type];
  const up = stepPhrase(type, 'UP');
  const article = up === words.forward && words.article ? `${words.article} ` : '';
  const share = percent !== null && carriesPercent(type) ? `${percent}% ` : '';
  return `is ${article}${share}${up}`;
}

/** The label of a drawn edge: its forward words (or the short form), with a percentage or date where it has one. */
export function edgeLabel(
  type: EdgeType,
  details: { percent?: number | null; validFrom?: string | null } = {},
): string {
  const words: Words = WORDS[type];
  const base = words.edgeLabel ?? words.forward;
  if (carriesPercent(type) && details.percent != null) return `${base} ${details.percent} %`;
  if (type === 'DESIGNATED_ON' && details.validFrom) return `${base} ${details.validFrom}`;
  return base;
}

/** True when an edge of this type points UP a drawing of the hierarchy (from the part to the whole). */
export function pointsUp(type: EdgeType): boolean {
  const words: Words = WORDS[type];
  if (words.reach) return words.reach.travels === 'AGAINST';
  return words.points === 'UP';
}

function fieldsOf(type: string): Record<string, unknown> {
  return (RELATIONSHIP_TYPES as Record<string, { fields: Record<string, unknown> }>)[type]?.fields ?? {};
}

/** The relationship records a percentage (OWNS). */
export function carriesPercent(type: string): boolean {
  return 'percent' in fieldsOf(type);
}

/** The relationship holds for a period (validFrom..validTo). */
export function carriesDates(type: string): boolean {
  return 'validFrom' in fieldsOf(type);
}

/** The ends of a relationship type (or of a reference that becomes one), as model node types. */
export function endsOf(type: string): { from: readonly string[]; to: readonly string[] } | undefined {
  if (isRelationshipType(type)) return RELATIONSHIP_TYPES[type];
  for (const [owner, spec] of Object.entries(NODE_TYPES as Record<string, NodeSpec>)) {
    const reference = Object.values(spec.references ?? {}).find((ref) => ref.relationship === type);
    if (reference) return { from: [owner], to: reference.targets };
  }
  return undefined;
}

/** Relationship types a curator may add (POSSIBLY_SAME_AS is the importer's, for review). */
export const CURATED_RELATION_TYPES = (Object.keys(RELATIONSHIP_TYPES) as RelationshipType[]).filter(
  (type) => type !== 'POSSIBLY_SAME_AS',
);

/** Every kind of node the API names, with its model type and its name for people. */
const KIND_WORDS = {
  COMPANY: { type: 'Company', label: 'Company' },
  PERSON: { type: 'Person', label: 'Person' },
  GOVERNMENT_BODY: { type: 'GovernmentBody', label: 'Government body' },
  BRAND: { type: 'Brand', label: 'Brand' },
  LIST: { type: 'RestrictedList', label: 'List' },
  INSTRUMENT: { type: 'LegalInstrument', label: 'Instrument' },
  MEASURE: { type: 'Measure', label: 'Measure' },
} as const satisfies Record<string, { type: NodeType; label: string }>;

export type Kind = keyof typeof KIND_WORDS;
export const KINDS = Object.keys(KIND_WORDS) as Kind[];

/** Kinds of entity: parties and brands (the nodes with the `Entity` label). */
export type EntityKind = {
  [K in Kind]: 'Entity' extends (typeof NODE_TYPES)[(typeof KIND_WORDS)[K]['type']]['labels'][number]
    ? K
    : never;
}[Kind];
export const ENTITY_KINDS = KINDS.filter((kind): kind is EntityKind => labelsOfKind(kind).includes('Entity'));

export function isEntityKind(kind: string): kind is EntityKind {
  return (ENTITY_KINDS as readonly string[]).includes(kind);
}

export function typeOfKind(kind: Kind): NodeType {
  return KIND_WORDS[kind].type;
}

/** The Neo4j labels a node of this kind carries. */
export function labelsOfKind(kind: Kind): string[] {
  return labelsOf(typeOfKind(kind));
}

export function kindLabel(kind: Kind): string {
  return KIND_WORDS[kind].label;
}

/** The kind of a node from its labels, or undefined for nodes no kind names (sources, designations). */
export function kindOfLabels(labels: readonly string[]): Kind | undefined {
  return KINDS.find((kind) => labels.includes(typeOfKind(kind)));
}

/** How a brand leads back to a party, for people. */
const BRAND_RELATION_WORDS = {
  OWN_BRAND: 'own brand',
  SUBSIDIARY_BRAND: "subsidiary's brand",
  OEM_REPORTED: WORDS.OEM_FOR.edgeLabel,
} as const;
export type BrandRelation = keyof typeof BRAND_RELATION_WORDS;
export const BRAND_RELATIONS = Object.keys(BRAND_RELATION_WORDS) as BrandRelation[];

export function brandRelationLabel(relation: BrandRelation): string {
  return BRAND_RELATION_WORDS[relation];
}
