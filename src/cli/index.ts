import { loadConfig, type Config } from '../config.js';
import { openDatabase, type Database } from '../db/database.js';
import { InvalidRecordsError } from '../records/records.js';
import { EXIT, UsageError, type Command, type CommandContext } from './command.js';
import { COMMANDS } from './commands/index.js';

/** Says how the CLI reached Neo4j and what it prepared; only with --verbose, so scripts and people see answers. */
const VERBOSE = '--verbose';

/** Runs one CLI command and resolves to its exit code. Exported for tests, which call it in process. */
export async function runCli(argv: string[], io: Pick<CommandContext, 'out' | 'err'>): Promise<number> {
  const verbose = argv.includes(VERBOSE);
  const [name, ...args] = argv.filter((arg) => arg !== VERBOSE);
  if (name === undefined || name === '--help' || name === 'help') {
    io.out(await help());
    return EXIT.OK;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) {
    io.err(`Unknown command "${name}".\n${await help()}`);
    return EXIT.USAGE;
  }
  const command = await load();
  let db: Database | undefined;
  let config: Config | undefined;
  const context: CommandContext = {
    ...io,
    args,
    config: () => (config ??= loadConfig()),
    database: async () => (db ??= await openDatabase(context.config(), io.err, verbose ? io.err : () => {})),
  };
  try {
    return await command.run(context);
  } catch (error) {
    return reportFailure(error, command, io);
  } finally {
    await db?.close();
  }
}

// Private: a failure as one plain line (and the usage, for a usage error) with the exit code scripts rely on.
function reportFailure(error: unknown, command: Command, io: Pick<CommandContext, 'err'>): number {
  if (error instanceof UsageError) {
    io.err(`Error: ${error.message}\nUsage: restricted-graph ${command.usage}`);
    return EXIT.USAGE;
  }
  if (error instanceof InvalidRecordsError) {
    io.err(error.message);
    return EXIT.INVALID_INPUT;
  }
  io.err(`Error: ${(error as Error).message}`);
  return EXIT.FAILURE;
}

async function help(): Promise<string> {
  const commands = await Promise.all(Object.values(COMMANDS).map((load) => load()));
  return [
    'Usage: restricted-graph <command> [options]   (npm run cli -- <command>)',
    '',
    ...commands.map((command) => `  ${command.usage}\n      ${command.summary}`),
    '',
    'Add --json to query commands for machine-readable output, --verbose to see how Neo4j was reached.',
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const code = await runCli(process.argv.slice(2), {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  });
  process.exitCode = code;
}
