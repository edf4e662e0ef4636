import type { RawRecord, RecordOrigin, ValidationIssue } from '../records/records.js';
import { isId } from '../model/values.js';
import { normalizeName } from '../names/normalize-name.js';
import type {
  DesignationCandidate,
  ListSpec,
  MappedImport,
  PartyCandidate,
  PartyRef,
  RelationshipCandidate,
} from './candidates.js';
import { rowIssue } from './candidates.js';
import { ResolutionIndex, type IndexedParty, type Resolution } from './entity-resolution.js';
import { normalizeCitation, type GraphState } from './graph-state.js';
import { federalRegisterSource } from './import-sources.js';
import { unique } from './text.js';

/** One entity-resolution decision, logged with its reason. */
export interface MergeDecision extends Resolution {
  origin: RecordOrigin;
  key: string;
  name: string;
}

export interface ImportPlan {
  /** Records in the seed shape, in write order: sources, parties, lists, designations, relationships. */
  records: RawRecord[];
  decisions: MergeDecision[];
  warnings: ValidationIssue[];
}

type Draft = { origin: RecordOrigin; data: Record<string, unknown> };

const PARTY_FIELDS = ['name', 'aliases', 'country', 'identifiers', 'description', 'addresses', 'sources'];

/**
 * Turns a mapped file into records against the graph as it stands: resolves every party (entity-resolution.ts),
 * folds merged candidates into one record per party (an existing party keeps its fields and gains aliases,
 * identifiers, addresses and sources), finds or creates lists and their authorities, and points facts at the
 * resolved ids. Pure: the same file and graph give the same plan, which is what makes re-runs converge.
 */
export function planImport(mapped: MappedImport, graph: GraphState): ImportPlan {
  return new Planner(mapped, graph).plan();
}

class Planner {
  private readonly index: ResolutionIndex;
  private readonly existing = new Map<string, Record<string, unknown>>();
  private readonly keyToId = new Map<string, string>();
  private readonly parties = new Map<string, Draft>();
  private readonly lists = new Map<string, Draft>();
  private readonly facts: Draft[] = [];
  private readonly links = new Map<string, Draft>();
  private readonly decisions: MergeDecision[] = [];
  private readonly warnings: ValidationIssue[];
  /** Ids of the lists the file's designations map to, whether or not the graph holds them yet. */
  private readonly fileListIds: Set<string>;
  /** Parties of this file that the graph already holds, from an earlier run of the same import. */
  private readonly importedBefore: Set<string>;

  constructor(
    private readonly mapped: MappedImport,
    private readonly graph: GraphState,
  ) {
    this.warnings = [...mapped.warnings];
    this.fileListIds = new Set(mapped.designations.map((designation) => designation.list.id));
    for (const { properties } of graph.parties) this.existing.set(String(properties.id), properties);
    // Parties this file makes are resolved as if an earlier run of it (complete, or killed half-way) had not
    // happened: matching a candidate against them would make the plan depend on how far that run got.
    const fileIds = new Set(mapped.parties.map((candidate) => candidate.proposedId));
    this.importedBefore = new Set([...this.existing.keys()].filter((id) => fileIds.has(id)));
    this.index = new ResolutionIndex(
      graph.parties
        .filter(({ properties }) => !this.importedBefore.has(String(properties.id)))
        .map(indexedParty),
    );
  }

  plan(): ImportPlan {
    // An FtM file comes out of OpenSanctions' own entity resolution (or our export): its entities are
    // matched against the graph but not against each other.
    const withinFile = this.mapped.format !== 'ftm';
    const resolved = this.mapped.parties.flatMap((candidate) => this.resolveParty(candidate, withinFile));
    if (!withinFile) for (const [candidate, resolution] of resolved) this.index.record(candidate, resolution);
    for (const designation of this.mapped.designations) this.designation(designation);
    for (const relationship of this.mapped.relationships) this.relationship(relationship);
    const drafts = [...this.parties.values(), ...this.lists.values(), ...this.facts, ...this.links.values()];
    return {
      records: [...this.sourceRecords(drafts), ...drafts.map(({ origin, data }) => ({ origin, data }))],
      decisions: this.decisions,
      warnings: this.warnings,
    };
  }

