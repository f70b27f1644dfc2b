/**
 * The capability registry: one line per capability. Everything that handles synced collections on the
 * device and on the platform reads it (see shared/kit/capability.ts).
 */
import { auditCapability } from './audit/descriptor.ts';
import { casesCapability } from './cases/descriptor.ts';
import { commitmentsCapability } from './commitments/descriptor.ts';
import { creditRecordsCapability } from './creditRecords/descriptor.ts';
import { disclosuresCapability } from './disclosures/descriptor.ts';
import { inspectionsCapability } from './inspections/descriptor.ts';
import { CapabilityRegistry } from './kit/capability.ts';
import { listingsCapability } from './lists/descriptor.ts';
import { referenceCapability } from './reference/descriptor.ts';
import { subjectsCapability } from './subjects/descriptor.ts';
import { usersCapability } from './users/descriptor.ts';

/** In sync order: users first, so the platform knows the authors before their documents arrive. */
export const capabilities = new CapabilityRegistry([
  usersCapability,
  auditCapability,
  referenceCapability,
  subjectsCapability,
  creditRecordsCapability,
  disclosuresCapability,
  commitmentsCapability,
  casesCapability,
  inspectionsCapability,
  listingsCapability,
]);
