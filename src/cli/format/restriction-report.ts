import type {
  Instrument,
  Restriction,
  RestrictionReport,
  UnappliedRestriction,
} from '../../operations/answers.js';
import { Citations } from './citations.js';
import { backwardRelation, entityLabel, pathLine, percentLabel, periodLabel } from './path.js';
import { chain, renderTree, type TreeNode } from './tree.js';
import { TEXT_WIDTH, wrap } from './wrap.js';

/** Notes sit deep in the tree; they wrap narrower than the rule under it. */
const NOTE_WIDTH = 70;

/**
 * The short answer of `explain`: the headline, one line per measure that applies (its list, basis, listed party
 * and first citation) and one per measure reached but not applied, so the verdict fits on a screen.
 */
export function renderRestrictionSummary(report: RestrictionReport): string {
  const { restrictions, notApplied } = report;
  const lines = headline(report);
  restrictions.forEach((restriction, index) => {
    const citation = restriction.instruments[0]?.citation;
    lines.push(
      `  ${index + 1}. ${restriction.measure.name} — ${restriction.list.name} · ${restriction.basis}` +
        ` via ${entityLabel(restriction.listedEntity)}${citation ? ` · ${citation}` : ''}`,
    );
  });
  if (notApplied.length > 0) {
    lines.push(`Not applied (${notApplied.length}):`);
    for (const unapplied of notApplied) {
      lines.push(
        `  ✗ ${unapplied.measure.name} via ${entityLabel(unapplied.listedEntity)}: ${unapplied.reason}`,
      );
    }
  }
  lines.push('', 'Chains, rules and sources: run again with --full.');
  return lines.join('\n');
}

/**
 * The full answer of `explain` (--full): a headline, then one tree per measure that applies, read the way the law
 * reaches the entity (instruments → list → listed party → each relation → this entity), then the measures that
 * do not apply and why not, then the numbered sources every step cites.
 */
export function renderRestrictionReport(report: RestrictionReport): string {
  const citations = new Citations();
  const { restrictions, notApplied } = report;
  const lines = headline(report);
  restrictions.forEach((restriction, index) => {
    lines.push('', ...restrictionLines(restriction, index + 1, report, citations));
  });
  if (notApplied.length > 0) {
    lines.push(
      '',
      `Why not (${notApplied.length} measure${notApplied.length === 1 ? '' : 's'} reached but not applied):`,
    );
    for (const unapplied of notApplied) lines.push(...unappliedLines(unapplied, citations));
  }
  return [...lines, ...citations.section()].join('\n');
}

function headline(report: RestrictionReport): string[] {
  const { entity, restricted, restrictions, asOf } = report;
  return [
    `${entityLabel(entity)} · ${entity.kind.toLowerCase().replace('_', ' ')} · as of ${asOf}`,
    restricted
      ? `RESTRICTED by ${restrictions.length} measure${restrictions.length === 1 ? '' : 's'}.`
      : 'NOT RESTRICTED: no measure applies on that date.',
    ...coverageLines(report),
  ];
}

function restrictionLines(
  restriction: Restriction,
  number: number,
  report: RestrictionReport,
  citations: Citations,
): string[] {
  const { measure, designation, listedEntity, path } = restriction;
  const period = measure.effectiveTo
    ? `in force ${measure.effectiveFrom} → ${measure.effectiveTo}`
    : `in force since ${measure.effectiveFrom}`;
  const percent =
    restriction.effectivePercent != null
      ? ` · listed parties own ${percentLabel(restriction.effectivePercent)}`
      : '';
  const listed: TreeNode = {
    text:
      `listed: ${entityLabel(listedEntity)}${listedEntity.id === report.entity.id ? ' (this entity)' : ''}` +
      ` · listed ${designation.listedOn}` +
      (designation.effectiveFrom && designation.effectiveFrom !== designation.listedOn
        ? `, effective ${designation.effectiveFrom}`
        : '') +
      ` ${citations.cite(designation.sources)}`,
  };
  // The path runs from the entity to the listed party; the tree reads it the other way, as the law reaches down.
  const steps = [...path.steps].reverse().map((step): TreeNode => ({
    text:
      `${backwardRelation(step)} → ${entityLabel(step.from)}` +
      [periodLabel(step.validFrom, step.validTo), step.evidence]
        .filter(Boolean)
        .map((part) => ` · ${part}`)
        .join('') +
      ` ${citations.cite(step.sources)}`,
    ...(step.note ? { details: wrap(step.note, '      ', NOTE_WIDTH, 'note: ') } : {}),
  }));
  const tree = chain([
    ...restriction.instruments.map(instrumentNode),
    { text: `list: ${entityLabel(restriction.list)}` },
    listed,
    ...steps,
  ]);
  const drawn = renderTree(tree, '   ');
  // The rule's own sources (the reach rule, the measure), those the steps above have not already cited.
  const ruleSources = citations.cite(restriction.sources.filter((source) => !citations.has(source)));
  return [
    `${number}. ${measure.name} — ${measure.kind}, ${period}`,
    `   basis ${restriction.basis} · evidence ${restriction.evidence}${percent}`,
    ...drawn,
    ...wrap(`${restriction.rule} ${ruleSources}`, '         ', TEXT_WIDTH, '   Rule: '),
  ];
}

function instrumentNode(instrument: Instrument): TreeNode {
  const dates = [
    instrument.signedOn ? `signed ${instrument.signedOn}` : '',
    instrument.effectiveOn ? `effective ${instrument.effectiveOn}` : '',
  ].filter(Boolean);
  return {
    text: [`${instrument.citation} — ${instrument.name}`, ...dates].join(' · '),
    ...(instrument.url ? { details: [instrument.url] } : {}),
  };
}

function unappliedLines(unapplied: UnappliedRestriction, citations: Citations): string[] {
  const cited = unapplied.path.steps.map((step) => citations.cite(step.sources)).join('');
  return [
    `  ✗ ${unapplied.measure.name} (${unapplied.list.name}) via ${entityLabel(unapplied.listedEntity)}: ${unapplied.reason}`,
    ...wrap(unapplied.explanation, '    '),
    `    path: ${pathLine(unapplied.path.steps)} ${cited}`.trimEnd(),
  ];
}

/**
 * Under the headline: listings that carry no modelled measure (shown, never dropped), and the lists judged
 * against that the graph holds only in part, since a clean answer is only as good as the lists behind it.
 */
function coverageLines(report: RestrictionReport): string[] {
  const lines = report.listedWithoutMeasure.map(
    (designation) =>
      `Designated; no measure modelled: ${entityLabel(designation.list)}, listed ${designation.listedOn}.`,
  );
  const incomplete = report.coverage.filter((coverage) => !coverage.complete);
  if (incomplete.length > 0) {
    const names = incomplete
      .map((coverage) => `${entityLabel(coverage.list)}${coverage.asOf ? ` as of ${coverage.asOf}` : ''}`)
      .join('; ');
    lines.push(
      ...wrap(
        `Incomplete lists (${incomplete.length} of ${report.coverage.length} judged against; the graph may not hold every listing): ${names}.`,
        '  ',
        TEXT_WIDTH,
        '',
      ),
    );
  }
  return lines;
}
