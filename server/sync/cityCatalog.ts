/** The city's credit information catalog as the platform holds it, for validating pushed credit records. */
import { defaultCatalog } from '../../shared/creditRecords/defaultCatalog.ts';
import type { CatalogItem } from '../../shared/creditRecords/catalog.ts';
import type { Queryable } from '../db/database.ts';

/**
 * The default catalog with the city's published `catalogItem` reference documents laid over it by code:
 * a published item replaces the default item of its code or adds a new code; a deleted one withdraws its
 * code. Devices see the same catalog: they seed the default and pull the city's items over it.
 */
export async function loadCityCatalog(db: Queryable): Promise<CatalogItem[]> {
  const { rows } = await db.query<{ deleted: boolean; body: CatalogItem & { updatedAt: string } }>(
    `SELECT deleted, body FROM documents
     WHERE collection = 'reference' AND feed = '*' AND body ->> 'kind' = 'catalogItem'
     ORDER BY body ->> 'updatedAt', sequence`,
  );
  const byCode = new Map<string, CatalogItem>(defaultCatalog.map((item) => [item.code, item]));
  for (const { deleted, body } of rows) {
    if (deleted) byCode.delete(body.code);
    else byCode.set(body.code, body);
  }
  return [...byCode.values()];
}
