import { loadConfig } from '../../config.js';
import { formatImportReport } from '../../import/import-report.js';
import { SYNC_FEEDS, type SyncFeed } from '../../model/model.js';
import { SyncRefused } from '../../sync/download.js';
import { runSync, type SyncReport } from '../../sync/run-sync.js';
import { EXIT, UsageError, type Command } from '../command.js';
import { progressBar } from '../progress.js';

export const syncCommand: Command = {
  name: 'sync',
  usage: 'sync csl|ftm [--url URL | --file FILE] [--dry-run] [--force] [--json]',
  summary:
    'fetch a list source (csl: the trade.gov Consolidated Screening List; ftm: a FollowTheMoney file), check it, import what changed and record the snapshot; for cron',
  async run({ args, database, out, err }) {
    const options = parseArgs(args);
    const config = loadConfig();
    const location = options.file
      ? { file: options.file }
      : { url: options.url ?? (options.feed === 'csl' ? config.cslUrl : '') };
    if ('url' in location && !location.url) throw new UsageError('sync ftm needs --url or --file.');
    const db = await database();
    const download = progressBar('Downloading');
    const writing = progressBar('Importing');
    let report: SyncReport;
    try {
      report = await runSync(db, {
        feed: options.feed,
        location,
        folder: config.syncDir,
        limits: { timeoutMs: config.syncTimeoutSeconds * 1000, maxBytes: config.syncMaxBytes },
        dryRun: options.dryRun,
        force: options.force,
        onDownload: download.update,
        onImport: writing.update,
        log: err,
      });
    } catch (error) {
      if (!(error instanceof SyncRefused)) throw error;
      err(`Refused: ${error.message}`);
      return EXIT.INVALID_INPUT;
    } finally {
      download.done();
      writing.done();
    }
    if (options.json) out(JSON.stringify(report, null, 2));
    else out(formatSyncReport(report));
    return EXIT.OK;
  },
};

function formatSyncReport(report: SyncReport): string {
  const { snapshot, previous, changes } = report;
  const head = `${report.feed} snapshot ${snapshot.id}: ${snapshot.rows} rows, sha256 ${snapshot.sha256}`;
  if (report.outcome === 'UNCHANGED')
    return `${head}\nUnchanged since the last sync (${snapshot.fetchedAt}); nothing was written.`;
  const since = previous
    ? `Since ${previous.fetchedAt}: ${changes.ADDED} added, ${changes.REMOVED} removed, ${changes.CHANGED} changed` +
      (report.outcome === 'SYNCED' ? `; ${report.ended} designation(s) ended.` : '.')
    : 'First snapshot of this source: listings take their dates from the file.';
  const imported = report.import ? formatImportReport(report.import, report.outcome === 'DRY_RUN') : '';
  return [head, since, imported, report.outcome === 'DRY_RUN' ? 'Dry run: nothing was written.' : '']
    .filter(Boolean)
    .join('\n');
}

function parseArgs(args: string[]) {
  const [feed, ...rest] = args;
  if (!feed || !(SYNC_FEEDS as readonly string[]).includes(feed))
    throw new UsageError(`Name the source: ${SYNC_FEEDS.join(' or ')}.`);
  const options = {
    feed: feed as SyncFeed,
    url: undefined as string | undefined,
    file: undefined as string | undefined,
    dryRun: false,
    force: false,
    json: false,
  };
  for (let i = 0; i < rest.length; i += 1) {
    const arg = rest[i];
    if (arg === '--dry-run') options.dryRun = true;
    else if (arg === '--force') options.force = true;
    else if (arg === '--json') options.json = true;
    else if (arg === '--url' || arg === '--file') {
      const value = rest[(i += 1)];
      if (!value) throw new UsageError(`${arg} needs a value.`);
      if (arg === '--url') {
        if (!/^https?:\/\/\S+$/.test(value)) throw new UsageError('--url needs an http(s) URL.');
        options.url = value;
      } else options.file = value;
    } else throw new UsageError(`Unknown option ${arg}.`);
  }
  if (options.url && options.file) throw new UsageError('Give --url or --file, not both.');
  return options;
}
