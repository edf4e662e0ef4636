import { formatCounts } from '../../db/graph-counts.js';
import { loadSeeds, seedGraph } from '../../records/seed-graph.js';
import { progressBar } from '../progress.js';
import { EXIT, type Command } from '../command.js';

export const seedCommand: Command = {
  name: 'seed',
  usage: 'seed [--dry-run]',
  summary: 'validate the seed files and load them (idempotent); --dry-run only validates',
  async run({ args, database, out }) {
    if (args.includes('--dry-run')) {
      const { nodes, relationships } = loadSeeds();
      out(`Dry run: ${nodes.length} nodes and ${relationships.length} relationships would be merged.`);
      return EXIT.OK;
    }
    const db = await database();
    const bar = progressBar('Seeding');
    const counts = await seedGraph(db, undefined, { onProgress: bar.update });
    bar.done();
    out(formatCounts(counts));
    return EXIT.OK;
  },
};
