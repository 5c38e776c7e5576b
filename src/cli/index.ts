// Entry point of the review-obs binary (and of its worker threads): wires process I/O to the CLI adapter.
import { runWorkerIfAsked } from './batch';
import { join } from 'node:path';
import { messageLanguage, useMessageLanguage } from './locale';
import { main } from './main';

// `review-obs status DRAFT | head -1`: a reader that closed the pipe has all it wanted; stop quietly.
for (const stream of [process.stdout, process.stderr]) stream.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') process.exit(0); throw e; });

// A library's deprecation notice (exceljs's Buffer()) is for its developers, not for whoever runs review-obs.
process.noDeprecation = true;

if (!runWorkerIfAsked()) {
  // The bundles ship next to dist/ in l10n/, as the extension's do.
  useMessageLanguage(messageLanguage(process.argv.slice(2), process.env), join(__dirname, '..', 'l10n'));
  void Promise.resolve(main(process.argv.slice(2), {
    out: (s) => process.stdout.write(s + '\n'),
    err: (s) => process.stderr.write(s + '\n'),
    cwd: process.cwd(),
    isTTY: process.stderr.isTTY,
    progress: (s) => process.stderr.write(`\r\x1b[K${s}`),
    onInterrupt: (f) => process.once('SIGINT', f),
  })).then((code) => { process.exitCode = code; });
}