  private resolveParty(candidate: PartyCandidate, record: boolean): [IndexedParty, Resolution][] {
    if (this.isRetracted(candidate.proposedId, candidate.origin)) return [];
    const taken = this.graph.types.get(candidate.proposedId);
    if (taken && taken !== candidate.type) {
      this.warn(
        candidate.origin,
        candidate.proposedId,
        'id',
        `the id is already used by a ${taken}; skipped`,
      );
      return [];
    }
    const indexed = { ...candidate, id: candidate.proposedId };
    const resolved = this.index.resolve(indexed);
    const resolution: Resolution =
      resolved.outcome === 'NEW' && this.importedBefore.has(resolved.targetId)
        ? { ...resolved, outcome: 'SAME', reason: `same id "${resolved.targetId}", imported before` }
        : resolved;
    if (record) this.index.record(indexed, resolution);
    this.keyToId.set(candidate.key, resolution.targetId);
    this.decisions.push({
      ...resolution,
      origin: candidate.origin,
      key: candidate.key,
      name: candidate.name,
    });
    this.mergeInto(resolution.targetId, candidate);
    for (const possible of resolution.possible) this.link(resolution.targetId, possible, candidate);
    return [[indexed, resolution]];
  }

  /** Folds a candidate into the record of the party it resolved to; first values win, lists are unions. */
  private mergeInto(id: string, candidate: PartyCandidate): void {
    const draft = this.parties.get(id) ?? this.startDraft(id, candidate);
    const data = draft.data;
    const name = String(data.name);
    const union = (field: string, values: readonly string[]) => {
      const merged = unique([...((data[field] as string[] | undefined) ?? []), ...values]);
      if (merged.length > 0) data[field] = merged;
    };
    union(
      'aliases',
      [candidate.name, ...candidate.aliases].filter((alias) => alias !== name),
    );
    union('identifiers', candidate.identifiers);
    union('addresses', candidate.addresses);
    union('sources', candidate.sources);
    if (data.country === undefined && candidate.country) data.country = candidate.country;
    if (data.description === undefined && candidate.description) data.description = candidate.description;
  }

  private startDraft(id: string, candidate: PartyCandidate): Draft {
    const existing = this.existing.get(id);
    const data: Record<string, unknown> = existing
      ? { type: this.graph.types.get(id), id, ...pick(existing, PARTY_FIELDS) }
      : { type: candidate.type, id, name: candidate.name };
    const draft = { origin: candidate.origin, data };
    this.parties.set(id, draft);
    return draft;
  }

  /** One POSSIBLY_SAME_AS per pair, from the smaller id to the larger, whichever side found it. */
  private link(id: string, possible: { id: string; reason: string }, candidate: PartyCandidate): void {
    const [from, to] = id < possible.id ? [id, possible.id] : [possible.id, id];
    const linkId = `possibly-same:${from}:${to}`;
    if (this.links.has(linkId) || this.graph.retracted.has(linkId)) return;
    this.links.set(linkId, {
      origin: candidate.origin,
      data: {
        type: 'POSSIBLY_SAME_AS',
        id: linkId,
        from,
        to,
        reason: possible.reason,
        sources: candidate.sources,
      },
    });
  }

  private designation(designation: DesignationCandidate): void {
    const { origin, id } = designation;
    const party = this.ref(designation.party, origin, id, 'entity');
    if (!party || this.isRetracted(id, origin)) return;
    if (!designation.listedOn) {
      this.warn(origin, id, 'listedOn', `no designation made: ${designation.listedOnMissing ?? 'no date'}`);
      return;
    }
    const list = this.list(designation.list, designation);
    const instrument = designation.citations
      .map((citation) => this.graph.instrumentsByCitation.get(normalizeCitation(citation)))
      .find(Boolean);
    const citedSources = designation.citations
      .filter((citation) => !this.graph.instrumentsByCitation.has(normalizeCitation(citation)))
      .map((citation) => federalRegisterSource(citation).id);
    this.facts.push({
      origin,
      data: {
        type: 'Designation',
        id,
        party,
        list,
        ...(instrument ? { instrument } : {}),
        listedOn: designation.listedOn,
        ...defined({
          effectiveFrom: designation.effectiveFrom,
          removedOn: designation.removedOn,
          nameOnList: designation.nameOnList,
          note: designation.note,
        }),
        sources: unique([...designation.sources, ...citedSources]),
      },
    });
  }

  private relationship(relationship: RelationshipCandidate): void {
    const { origin, id } = relationship;
    const from = this.ref(relationship.from, origin, id, 'from');
    const to = this.ref(relationship.to, origin, id, 'to');
    if (!from || !to || this.isRetracted(id, origin)) return;
    if (from === to) {
      this.warn(origin, id, 'to', `both ends resolve to "${from}"; skipped`);
      return;
    }
    this.facts.push({
      origin,
      data: {
        type: relationship.type,
        // An id the validator generated ("a-OWNS-b@2018-02-06") is not one it accepts back; left out, it is
        // generated again, the same.
        ...(isId(id) ? { id } : {}),
        from,
        to,
        ...relationship.properties,
        sources: relationship.sources,
      },
    });
  }

