import { loadConfig } from '../../config.js';
import { startLocalNeo4j } from '../../local-neo4j/local-neo4j.js';
import { EXIT, type Command } from '../command.js';
import { waitForSignal } from '../../server/signals.js';

export const neo4jCommand: Command = {
  name: 'neo4j',
  usage: 'neo4j',
  summary: "run the project's local Neo4j in the foreground (other commands will use it)",
  async run({ out }) {
    const config = loadConfig();
    if (config.neo4jUri) {
      out(`NEO4J_URI is set (${config.neo4jUri}); nothing to start.`);
      return EXIT.USAGE;
    }
    const local = await startLocalNeo4j({
      dataDir: config.neo4jDataDir,
      port: config.neo4jBoltPort,
      heap: config.neo4jHeap,
      pageCache: config.neo4jPageCache,
    });
    out(`Neo4j is running at ${local.uri}. Press Ctrl-C to stop it.`);
    await waitForSignal();
    await local.stop();
    return EXIT.OK;
  },
};
