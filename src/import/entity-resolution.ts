import { nameKeys } from '../names/name-keys.js';
import { normalizeName } from '../names/normalize-name.js';
import { isStrong, REGISTRY_SCHEMES, schemeOf } from './identifiers.js';

/** A party as entity resolution sees it, whether it is in the graph or was met earlier in the same file. */
export interface IndexedParty {
  id: string;
  type: string;
  name: string;
  aliases: readonly string[];
  country: string | undefined;
  identifiers: readonly string[];
}

export interface Resolution {
  /** NEW: no match. MERGED: facts go onto an existing party. SAME: a party already known under the same id. */
  outcome: 'NEW' | 'MERGED' | 'SAME';
  targetId: string;
  reason: string;
  /** Parties it may be but was not merged with, each to be linked POSSIBLY_SAME_AS. */
  possible: { id: string; reason: string }[];
}

/** Merging on names needs this much name: short names ("CST", "ZTE") are left to a reviewer. */
const MIN_NAME_KEY = 5;
const MAX_POSSIBLE = 5;
/**
 * A name more parties than this share ("bank melli", "ministry of defence") says nothing about which one. The
 * graph is asked for one sharer more than this, which is enough to tell.
 */
export const MAX_NAME_SHARERS = 25;

/**
 * Decides which party a candidate is, strongest evidence first:
 * 1. the same id (a party already in the index under the id the candidate proposes);
 * 2. a shared strong identifier (LEI, USCC, ISIN, stock code, OpenSanctions id, CSL _id, ...);
 * 3. the same normalised name (a name of one is the name or an alias of the other) and the same country, for
 *    companies and government bodies only, when the name is distinctive without its legal form, exactly one
 *    party qualifies and no registry identifier (LEI, USCC, INN, OGRN) disagrees.
 * Anything weaker (an alias in common, a country missing on one side, people by name, two parties qualifying)
 * is never merged: the candidate stays a party of its own, linked POSSIBLY_SAME_AS to each party it may be.
 */
export class ResolutionIndex {
  private readonly parties = new Map<string, IndexedParty>();
  private readonly byIdentifier = new Map<string, Set<string>>();
  private readonly byName = new Map<string, Set<string>>();

  constructor(parties: Iterable<IndexedParty> = []) {
    for (const party of parties) this.add(party);
  }

  get(id: string): IndexedParty | undefined {
    return this.parties.get(id);
  }

  /** The party holding any of these strong identifiers, when exactly one does. */
  findByIdentifiers(identifiers: readonly string[]): string | undefined {
    const ids = this.identifierMatches(identifiers);
    return ids.size === 1 ? [...ids][0] : undefined;
  }

  /** Parties of a type whose name or alias normalises to the same text as one of these names. */
  findByName(type: string, names: readonly string[]): string[] {
    const found = new Set<string>();
    for (const key of names.map(normalizeName)) {
      for (const id of this.byName.get(key) ?? []) if (this.parties.get(id)?.type === type) found.add(id);
    }
    return [...found].sort();
  }

  resolve(candidate: IndexedParty): Resolution {
    const existing = this.parties.get(candidate.id);
    if (existing && existing.type === candidate.type) {
      return { outcome: 'SAME', targetId: existing.id, reason: `same id "${existing.id}"`, possible: [] };
    }
    const strong = this.identifierMatches(candidate.identifiers);
    if (strong.size > 0) {
      const [targetId, ...others] = [...strong].sort(
        (a, b) => this.shared(candidate, b).length - this.shared(candidate, a).length || a.localeCompare(b),
      );
      const target = targetId as string;
      return {
        outcome: 'MERGED',
        targetId: target,
        reason: `shares identifier ${this.shared(candidate, target).join(', ')}`,
        possible: others.map((id) => ({
          id,
          reason: `shares identifier ${this.shared(candidate, id).join(', ')} with another party`,
        })),
      };
    }
    const { mergeable, possible } = this.nameMatches(candidate);
    if (mergeable.length === 1 && mergeable[0]) {
      const target = this.parties.get(mergeable[0]) as IndexedParty;
      return {
        outcome: 'MERGED',
        targetId: target.id,
        reason: `same name "${normalizeName(candidate.name)}" and country ${candidate.country}`,
        possible: [],
      };
    }
    const links = [...mergeable, ...possible].slice(0, MAX_POSSIBLE).map((id) => ({
      id,
      reason: pairReason(candidate, this.parties.get(id) as IndexedParty),
    }));
    return {
      outcome: 'NEW',
      targetId: candidate.id,
      reason:
        mergeable.length > 1
          ? `${mergeable.length} parties have the same name and country; kept apart for review`
          : links.length > 0
            ? 'only weak evidence (name or alias) in common with other parties; kept apart'
            : 'no party with a shared identifier or the same name and country',
      possible: links,
    };
  }

