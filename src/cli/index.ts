import { loadConfig, type Config } from '../config.js';
import { openDatabase, type Database } from '../db/database.js';
import { InvalidRecordsError } from '../records/records.js';
import { EXIT, UsageError, type CommandContext } from './command.js';
import { COMMANDS } from './commands/index.js';

/** Runs one CLI command and resolves to its exit code. Exported for tests, which call it in process. */
export async function runCli(argv: string[], io: Pick<CommandContext, 'out' | 'err'>): Promise<number> {
  const [name, ...args] = argv;
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command || name === '--help' || name === 'help') {
    io.out(help());
    return name && !['--help', 'help'].includes(name) ? EXIT.USAGE : EXIT.OK;
  }
  let db: Database | undefined;
  let config: Config | undefined;
  const context: CommandContext = {
    ...io,
    args,
    config: () => (config ??= loadConfig()),
    database: async () => (db ??= await openDatabase(context.config(), (line) => io.err(line))),
  };
  try {
    return await command.run(context);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\nUsage: restricted-graph ${command.usage}`);
      return EXIT.USAGE;
    }
    if (error instanceof InvalidRecordsError) {
      io.err(error.message);
      return EXIT.INVALID_INPUT;
    }
    io.err(`Error: ${(error as Error).message}`);
    return EXIT.FAILURE;
  } finally {
    await db?.close();
  }
}

function help(): string {
  return [
    'Usage: restricted-graph <command> [options]   (npm run cli -- <command>)',
    '',
    ...COMMANDS.map((command) => `  ${command.usage}\n      ${command.summary}`),
    '',
    'Add --json to query commands for machine-readable output.',
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const code = await runCli(process.argv.slice(2), {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  });
  process.exitCode = code;
}
