// The configuration files of the drafts a command reads: the nearest .review-obs.yaml / .json of each, read once.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, parse, relative, sep } from 'node:path';
import { configCandidates, parseConfig, type LoadedConfig } from '../core/config/config';

const paths = { parent: (dir: string) => (parse(dir).root === dir ? null : dirname(dir)), join };

/** Only a regular file of a sensible size is a configuration file. */
function readConfigFile(path: string): string | null {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st?.isFile() || st.size > 4 * 1024 * 1024) return null;
  try { return readFileSync(path, 'utf8'); } catch { return null; }
}

/** One lookup per folder: a batch of hundreds of drafts in a few folders reads each file once. */
export class ConfigFiles {
  private readonly byFolder = new Map<string, LoadedConfig | null>();
  private readonly byFile = new Map<string, LoadedConfig>();
  forFile(path: string): LoadedConfig | null {
    const dir = dirname(path);
    if (this.byFolder.has(dir)) return this.byFolder.get(dir)!;
    let found: LoadedConfig | null = null;
    for (const file of configCandidates(dir, paths)) {
      const cached = this.byFile.get(file);
      if (cached) { found = cached; break; }
      const text = readConfigFile(file);
      if (text !== null) { found = { file, ...parseConfig(text, file) }; this.byFile.set(file, found); break; }
    }
    this.byFolder.set(dir, found);
    return found;
  }
  /** Every configuration file read so far (to report their problems once). */
  all(): LoadedConfig[] { return [...this.byFile.values()]; }
}

/** A file's path relative to its configuration's folder, with /, as ignore patterns are written. */
export function relativeToConfig(config: LoadedConfig, path: string): string {
  return relative(dirname(config.file), path).split(sep).join('/');
}
