import { withApi, type Api } from '../api.js';
import { EXIT, type Command } from '../command.js';
import { Citations } from '../format/citations.js';
import { entityLabel, pathLine } from '../format/path.js';
import { renderTable } from '../format/table.js';
import {
  BRAND_ORIGINS,
  BRANDS_LINKED_TO,
  type BrandLink,
  type BrandOrigin,
  type EntitySummary,
} from '../operations.js';
import { COMMON_OPTIONS, nameArgument, parseOptions } from '../options.js';
import { entityOrExit } from '../resolve-entity.js';

export const brandsCommand: Command = {
  name: 'brands',
  usage: 'brands <name|id> [--as-of DATE] [--json]',
  summary: "brands that lead back to a company (own, subsidiaries', OEM); for a brand, who owns or makes it",
  run: (context) =>
    withApi(context, async (api) => {
      const { values, positionals } = parseOptions(context.args, COMMON_OPTIONS);
      const entity = await entityOrExit(api, context, nameArgument(positionals), values.json);
      if (typeof entity === 'number') return entity;
      const asOf = values['as-of'] ?? null;
      const answer =
        entity.kind === 'BRAND'
          ? await brandOrigins(api, entity, asOf)
          : await brandsLinkedTo(api, entity, asOf);
      context.out(values.json ? JSON.stringify(answer.json, null, 2) : answer.text);
      return EXIT.OK;
    }),
};

// Private: from a company (or person, government body) to the brands that lead back to it.
async function brandsLinkedTo(api: Api, entity: EntitySummary, asOf: string | null) {
  const { brandsLinkedTo: links } = await api.request<{ brandsLinkedTo: BrandLink[] }>(BRANDS_LINKED_TO, {
    id: entity.id,
    asOf,
  });
  const citations = new Citations();
  const table = renderTable(
    ['brand', 'id', 'relation', 'evidence', 'path'],
    links.map((link) => [
      link.brand.name,
      link.brand.id,
      link.relation,
      link.evidence,
      `${pathLine(link.path.steps)} ${citations.cite(link.sources)}`,
    ]),
  );
  const headline = `${links.length} brand${links.length === 1 ? ' leads' : 's lead'} back to ${entityLabel(entity)}`;
  return {
    json: { entity, brandsLinkedTo: links },
    text: withFootnotes(
      [`${headline}${links.length ? ':' : '.'}`, ...(links.length ? table : [])],
      citations,
    ),
  };
}

// Private: from a brand to the parties that own it or reportedly make its products.
async function brandOrigins(api: Api, brand: EntitySummary, asOf: string | null) {
  const { brandOrigins: origins } = await api.request<{ brandOrigins: BrandOrigin[] }>(BRAND_ORIGINS, {
    id: brand.id,
    asOf,
  });
  const citations = new Citations();
  const table = renderTable(
    ['party', 'id', 'relation', 'restricted', 'evidence', 'path'],
    origins.map((origin) => [
      origin.entity.name,
      origin.entity.id,
      origin.relation,
      origin.restricted ? 'RESTRICTED' : 'no',
      origin.evidence,
      `${pathLine(origin.path.steps)} ${citations.cite(origin.sources)}`,
    ]),
  );
  const headline = `${entityLabel(brand)} is a brand; ${origins.length} part${origins.length === 1 ? 'y' : 'ies'} behind it`;
  return {
    json: { entity: brand, brandOrigins: origins },
    text: withFootnotes(
      [`${headline}${origins.length ? ':' : '.'}`, ...(origins.length ? table : [])],
      citations,
    ),
  };
}

function withFootnotes(lines: string[], citations: Citations): string {
  return [...lines, ...citations.section()].join('\n');
}
