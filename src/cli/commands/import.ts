import path from 'node:path';
import { isIsoDate } from '../../model/values.js';
import { isKnownEncoding } from '../../records/text-file.js';
import { formatImportReport } from '../../import/import-report.js';
import { IMPORT_FORMATS, runImport, type ImportFormat } from '../../import/run-import.js';
import { EXIT, UsageError, type Command } from '../command.js';
import { progressBar } from '../progress.js';

export const importCommand: Command = {
  name: 'import',
  usage:
    'import ftm|csl <file> [--dry-run] [--strict] [--batch-size N] [--snapshot-date YYYY-MM-DD] [--encoding latin1] [--json]',
  summary: 'import an FtM JSON lines or CSL (CSV/JSON) file, resolving parties against the graph; idempotent',
  async run({ args, database, out, err }) {
    const options = parseArgs(args);
    const db = await database();
    const bar = progressBar('Importing');
    const report = await runImport(db, options.format, options.file, {
      dryRun: options.dryRun,
      strict: options.strict,
      batchSize: options.batchSize,
      ...(options.snapshotDate ? { snapshotDate: options.snapshotDate } : {}),
      ...(options.encoding ? { encoding: options.encoding } : {}),
      onProgress: bar.update,
    });
    bar.done();
    if (options.json) out(JSON.stringify(report, null, 2));
    else out(formatImportReport(report, options.dryRun));
    if (report.validRows === 0) {
      err(
        `No row of ${path.basename(report.file)} is valid${report.issues.length > 0 ? '; see above' : ''}; nothing was imported.`,
      );
      return EXIT.INVALID_INPUT;
    }
    if (report.issues.length > 0) err(`${report.issues.length} bad row(s) were left out; see above.`);
    return EXIT.OK;
  },
};

function parseArgs(args: string[]) {
  const [format, file, ...rest] = args;
  if (!format || !(IMPORT_FORMATS as readonly string[]).includes(format) || !file)
    throw new UsageError('Name the format (ftm or csl) and the file.');
  const options = {
    format: format as ImportFormat,
    file,
    dryRun: false,
    strict: false,
    json: false,
    batchSize: 500,
    snapshotDate: undefined as string | undefined,
    encoding: undefined as string | undefined,
  };
  for (let i = 0; i < rest.length; i += 1) {
    const arg = rest[i];
    if (arg === '--dry-run') options.dryRun = true;
    else if (arg === '--strict') options.strict = true;
    else if (arg === '--json') options.json = true;
    else if (arg === '--batch-size') {
      options.batchSize = Number(rest[(i += 1)]);
      if (!Number.isInteger(options.batchSize) || options.batchSize < 1)
        throw new UsageError('--batch-size needs a whole number of at least 1.');
    } else if (arg === '--snapshot-date') {
      options.snapshotDate = rest[(i += 1)];
      if (!isIsoDate(options.snapshotDate)) throw new UsageError('--snapshot-date needs a date YYYY-MM-DD.');
    } else if (arg === '--encoding') {
      options.encoding = rest[(i += 1)];
      if (!options.encoding || !isKnownEncoding(options.encoding))
        throw new UsageError('--encoding needs the name of a text encoding, e.g. latin1 or utf-16le.');
    } else throw new UsageError(`Unknown option ${arg}.`);
  }
  return options;
}
