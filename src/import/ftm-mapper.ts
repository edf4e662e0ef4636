import type { RecordOrigin } from '../records/records.js';
import type { TextOptions } from '../records/text-file.js';
import {
  emptyImport,
  rowIssue,
  type ListSpec,
  type MappedImport,
  type PartyRef,
  type PartyType,
} from './candidates.js';
import { OWN_FTM_DATASET, readFtm, type FtmEntity, type FtmLine } from './ftm-entity.js';
import { FTM_IDENTIFIER_PROPERTIES, fromOpenSanctionsId, fromRegistrationNumber } from './identifiers.js';
import {
  federalRegisterCitations,
  federalRegisterSource,
  isHttpUrl,
  openSanctionsDatasetSource,
  sourceUrlSource,
} from './import-sources.js';
import { authorityFor, sanctionList } from './list-mapping.js';
import { cleanText, countryCode, earliestDate, shorten, unique, withNamesWithin } from './text.js';

const PARTY_SCHEMATA: Readonly<Record<string, PartyType>> = {
  Company: 'Company',
  Organization: 'Company',
  LegalEntity: 'Company',
  PublicBody: 'GovernmentBody',
  Person: 'Person',
};

/**
 * Maps an FtM JSON lines file: parties (Company, Organization, LegalEntity, PublicBody, Person) with their
 * Address entities folded into `addresses`, Ownership and Directorship as relationships, and each Sanction as a
 * designation on the list its authority and programme name (list-mapping.ts). Other schemata are counted and
 * skipped; references to entities that are neither in the file nor in the graph are reported, not fatal.
 */
export async function mapFtmFile(file: string, options: TextOptions = {}): Promise<MappedImport> {
  const mapped = emptyImport('ftm', file);
  const lines: FtmLine[] = [];
  const byId = new Map<string, FtmEntity>();
  const lineOf = new Map<string, number>();
  for await (const line of readFtm(file, mapped.issues, options)) {
    mapped.rows += 1;
    const earlier = lineOf.get(line.entity.id);
    if (earlier !== undefined) {
      // Which of two entities with one id is meant cannot be told; the first stays, the second is reported.
      mapped.issues.push(
        rowIssue(
          line.origin,
          line.entity.id,
          'id',
          `the id is already used on line ${earlier}; this entity is left out`,
        ),
      );
      continue;
    }
    lineOf.set(line.entity.id, line.origin.position);
    lines.push(line);
    byId.set(line.entity.id, line.entity);
  }
  const mapper = new FtmMapper(mapped, byId);
  for (const line of lines) mapper.map(line);
  return mapped;
}

class FtmMapper {
  constructor(
    private readonly mapped: MappedImport,
    private readonly byId: ReadonlyMap<string, FtmEntity>,
  ) {}

  map({ entity, origin }: FtmLine): void {
    const partyType = PARTY_SCHEMATA[entity.schema];
    if (partyType) this.party(entity, partyType, origin);
    else if (entity.schema === 'Ownership') this.ownership(entity, origin);
    else if (entity.schema === 'Directorship') this.directorship(entity, origin);
    else if (entity.schema === 'Sanction') this.sanction(entity, origin);
    else if (entity.schema !== 'Address') {
      this.mapped.skipped[entity.schema] = (this.mapped.skipped[entity.schema] ?? 0) + 1;
    }
  }

  private party(entity: FtmEntity, type: PartyType, origin: RecordOrigin): void {
    const values = (name: string) => (entity.properties[name] ?? []).map(cleanText).filter(Boolean);
    const name = cleanText(entity.caption) || values('name')[0];
    if (!name) {
      this.mapped.issues.push(rowIssue(origin, entity.id, 'name', 'the entity has no name or caption'));
      return;
    }
    const own = isOwn(entity);
    this.mapped.parties.push({
      key: entity.id,
      proposedId: nodeId(entity),
      type,
      name,
      aliases: withNamesWithin([
        name,
        ...values('name'),
        ...values('alias'),
        ...values('previousName'),
        ...values('abbreviation'),
      ]).filter((alias) => alias !== name),
      country: ['country', 'jurisdiction', 'nationality', 'citizenship', 'mainCountry']
        .flatMap(values)
        .map(countryCode)
        .find(Boolean),
      identifiers: unique([
        ...(own ? [] : [entity.id, ...(entity.referents ?? [])].flatMap(fromOpenSanctionsId)),
        ...Object.entries(FTM_IDENTIFIER_PROPERTIES).flatMap(([property, scheme]) =>
          values(property).map((value) => `${scheme}:${value}`),
        ),
        ...values('registrationNumber').flatMap((value) => fromRegistrationNumber(value) ?? []),
      ]),
      addresses: unique([...values('address'), ...this.addresses(entity, origin)]),
      description: describe(values('description')[0] ?? values('summary')[0]),
      sources: this.sources(entity),
      origin,
    });
  }

