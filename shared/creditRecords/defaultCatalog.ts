/**
 * The default public credit information catalog for a county housing office: construction market (JZ),
 * real-estate development (FK), property services (WY), real-estate brokerage (JJ) and cross-sector
 * items (TY). Codes read sector-category-number; categories JC basic, ZX enhancing, YB general dishonest,
 * YZ serious dishonest, FX risk warning. Cities replace or extend it through `catalogItem` documents.
 * Version 2026.2 added the commitment items (TY-JC-01, TY-ZX-02, TY-YB-01, TY-YZ-01, WY-YB-03, JJ-YB-03);
 * a profile seeded with 2026.1 keeps its catalog until the city publishes them.
 */
import type { CatalogItem } from './catalog.ts';
import { brokerageItems } from './defaultCatalog/brokerage.ts';
import { constructionItems } from './defaultCatalog/construction.ts';
import { crossSectorItems } from './defaultCatalog/crossSector.ts';
import { developmentItems } from './defaultCatalog/development.ts';
import { inspectionFindingItems } from './defaultCatalog/inspectionFindings.ts';
import { propertyItems } from './defaultCatalog/property.ts';

export { defaultCatalogVersion } from './defaultCatalog/items.ts';

/** One file per sector (defaultCatalog/), in this order. */
export const defaultCatalog: readonly CatalogItem[] = [
  ...constructionItems,
  ...developmentItems,
  ...propertyItems,
  ...brokerageItems,
  ...crossSectorItems,
  ...inspectionFindingItems,
];
