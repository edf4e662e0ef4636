import { EXPORT_FORMATS, exportGraph, type ExportFormat } from '../../export/run-export.js';
import { EXIT, UsageError, type Command } from '../command.js';

export const exportCommand: Command = {
  name: 'export',
  usage: 'export graphml|cytoscape|csv|ftm [--out FILE|FOLDER]',
  summary: 'export the graph as GraphML, Cytoscape JSON, CSV (nodes and edges) or FtM JSON lines',
  async run({ args, database, err }) {
    const [format, ...rest] = args;
    if (!format || !(EXPORT_FORMATS as readonly string[]).includes(format))
      throw new UsageError(`Name a format: ${EXPORT_FORMATS.join(', ')}.`);
    let out: string | undefined;
    for (let i = 0; i < rest.length; i += 1) {
      if (rest[i] === '--out' && rest[i + 1]) out = rest[(i += 1)];
      else throw new UsageError(`Unknown option ${rest[i]}.`);
    }
    if (format === 'csv' && !out)
      throw new UsageError('CSV export needs --out FOLDER (it writes two files).');
    const result = await exportGraph(await database(), format as ExportFormat, out);
    // The report goes to stderr, so that an export to stdout stays clean.
    err(
      `Exported ${result.nodes} nodes and ${result.relationships} relationships` +
        (result.files.length > 0 ? ` to ${result.files.join(', ')}` : ''),
    );
    return EXIT.OK;
  },
};