  /** Address entities become text on the party; one not in the file is reported and left out. */
  private addresses(entity: FtmEntity, origin: RecordOrigin): string[] {
    return (entity.properties.addressEntity ?? []).flatMap((ref) => {
      const address = this.byId.get(ref);
      if (!address) {
        this.mapped.warnings.push(
          rowIssue(origin, entity.id, 'addressEntity', `refers to "${ref}", which is not in the file`),
        );
        return [];
      }
      const part = (name: string) => cleanText(address.properties[name]?.[0]);
      const full =
        part('full') ||
        [part('street'), part('city'), part('postalCode'), part('region'), part('country').toUpperCase()]
          .filter(Boolean)
          .join(', ');
      return full ? [full] : [];
    });
  }

  private ownership(entity: FtmEntity, origin: RecordOrigin): void {
    const { owner, asset } = this.refs(entity, origin, ['owner', 'asset']);
    if (!owner || !asset) return;
    const percent = (entity.properties.percentage ?? []).map(Number).find((n) => n >= 0 && n <= 100);
    const notes = [
      ...(isOwn(entity) ? (entity.properties.summary ?? []) : []),
      ...(entity.properties.role ?? []).map((role) => `Role: ${cleanText(role)}.`),
      ...(entity.properties.sharesCount ?? []).map((shares) => `Shares: ${cleanText(shares)}.`),
    ];
    this.mapped.relationships.push({
      id: nodeId(entity),
      type: 'OWNS',
      from: owner,
      to: asset,
      properties: {
        ...(percent !== undefined ? { percent } : {}),
        ...this.period(entity, origin),
        ...(notes.length > 0 ? { note: notes.join(' ') } : {}),
      },
      sources: this.sources(entity),
      origin,
    });
  }

  private directorship(entity: FtmEntity, origin: RecordOrigin): void {
    const { director, organization } = this.refs(entity, origin, ['director', 'organization']);
    if (!director || !organization) return;
    const role = cleanText(entity.properties.role?.[0]);
    this.mapped.relationships.push({
      id: nodeId(entity),
      type: 'DIRECTOR_OF',
      from: director,
      to: organization,
      properties: { ...(role ? { role } : {}), ...this.period(entity, origin) },
      sources: this.sources(entity),
      origin,
    });
  }

  private sanction(entity: FtmEntity, origin: RecordOrigin): void {
    const { entity: party } = this.refs(entity, origin, ['entity']);
    if (!party) return;
    const values = (name: string) => (entity.properties[name] ?? []).map(cleanText).filter(Boolean);
    const listingDate = earliestDate(values('listingDate'));
    const startDate = earliestDate(values('startDate'));
    const firstSeen = entity.first_seen?.slice(0, 10);
    const listedOn = listingDate ?? startDate ?? (isIsoDay(firstSeen) ? firstSeen : undefined);
    const endDate = values('endDate')
      .filter((value) => isIsoDay(value))
      .sort()
      .pop();
    const citations = federalRegisterCitations([...values('authorityId'), ...values('program')].join('; '));
    for (const citation of citations) {
      const source = federalRegisterSource(citation);
      if (!this.mapped.sources.has(source.id)) this.mapped.sources.set(source.id, source);
    }
    const notes = [
      values('program')[0] && `Program: ${shorten(values('program')[0] ?? '', 300)}.`,
      values('reason')[0] && `Reason: ${shorten(values('reason')[0] ?? '', 500)}.`,
      !listingDate &&
        !startDate &&
        listedOn &&
        `No listing date given; first seen by OpenSanctions on ${listedOn}.`,
      isOwn(entity) && values('summary')[0],
    ].filter(Boolean);
    this.mapped.designations.push({
      id: nodeId(entity),
      party,
      list: this.list(entity),
      listedOn,
      ...(listedOn ? {} : { listedOnMissing: 'the Sanction has no listingDate, startDate or first_seen' }),
      effectiveFrom: startDate && startDate !== listedOn ? startDate : undefined,
      removedOn: endDate,
      nameOnList: undefined,
      note: isOwn(entity) ? values('summary')[0] : notes.length > 0 ? notes.join(' ') : undefined,
      citations,
      sources: this.sources(entity),
      origin,
    });
  }

