import type { Command } from '../command';
import { peakRssMb } from '../../core/bench/peak-rss';
import { stringFlag } from '../command';
import { CaseSession } from '../../core/cases/case-session';
import { importIntoCase } from '../../core/ingest/import-service';
import { defaultDataDir } from '../../core/paths';
import { TemplateStore } from '../../core/workspace/templates';
import { cliOperator } from '../operator';

export const importCommand: Command = {
  path: ['import'],
  summary: 'import files, folders (a 查控 package per request folder) into a case, as one atomic job',
  usage: 'chainsight import <caseDir> <file|folder>… [--format ID|template:NAME@VERSION] [--tz ZONE] [--json]',
  options: { format: { type: 'string' }, tz: { type: 'string' } },
  positionals: { min: 2, max: Infinity },
  async run(input) {
    const [caseDir = '', ...paths] = input.positionals;
    const dataDir = defaultDataDir();
    const operator = cliOperator(input, dataDir);
    const session = CaseSession.open(caseDir, { host: 'cli', operator }, 'write');
    try {
      let lastPrint = 0;
      const report = await importIntoCase(session, {
        paths,
        operator,
        formatId: stringFlag(input, 'format'),
        templates: new TemplateStore(dataDir).list(),
        timeZone: stringFlag(input, 'tz'),
        signal: input.signal,
        onProgress: (p) => {
          const now = Date.now();
          if (now - lastPrint < 1000 && p.filesDone < p.filesTotal) return;
          lastPrint = now;
          input.progress(`  ${p.filesDone}/${p.filesTotal} files, ${p.rows.toLocaleString('en-US')} rows, ${(p.bytesDone / 1e6).toFixed(1)}/${(p.bytesTotal / 1e6).toFixed(1)} MB`);
        },
      });
      for (const file of report.files) {
        if (file.status === 'skipped') input.log(`skipped  ${file.file}: ${file.reason ?? ''}`);
        else input.log(`imported ${file.file}  [${file.format}, ${file.encoding}]  ${file.imported} rows, ${file.rejected} rejected  sha256 ${file.sha256.slice(0, 16)}…`);
        for (const error of file.errors.slice(0, 20)) input.log(`         line ${error.line}: ${error.message}`);
        for (const warning of file.warnings) input.log(`         warning: ${warning}`);
      }
      input.log(`quality: ${report.quality.duplicates} duplicates marked, ${report.quality.mirrorPairs} transfers seen from both sides, ${report.quality.balanceBreaks} balance breaks`);
      return {
        jobId: report.jobId,
        files: report.files.map((file) => ({
          file: file.file,
          format: file.format,
          encoding: file.encoding,
          rowsRead: file.rowsRead,
          imported: file.imported,
          rejected: file.rejected,
          warnings: file.warnings,
          errors: file.errors.map(({ line, code, message, sheet }) => ({ line, code, message, sheet })),
          status: file.status,
          reason: file.reason,
          confidence: file.confidence,
          detectReason: file.detectReason,
          sha256: file.sha256,
          sm3: file.sm3,
          size: file.size,
        })),
        quality: report.quality,
        timings: report.timings,
        peakRssMb: peakRssMb(),
      };
    } finally {
      session.close();
    }
  },
};
