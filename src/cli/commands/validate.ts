import { loadSeeds, SEED_FOLDER } from '../../records/seed-graph.js';
import { EXIT, type Command } from '../command.js';

export const validateCommand: Command = {
  name: 'validate',
  usage: 'validate',
  summary: 'check every seed file against the model, without a database',
  async run({ out }) {
    const { nodes, relationships } = loadSeeds();
    out(`${SEED_FOLDER}: ${nodes.length} nodes and ${relationships.length} relationships are valid`);
    return EXIT.OK;
  },
};
