import { runService } from '../../server/run-service.js';
import { EXIT, type Command } from '../command.js';

export const serveCommand: Command = {
  name: 'serve',
  usage: 'serve',
  summary: 'run the API, GraphiQL and the explorer (seeding an empty database first)',
  async run() {
    await runService();
    return EXIT.OK;
  },
};