  /** Records a decision, so that later rows of the same file meet the party as it now stands. */
  record(candidate: IndexedParty, resolution: Resolution): void {
    const target = this.parties.get(resolution.targetId);
    if (!target) {
      this.add({ ...candidate, id: resolution.targetId });
      return;
    }
    this.add({
      ...target,
      aliases: [...target.aliases, candidate.name, ...candidate.aliases],
      country: target.country ?? candidate.country,
      identifiers: [...target.identifiers, ...candidate.identifiers],
    });
  }

  private add(party: IndexedParty): void {
    this.parties.set(party.id, party);
    for (const identifier of party.identifiers.filter(isStrong)) {
      const ids = this.byIdentifier.get(identifier) ?? new Set();
      ids.add(party.id);
      this.byIdentifier.set(identifier, ids);
    }
    for (const key of partyKeys(party)) {
      const ids = this.byName.get(key) ?? new Set();
      ids.add(party.id);
      this.byName.set(key, ids);
    }
  }

  private identifierMatches(identifiers: readonly string[]): Set<string> {
    const ids = new Set<string>();
    for (const identifier of identifiers.filter(isStrong))
      for (const id of this.byIdentifier.get(identifier) ?? []) ids.add(id);
    return ids;
  }

  private shared(candidate: IndexedParty, id: string): string[] {
    const theirs = new Set(this.parties.get(id)?.identifiers ?? []);
    return candidate.identifiers.filter((identifier) => isStrong(identifier) && theirs.has(identifier));
  }

  private nameMatches(candidate: IndexedParty): { mergeable: string[]; possible: string[] } {
    const mergeable: string[] = [];
    const possible: string[] = [];
    const primary = normalizeName(candidate.name);
    const candidateKeys = partyKeys(candidate);
    const seen = new Set<string>();
    for (const key of candidateKeys) {
      const sharers = this.byName.get(key) ?? new Set<string>();
      if (sharers.size > MAX_NAME_SHARERS) continue;
      for (const id of sharers) {
        if (seen.has(id)) continue;
        seen.add(id);
        const other = this.parties.get(id) as IndexedParty;
        if (other.type !== candidate.type || conflicting(candidate, other)) continue;
        if (candidate.country && other.country && candidate.country !== other.country) continue;
        const otherKeys = partyKeys(other);
        const otherPrimary = normalizeName(other.name);
        const sameName =
          (distinctive(primary) && otherKeys.has(primary)) ||
          (distinctive(otherPrimary) && candidateKeys.has(otherPrimary));
        const canMerge =
          sameName &&
          candidate.type !== 'Person' &&
          candidate.country !== undefined &&
          candidate.country === other.country;
        (canMerge ? mergeable : possible).push(id);
      }
    }
    return { mergeable: mergeable.sort(), possible: possible.sort() };
  }
}

/**
 * Legal forms that normalizeName (English and Chinese) leaves in: Russian and Ukrainian company forms. They say
 * nothing about which company it is, so they do not count towards a distinctive name.
 */
const OTHER_LEGAL_FORMS =
  /(?<![\p{L}\p{N}])(общество с ограниченнои ответственностью|товариство з обмеженою відповідальністю|(публичное |закрытое |открытое )?акционерное общество|акціонерне товариство|некоммерческое партнерство|ооо|оао|зао|пао|ао|тов|llc|jsc|pjsc|ojsc|cjsc|fgup|фгуп)(?![\p{L}\p{N}])/gu;

/** A name that still says something once its legal forms are gone ("цст" or "cst" alone does not). */
function distinctive(key: string): boolean {
  return key.replace(OTHER_LEGAL_FORMS, '').replace(/\s+/g, '').length >= MIN_NAME_KEY;
}

function partyKeys(party: Pick<IndexedParty, 'name' | 'aliases'>): Set<string> {
  return new Set(nameKeys([party.name, ...party.aliases]));
}

/** Two parties with registry identifiers (LEI, USCC, INN, OGRN) of the same scheme and no value in common. */
function conflicting(a: IndexedParty, b: IndexedParty): boolean {
  const values = (party: IndexedParty, scheme: string) =>
    party.identifiers.filter((identifier) => schemeOf(identifier) === scheme);
  return [...REGISTRY_SCHEMES].some((scheme) => {
    const mine = values(a, scheme);
    const theirs = values(b, scheme);
    return mine.length > 0 && theirs.length > 0 && !mine.some((value) => theirs.includes(value));
  });
}

/**
 * The evidence two parties share, worded the same whichever of them is the candidate, so that the
 * POSSIBLY_SAME_AS relationship between them is the same whichever side an import meets first.
 */
export function pairReason(a: IndexedParty, b: IndexedParty): string {
  const [first, second] = a.id < b.id ? [a, b] : [b, a];
  const common = [...partyKeys(first)].filter((key) => partyKeys(second).has(key)).sort();
  const countries = `${first.country ?? 'unknown'} / ${second.country ?? 'unknown'}`;
  return `names in common: ${common.map((key) => `"${key}"`).join(', ') || 'none'}; countries: ${countries}`;
}
