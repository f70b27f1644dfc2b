/** A stable release `major.minor.patch`; prereleases (`45.0.0-beta.1`) are not counted. */
function parseStable(version: string): [number, number, number] | null {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : null;
}

function compare(a: [number, number, number], b: [number, number, number]): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

export type ElectronPinVerdict =
  | { ok: true; newest: string; behind: number }
  | { ok: false; reason: 'notExact'; pinned: string }
  | { ok: false; reason: 'behind'; newest: string; behind: number; pinned: string };

/**
 * Judges the pinned Electron against the registry's releases: it must be an exact stable version, and at
 * most one release of its major line may be newer (security fixes land as patch releases of each line).
 */
export function judgeElectronPin(pinned: string, published: readonly string[]): ElectronPinVerdict {
  const version = parseStable(pinned);
  if (!version) return { ok: false, reason: 'notExact', pinned };
  const newer = published
    .map((release) => ({ release, parsed: parseStable(release) }))
    .filter(
      (entry): entry is { release: string; parsed: [number, number, number] } =>
        entry.parsed !== null && entry.parsed[0] === version[0] && compare(entry.parsed, version) > 0,
    )
    .sort((a, b) => compare(a.parsed, b.parsed));
  const newest = newer.at(-1)?.release ?? pinned;
  if (newer.length > 1) return { ok: false, reason: 'behind', newest, behind: newer.length, pinned };
  return { ok: true, newest, behind: newer.length };
}
