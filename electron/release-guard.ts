import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { extractFile } from '@electron/asar';

/** Set in the packaged package.json by electron-builder.e2e.yml (`extraMetadata`). */
export const testBuildMarker = 'creditdeskTestBuild';

/**
 * Why `npm run dist` must not run with these electron-builder arguments, or null: it builds the shipped
 * configuration only, so another `--config`/`-c` file (the e2e test build, say) is refused.
 */
export function refusedDistArgument(args: readonly string[]): string | null {
  for (const [index, arg] of args.entries()) {
    if (arg.startsWith('--config=') || (/^-c=/.test(arg) && !arg.startsWith('-c.'))) return arg;
    if ((arg === '--config' || arg === '-c') && args[index + 1] !== undefined) {
      return `${arg} ${args[index + 1]}`;
    }
  }
  return null;
}

/** The app.asar archives under `dir` (unpacked Linux/Windows folders and macOS bundles). */
function findAsarArchives(dir: string, depth = 5): string[] {
  if (depth === 0) return [];
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isFile() && entry.name === 'app.asar') return [path];
    return entry.isDirectory() ? findAsarArchives(path, depth - 1) : [];
  });
}

/** The packaged apps under `dir` that are test builds (their package.json carries the marker). */
export function findTestBuilds(dir: string): string[] {
  return findAsarArchives(dir).filter((archive) => {
    const manifest = JSON.parse(extractFile(archive, 'package.json').toString('utf8')) as Record<
      string,
      unknown
    >;
    return manifest[testBuildMarker] === true;
  });
}
