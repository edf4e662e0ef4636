import type { AuthoritySpec, ListSpec } from './candidates.js';
import { cleanText, countryCode, shortHash, shorten, slugify } from './text.js';

/**
 * The one place that says which list a CSL row or an FtM Sanction belongs to. Lists the seeds already hold keep
 * their seed ids (the CSL's Entity List rows land on `bis-entity-list`, as do OpenSanctions sanctions with
 * programme US-BIS-EL), so imported designations carry the seed list's measures. A list no rule knows becomes a
 * new RestrictedList keyed by its authority and programme.
 *
 * The planner looks each list and authority up in the graph by id and then by name before creating it, so seeds
 * that spell an authority's id differently still get reused.
 */

const BIS: AuthoritySpec = {
  id: 'bis',
  name: 'Bureau of Industry and Security',
  aliases: ['BIS', 'U.S. Department of Commerce, Bureau of Industry and Security'],
  country: 'US',
};
const OFAC: AuthoritySpec = {
  id: 'ofac',
  name: 'Office of Foreign Assets Control',
  aliases: ['OFAC', 'Treasury Department', 'U.S. Department of the Treasury'],
  country: 'US',
};
const STATE: AuthoritySpec = {
  id: 'us-department-of-state',
  name: 'U.S. Department of State',
  aliases: ['State Department', 'Department of State'],
  country: 'US',
};
const DOD: AuthoritySpec = {
  id: 'dod',
  name: 'U.S. Department of Defense',
  aliases: ['DoD', 'Department of Defense'],
  country: 'US',
};
const FCC: AuthoritySpec = {
  id: 'fcc',
  name: 'Federal Communications Commission',
  aliases: ['FCC'],
  country: 'US',
};

interface ListRule {
  list: Omit<ListSpec, 'authority'>;
  authority: AuthoritySpec;
  /** Tested against the CSL `source`, or the FtM Sanction's authority, program, programId and dataset names. */
  matches: RegExp[];
}

const list = (id: string, name: string, aliases: string[], url?: string) => ({ id, name, aliases, url });

/** Known lists, most specific first. Ids of lists the seeds hold must not change. */
export const LIST_RULES: readonly ListRule[] = [
  {
    list: list('bis-entity-list', 'Entity List', ['Entity List (EL)', 'BIS Entity List']),
    authority: BIS,
    matches: [/^Entity List \(EL\)/i, /^US-BIS-EL$/i],
  },
  {
    list: list('bis-meu-list', 'Military End User List', ['Military End User (MEU) List', 'MEU List']),
    authority: BIS,
    matches: [/Military End User/i, /^US-BIS-MEU$/i],
  },
  {
    list: list('bis-unverified-list', 'Unverified List', ['Unverified List (UVL)', 'UVL']),
    authority: BIS,
    matches: [/Unverified List/i, /^US-BIS-UVL$/i],
  },
  {
    list: list('bis-denied-persons-list', 'Denied Persons List', ['Denied Persons List (DPL)', 'DPL']),
    authority: BIS,
    matches: [/Denied Persons/i, /^us_bis_denied$/i, /^US-BIS-DPL$/i],
  },
  {
    list: list('ofac-ns-cmic-list', 'Non-SDN Chinese Military-Industrial Complex Companies List', [
      'NS-CMIC List',
      'CMIC List',
    ]),
    authority: OFAC,
    matches: [/Chinese Military-Industrial Complex/i, /\bCMIC\b/i],
  },
  {
    list: list('ofac-ssi-list', 'Sectoral Sanctions Identifications List', ['SSI List']),
    authority: OFAC,
    matches: [/Sectoral Sanctions Identifications/i],
  },
  {
    list: list('ofac-fse-list', 'Foreign Sanctions Evaders List', ['FSE List']),
    authority: OFAC,
    matches: [/Foreign Sanctions Evaders/i],
  },
  {
    list: list('ofac-plc-list', 'Palestinian Legislative Council List', ['PLC List']),
    authority: OFAC,
    matches: [/Palestinian Legislative Council/i],
  },
  {
    list: list('ofac-ns-mbs-list', 'Non-SDN Menu-Based Sanctions List', ['NS-MBS List']),
    authority: OFAC,
    matches: [/Menu-Based Sanctions/i],
  },
  {
    list: list('ofac-capta-list', 'Correspondent Account or Payable-Through Account Sanctions List', [
      'CAPTA List',
      'CAP List',
    ]),
    authority: OFAC,
    matches: [/CAPTA|Capta List|Correspondent Account/i],
  },
  {
    list: list('ofac-sdn-list', 'Specially Designated Nationals and Blocked Persons List', [
      'SDN List',
      'Specially Designated Nationals (SDN)',
    ]),
    authority: OFAC,
    matches: [/Specially Designated Nationals/i, /^us_ofac_sdn$/i],
  },
  {
    list: list('state-isn-nonproliferation-sanctions', 'Nonproliferation Sanctions', [
      'Nonproliferation Sanctions (ISN)',
    ]),
    authority: STATE,
    matches: [/Nonproliferation Sanctions/i],
  },
  {
    list: list('state-itar-debarred-list', 'ITAR Debarred List', ['ITAR Debarred (DTC)', 'AECA Debarred']),
    authority: STATE,
    matches: [/ITAR Debarred|AECA Debarred/i],
  },
  {
    list: list('dod-1260h-list', 'DoD Section 1260H List of Chinese Military Companies', ['1260H List']),
    authority: DOD,
    matches: [/1260H/i, /^us_dod_chinese_milcorps$/i],
  },
  {
    list: list('dod-1237-list', 'DoD Section 1237 List', ['1237 List']),
    authority: DOD,
    matches: [/\b1237\b/],
  },
  {
    list: list('fcc-covered-list', 'FCC Covered List', ['Covered List']),
    authority: FCC,
    matches: [/Covered List/i, /^us_fcc_covered_list$/i],
  },
];

