/**
 * Locations inside a document, written as field names joined by dots, where `[]` after a name steps
 * into every element of that list: `attachments[]`, `findings[].photos[]`. Capabilities declare where
 * their attachments sit this way (shared/kit/capability.ts).
 */

/** One value found at a location, with its concrete path (`findings.2.photos.0`). */
export interface Located {
  path: string;
  value: unknown;
}

const segmentPattern = /^([A-Za-z_$][\w$]*)(\[\])?$/;

/** Whether the text is a well-formed location (non-empty segments, `[]` only after a name). */
export function isDocumentPath(path: string): boolean {
  return path.split('.').every((segment) => segmentPattern.test(segment));
}

/** Every value at the location, in document order; none where a field is missing or not a list. */
export function valuesAt(document: unknown, path: string): Located[] {
  if (!isDocumentPath(path)) throw new Error(`Not a document path: ${path}`);
  let found: Located[] = [{ path: '', value: document }];
  for (const segment of path.split('.')) {
    const [, name, list] = segmentPattern.exec(segment)!;
    found = found.flatMap((parent) => {
      if (typeof parent.value !== 'object' || parent.value === null || Array.isArray(parent.value)) return [];
      if (!Object.hasOwn(parent.value, name!)) return [];
      const value = (parent.value as Record<string, unknown>)[name!];
      const here = parent.path === '' ? name! : `${parent.path}.${name}`;
      if (!list) return [{ path: here, value }];
      return Array.isArray(value)
        ? value.map((element, index) => ({ path: `${here}.${index}`, value: element }))
        : [];
    });
  }
  return found;
}