  /** Our own export names its lists by id (programId); other files by authority and programme. */
  private list(entity: FtmEntity): ListSpec {
    const values = (name: string) => (entity.properties[name] ?? []).map(cleanText).filter(Boolean);
    const country = values('country')[0];
    const programId = values('programId')[0];
    if (isOwn(entity) && programId) {
      return {
        id: programId,
        name: values('program')[0] ?? programId,
        aliases: [],
        url: values('programUrl').find(isHttpUrl),
        authority: authorityFor(values('authority')[0] ?? 'Unknown authority', country, 'authority'),
      };
    }
    return sanctionList({
      authorities: values('authority'),
      programs: values('program'),
      programIds: values('programId'),
      datasets: entity.datasets ?? [],
      country,
    });
  }

  /** The party references of an interval entity; a missing one is reported and the entity skipped. */
  private refs(
    entity: FtmEntity,
    origin: RecordOrigin,
    names: string[],
  ): Record<string, PartyRef | undefined> {
    const refs: Record<string, PartyRef | undefined> = {};
    for (const name of names) {
      const ref = entity.properties[name]?.[0];
      if (!ref) {
        this.mapped.issues.push(rowIssue(origin, entity.id, name, `a ${entity.schema} needs "${name}"`));
        return {};
      }
      const target = this.byId.get(ref);
      if (target && !PARTY_SCHEMATA[target.schema]) {
        this.mapped.warnings.push(
          rowIssue(origin, entity.id, name, `refers to "${ref}", a ${target.schema}, not a party; skipped`),
        );
        return {};
      }
      refs[name] = isOwn(entity)
        ? { key: ref, identifiers: [], id: ref }
        : { key: ref, identifiers: fromOpenSanctionsId(ref), id: `os-${ref}` };
    }
    return refs;
  }

  private period(entity: FtmEntity, origin: RecordOrigin): Record<string, string> {
    const period: Record<string, string> = {};
    for (const [property, field] of [
      ['startDate', 'validFrom'],
      ['endDate', 'validTo'],
    ] as const) {
      const value = cleanText(entity.properties[property]?.[0]);
      if (isIsoDay(value)) period[field] = value;
      else if (value)
        this.mapped.warnings.push(
          rowIssue(origin, entity.id, property, `"${value}" is not a full date; the bound is left open`),
        );
    }
    return period;
  }

  /** Every dataset the entity comes from, and every document it names in sourceUrl. */
  private sources(entity: FtmEntity): string[] {
    const datasets = (entity.datasets ?? []).filter((dataset) => dataset !== OWN_FTM_DATASET);
    const specs = [
      ...datasets.map(openSanctionsDatasetSource),
      ...(entity.properties.sourceUrl ?? [])
        .filter(isHttpUrl)
        .map((url) => sourceUrlSource(url, entity.datasets ?? [])),
    ];
    for (const spec of specs) if (!this.mapped.sources.has(spec.id)) this.mapped.sources.set(spec.id, spec);
    return unique(specs.map((spec) => spec.id));
  }
}

function describe(text: string | undefined): string | undefined {
  return text ? shorten(text, 1000) : undefined;
}

function isOwn(entity: FtmEntity): boolean {
  return entity.datasets?.includes(OWN_FTM_DATASET) === true;
}

/** Our own entities keep their ids; OpenSanctions ids get a prefix that keeps them apart from seed slugs. */
function nodeId(entity: FtmEntity): string {
  return isOwn(entity) ? entity.id : `os-${entity.id}`;
}

function isIsoDay(value: string | undefined): value is string {
  return value !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(value);
}
