import { NODE_TYPES, RELATIONSHIP_TYPES, type NodeSpec } from './model.js';

/**
 * The model as a Mermaid flowchart, for the README. A test checks that the README holds exactly this text, so the
 * documentation cannot drift from the model.
 */
export function modelDiagram(): string {
  const lines = ['```mermaid', 'flowchart LR'];
  for (const [type, spec] of Object.entries(NODE_TYPES as Record<string, NodeSpec>)) {
    lines.push(`  ${type}["${type}<br/><small>${Object.keys(spec.fields).slice(0, 4).join(', ')}</small>"]`);
  }
  for (const [type, spec] of Object.entries(NODE_TYPES as Record<string, NodeSpec>)) {
    for (const [field, ref] of Object.entries(spec.references ?? {})) {
      for (const target of grouped(ref.targets))
        lines.push(`  ${type} -->|"${ref.relationship} (${field})"| ${target}`);
    }
  }
  const seen = new Set<string>();
  for (const [type, spec] of Object.entries(RELATIONSHIP_TYPES)) {
    for (const from of grouped(spec.from)) {
      for (const to of grouped(spec.to)) {
        const line = `  ${from} -->|${type}| ${to}`;
        if (!seen.has(line)) lines.push(line);
        seen.add(line);
      }
    }
  }
  lines.push('  Party["Party<br/><small>Company, Person, GovernmentBody</small>"]', '```');
  return lines.join('\n');
}

const PARTIES = ['Company', 'Person', 'GovernmentBody'];

/** Relations that any kind of party may have are drawn once, from the Party group. */
function grouped(types: readonly string[]): readonly string[] {
  return PARTIES.every((party) => types.includes(party))
    ? ['Party', ...types.filter((t) => !PARTIES.includes(t))]
    : types;
}
