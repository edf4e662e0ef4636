import { prepareLocalNeo4j } from '../../local-neo4j/local-neo4j.js';
import { EXIT, type Command } from '../command.js';

export const fetchNeo4jCommand: Command = {
  name: 'fetch-neo4j',
  usage: 'fetch-neo4j',
  summary: 'fetch Neo4j Community from Maven Central into the local Maven repository (done once)',
  async run({ out, err }) {
    await prepareLocalNeo4j(err);
    out('Neo4j Community is ready to start.');
    return EXIT.OK;
  },
};
