import type { Command } from '../command.js';

/**
 * Every command of the CLI, in the order `--help` lists them. Each is loaded only when it runs, so a query
 * command does not pay for the importer, the exporters or the launcher it does not use.
 */
export const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  search: async () => (await import('./search.js')).searchCommand,
  explain: async () => (await import('./explain.js')).explainCommand,
  brands: async () => (await import('./brands.js')).brandsCommand,
  chain: async () => (await import('./chain.js')).chainCommand,
  screen: async () => (await import('./screen.js')).screenCommand,
  validate: async () => (await import('./validate.js')).validateCommand,
  seed: async () => (await import('./seed.js')).seedCommand,
  import: async () => (await import('./import.js')).importCommand,
  sync: async () => (await import('./sync.js')).syncCommand,
  export: async () => (await import('./export.js')).exportCommand,
  serve: async () => (await import('./serve.js')).serveCommand,
  neo4j: async () => (await import('./neo4j.js')).neo4jCommand,
  'fetch-neo4j': async () => (await import('./fetch-neo4j.js')).fetchNeo4jCommand,
  'model-diagram': async () => (await import('./model-diagram.js')).modelDiagramCommand,
};
