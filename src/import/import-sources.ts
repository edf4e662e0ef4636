import type { Evidence } from '../model/model.js';
import type { SourceSpec } from './candidates.js';
import { shortHash, slugify } from './text.js';

/**
 * Source nodes for imported facts. An import cites the dataset it read and, where the row gives one, the
 * document it points at (a list page, an FtM `sourceUrl`, a Federal Register notice). Ids are derived from the
 * url, so a second import of the same data finds the same Source.
 */

/** Government hosts publish primary text; anything else a list points at is treated as secondary. */
const GOVERNMENT_HOST =
  /(^|\.)(gov|gouv|govt|gob|gv|go|admin|mil)\.[a-z.]+$|\.(gov|mil)$|(^|\.)europa\.eu$|\.gc\.ca$|\.admin\.ch$|(^|\.)bund\.de$|(^|\.)belgium\.be$|(^|\.)gouv\.mc$|\.go\.jp$/;

export function evidenceOfUrl(url: string): Evidence {
  try {
    return GOVERNMENT_HOST.test(new URL(url).hostname) ? 'PRIMARY' : 'SECONDARY';
  } catch {
    return 'SECONDARY';
  }
}

export const CSL_SOURCE: SourceSpec = {
  id: 'src-trade-gov-csl',
  url: 'https://www.trade.gov/consolidated-screening-list',
  title: 'Consolidated Screening List',
  publisher: 'International Trade Administration, U.S. Department of Commerce',
  evidence: 'PRIMARY',
  note: 'Imported from a CSL file; each row also cites its source list page.',
};

/** The list page a CSL row names in `source_list_url` (or `source_information_url`). */
export function cslListSource(url: string, listName: string): SourceSpec {
  return {
    id: `src-url-${shortHash(url, 12)}`,
    url,
    title: `${listName} (as cited by the Consolidated Screening List)`,
    publisher: publisherOf(url),
    evidence: evidenceOfUrl(url),
  };
}

/** "83 FR 37423" → the notice on federalregister.gov, which redirects citations to the document. */
export function federalRegisterSource(citation: string): SourceSpec {
  const [volume, page] = citation.split(' FR ');
  return {
    id: `src-fr-${volume}-${page}`,
    url: `https://www.federalregister.gov/citation/${volume}-FR-${page}`,
    title: `Federal Register notice ${citation}`,
    publisher: 'Office of the Federal Register',
    evidence: 'PRIMARY',
  };
}

/** Federal Register citations in the CSL's free text ("83 FR 37423; 87 FR 77505", "67 F.R. 56530 9/4/02"). */
export function federalRegisterCitations(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(/\b(\d{2,3})\s*F\.?\s*R\.?\s+(\d{1,6})\b/g))
    found.add(`${match[1]} FR ${match[2]}`);
  return [...found];
}

/** An OpenSanctions dataset as a whole ("us_ofac_sdn"). */
export function openSanctionsDatasetSource(dataset: string): SourceSpec {
  return {
    id: `src-os-${slugify(dataset, 80) || shortHash(dataset)}`,
    url: `https://www.opensanctions.org/datasets/${encodeURIComponent(dataset)}/`,
    title: `OpenSanctions dataset ${dataset}`,
    publisher: 'OpenSanctions',
    evidence: 'SECONDARY',
    note: 'Aggregated from official lists; imported from FollowTheMoney entity files.',
  };
}

/** A document an FtM entity names in `sourceUrl`, seen through the datasets that cite it. */
export function sourceUrlSource(url: string, datasets: readonly string[]): SourceSpec {
  return {
    id: `src-url-${shortHash(url, 12)}`,
    url,
    title: `${url} (cited by ${datasets.join(', ') || 'an FtM file'})`.slice(0, 400),
    publisher: publisherOf(url),
    evidence: evidenceOfUrl(url),
  };
}

export function isHttpUrl(value: string): boolean {
  return /^https?:\/\/\S+$/.test(value);
}

function publisherOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return 'unknown';
  }
}