/** The list of a CSL row, from its `source` ("Entity List (EL) - Bureau of Industry and Security"). */
export function cslList(source: string, listUrl: string | undefined): ListSpec {
  const text = cleanText(source);
  const rule = LIST_RULES.find((candidate) => candidate.matches.some((pattern) => pattern.test(text)));
  if (rule) return { ...rule.list, url: rule.list.url ?? listUrl, authority: rule.authority };
  // "Some List (ABC) - Some Agency": the part after the last " - " is the authority.
  const at = text.lastIndexOf(' - ');
  const name = at > 0 ? text.slice(0, at) : text;
  const agency = at > 0 ? text.slice(at + 3) : 'Unknown authority (CSL)';
  return {
    id: `csl-list-${slugOrHash(name, 48)}`,
    name,
    aliases: [text],
    url: listUrl,
    authority: authorityFor(agency, 'US', 'csl-authority'),
  };
}

export interface SanctionKey {
  authorities: string[];
  programs: string[];
  programIds: string[];
  datasets: string[];
  country: string | undefined;
}

/**
 * The list of an FtM Sanction: a known list when any of its texts matches a rule, else one list per authority
 * and programme (programme id first, then programme text, then the dataset).
 */
export function sanctionList(key: SanctionKey): ListSpec {
  const texts = [...key.authorities, ...key.programs, ...key.programIds, ...key.datasets].map(cleanText);
  const rule = LIST_RULES.find((candidate) =>
    candidate.matches.some((pattern) => texts.some((text) => pattern.test(text))),
  );
  if (rule) return { ...rule.list, url: rule.list.url, authority: rule.authority };
  // Sources name an authority in several languages; the Latin-script name is the one readers here can search.
  const authorities = key.authorities.map(cleanText).filter(Boolean);
  const authorityName =
    authorities.find((name) => /^[\p{Script=Latin}\p{N}\p{P}\p{Zs}&]+$/u.test(name)) ??
    authorities[0] ??
    `Unknown authority (${key.datasets[0] ?? 'FtM'})`;
  const authority = authorityFor(authorityName, key.country, 'os-authority');
  const programId = cleanText(key.programIds[0]);
  const program = cleanText(key.programs[0]);
  // The programme id is stable across a programme's sanctions; its text often names one decree or notice.
  const programKey = programId || program || key.datasets[0] || 'sanctions';
  const title = programId ? `${programId} programme` : shorten(program || 'Sanctions', 120);
  return {
    id: `os-list-${slugOrHash(authorityName, 40)}-${slugOrHash(programKey, 40)}`,
    name: `${title} (${shorten(authorityName, 80)})`,
    aliases: [],
    url: undefined,
    authority,
  };
}

/** A slug when the text is written in Latin letters, else a digest (a slug of Japanese text is its digits). */
function slugOrHash(text: string, maxLength: number): string {
  const slug = slugify(text, maxLength);
  return /[a-z]{2}/.test(slug) ? slug : shortHash(text, 8);
}

/** A known authority by name or alias, else a new one with an id built from its name. */
export function authorityFor(name: string, country: string | undefined, prefix: string): AuthoritySpec {
  const known = [BIS, OFAC, STATE, DOD, FCC].find((authority) =>
    [authority.name, ...authority.aliases].some((alias) => alias.toLowerCase() === name.toLowerCase()),
  );
  if (known) return known;
  return {
    id: `${prefix}-${slugOrHash(name, 60)}`,
    name,
    aliases: [],
    country: countryCode(country),
  };
}
