import { useEffect, useState } from 'react';
import type { BaseDocument, StampFields } from '../../../shared/model/document.ts';

/** A document as its form edits it: without the stamps the repository writes. */
export function withoutStamps<T extends BaseDocument>(doc: T): Omit<T, StampFields> {
  const {
    id: _id,
    county: _county,
    createdAt: _createdAt,
    updatedAt: _updatedAt,
    createdBy: _createdBy,
    updatedBy: _updatedBy,
    ...input
  } = doc;
  return input;
}

/** The document a repository holds under `id`: undefined while it loads, null when there is none. */
export function useDocument<T>(
  repository: { get(id: string): Promise<T | null> },
  id: string,
): T | null | undefined {
  const [doc, setDoc] = useState<T | null | undefined>(undefined);
  useEffect(() => {
    repository.get(id).then(setDoc);
  }, [repository, id]);
  return doc;
}
