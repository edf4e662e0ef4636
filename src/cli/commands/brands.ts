import { brandRelationLabel } from '../../model/vocabulary.js';
import { withApi, type Api } from '../api.js';
import { EXIT, type Command } from '../command.js';
import { Citations } from '../format/citations.js';
import { entityLabel, pathLine } from '../format/path.js';
import { BRAND_ORIGINS, BRANDS_LINKED_TO } from '../../operations/operations.js';
import type { EntitySummary } from '../../operations/answers.js';
import { asOfOrToday, COMMON_OPTIONS, nameArgument, parseOptions } from '../options.js';
import { entitiesOrExit } from '../entity-argument.js';

export const brandsCommand: Command = {
  name: 'brands',
  usage: 'brands <name|id> [--as-of DATE] [--json]',
  summary: "brands that lead back to a company (own, subsidiaries', OEM); for a brand, who owns or makes it",
  run: (context) =>
    withApi(context, async (api) => {
      const { values, positionals } = parseOptions(context.args, COMMON_OPTIONS);
      const entities = await entitiesOrExit(api, context, nameArgument(positionals), values.json);
      if (typeof entities === 'number') return entities;
      const asOf = asOfOrToday(values['as-of']);
      const answers = [];
      for (const entity of entities) {
        answers.push(
          entity.kind === 'BRAND'
            ? await brandOrigins(api, entity, asOf)
            : await brandsLinkedTo(api, entity, asOf),
        );
      }
      // A name shared by a brand and a company answers for both, each under its own heading.
      context.out(
        values.json
          ? JSON.stringify(answers.length === 1 ? answers[0]!.json : answers.map((a) => a.json), null, 2)
          : answers.map((answer) => answer.text).join('\n\n'),
      );
      return EXIT.OK;
    }),
};

// Private: from a company (or person, government body) to the brands that lead back to it.
async function brandsLinkedTo(api: Api, entity: EntitySummary, asOf: string) {
  const { brandsLinkedTo: links } = await api.request(BRANDS_LINKED_TO, {
    id: entity.id,
    asOf,
  });
  const citations = new Citations();
  const count = `${links.length} brand${links.length === 1 ? ' leads' : 's lead'}`;
  const lines = [`${count} back to ${entityLabel(entity)} as of ${asOf}${links.length ? ':' : '.'}`];
  for (const link of links) {
    lines.push(
      `  • ${entityLabel(link.brand)} — ${brandRelationLabel(link.relation)} · evidence ${link.evidence}`,
      `      ${pathLine(link.path.steps)} ${citations.cite(link.sources)}`,
    );
  }
  return {
    json: { entity, asOf, brandsLinkedTo: links },
    text: [...lines, ...citations.section()].join('\n'),
  };
}

// Private: from a brand to the parties that own it or reportedly make its products.
async function brandOrigins(api: Api, brand: EntitySummary, asOf: string) {
  const { brandOrigins: origins } = await api.request(BRAND_ORIGINS, {
    id: brand.id,
    asOf,
  });
  const citations = new Citations();
  const count = `${origins.length} part${origins.length === 1 ? 'y' : 'ies'}`;
  const lines = [
    `${entityLabel(brand)} is a brand; ${count} behind it as of ${asOf}${origins.length ? ':' : '.'}`,
  ];
  for (const origin of origins) {
    lines.push(
      `  • ${entityLabel(origin.entity)} — ${brandRelationLabel(origin.relation)}` +
        `${origin.restricted ? ' · RESTRICTED' : ''} · evidence ${origin.evidence}`,
      `      ${pathLine(origin.path.steps)} ${citations.cite(origin.sources)}`,
    );
  }
  return {
    json: { entity: brand, asOf, brandOrigins: origins },
    text: [...lines, ...citations.section()].join('\n'),
  };
}