  /**
   * The list's id: the graph's list when it has it (by id, then by name), else a new list. The answer must not
   * depend on how far an earlier run of the same file got, so a list that run left without its keeper is drafted
   * again in full, and lists of this file's own making are never matched by name.
   */
  private list(spec: ListSpec, designation: DesignationCandidate): string {
    const sameId = this.graph.lists.find((list) => list.id === spec.id);
    if (sameId?.keptBy) return spec.id;
    const names = new Set([spec.name, ...spec.aliases].map(normalizeName));
    const byName = this.graph.lists.find(
      (list) =>
        !this.fileListIds.has(list.id) &&
        [list.name, ...list.aliases].some((name) => names.has(normalizeName(name))),
    );
    if (!sameId && byName) return byName.id;
    const draft = this.lists.get(spec.id);
    if (draft) {
      draft.data.sources = unique([...(draft.data.sources as string[]), ...designation.sources]);
      this.authority(spec, designation);
      return spec.id;
    }
    this.lists.set(spec.id, {
      origin: designation.origin,
      data: {
        type: 'RestrictedList',
        id: spec.id,
        name: spec.name,
        ...(spec.aliases.length > 0 ? { aliases: spec.aliases } : {}),
        ...(spec.url ? { url: spec.url } : {}),
        keptBy: this.authority(spec, designation),
        sources: [...designation.sources],
      },
    });
    return spec.id;
  }

  /** The authority of a new list: a government body the graph or the file has (by id, then name), or a new one. */
  private authority({ authority }: ListSpec, designation: DesignationCandidate): string {
    const draft = this.parties.get(authority.id);
    if (draft?.data.type === 'GovernmentBody') {
      if (!this.existing.has(authority.id))
        draft.data.sources = unique([...(draft.data.sources as string[]), ...designation.sources]);
      return authority.id;
    }
    if (this.graph.types.get(authority.id) === 'GovernmentBody') return authority.id;
    const [byName] = this.index.findByName('GovernmentBody', [authority.name, ...authority.aliases]);
    if (byName) return byName;
    const id = this.graph.types.has(authority.id) ? `${authority.id}-authority` : authority.id;
    const data = {
      type: 'GovernmentBody',
      id,
      name: authority.name,
      ...(authority.aliases.length > 0 ? { aliases: authority.aliases } : {}),
      ...(authority.country ? { country: authority.country } : {}),
      sources: [...designation.sources],
    };
    this.parties.set(id, { origin: designation.origin, data });
    this.index.record(
      { ...authority, id, type: 'GovernmentBody', identifiers: [] },
      {
        outcome: 'NEW',
        targetId: id,
        reason: 'authority of an imported list',
        possible: [],
      },
    );
    return id;
  }

  /** A party a fact points at: met in the file, or already in the graph (by id or strong identifier). */
  private ref(ref: PartyRef, origin: RecordOrigin, id: string, field: string): string | undefined {
    const found =
      this.keyToId.get(ref.key) ??
      (ref.id && this.index.get(ref.id) ? ref.id : undefined) ??
      this.index.findByIdentifiers(ref.identifiers);
    if (!found)
      this.warn(origin, id, field, `refers to "${ref.key}", which is neither in the file nor in the graph`);
    return found;
  }

  private isRetracted(id: string, origin: RecordOrigin): boolean {
    if (!this.graph.retracted.has(id)) return false;
    this.warn(origin, id, 'id', 'was retracted by a curator; not imported again');
    return true;
  }

  /** Sources the records cite that the graph does not hold yet; existing ones are left as they are. */
  private sourceRecords(drafts: Draft[]): RawRecord[] {
    const cited = unique(drafts.flatMap((draft) => (draft.data.sources as string[] | undefined) ?? []));
    return cited
      .filter((id) => !this.graph.types.has(id))
      .flatMap((id) => {
        const spec = this.mapped.sources.get(id);
        return spec
          ? [{ origin: { file: this.mapped.file, position: 0 }, data: { type: 'Source', ...spec } }]
          : [];
      });
  }

  private warn(origin: RecordOrigin, id: string | undefined, field: string, message: string): void {
    this.warnings.push(rowIssue(origin, id, field, message));
  }
}

/** A party of the graph as entity resolution compares it. */
function indexedParty({ type, properties }: GraphState['parties'][number]): IndexedParty {
  return {
    id: String(properties.id),
    type,
    name: String(properties.name ?? ''),
    aliases: (properties.aliases as string[] | undefined) ?? [],
    country: properties.country as string | undefined,
    identifiers: (properties.identifiers as string[] | undefined) ?? [],
  };
}

function pick(properties: Record<string, unknown>, fields: string[]): Record<string, unknown> {
  return Object.fromEntries(
    fields
      .filter((field) => properties[field] !== undefined && properties[field] !== null)
      .map((f) => [f, properties[f]]),
  );
}

function defined(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).filter(([, value]) => value !== undefined && value !== ''),
  );
}
