import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';

const SKIPPED = new Set(['node_modules', '.git', 'dist']);

async function walk(dir: string, found: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (SKIPPED.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await walk(path, found);
    else if (entry.name.endsWith('.test.json')) found.push(path);
  }
}

/**
 * Expands the paths given to `parley test`: files are taken as they are,
 * directories are searched for `*.test.json`. Paths that do not exist are
 * returned apart so they can be reported.
 */
export async function findTestFiles(paths: string[], cwd: string): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  for (const given of paths.length === 0 ? ['.'] : paths) {
    const path = resolve(cwd, given);
    try {
      if ((await stat(path)).isDirectory()) await walk(path, files);
      else files.push(path);
    } catch {
      missing.push(given);
    }
  }
  return { files: [...new Set(files)], missing };
}
