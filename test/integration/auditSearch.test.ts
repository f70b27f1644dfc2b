/**
 * The audit trail's search reads through its indexes from the newest entry, only as far as its limit: the
 * same entries in the same order (newest first, by sequence within one instant) as reading every entry,
 * filtering and sorting, for every filter the auditor's screen offers.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditAction, AuditEntry } from '../../shared/base/auditEntry.ts';
import type { AuditFilter } from '../../renderer/kernel/security/audit.ts';
import { openProfile, type Profile } from './creditHarness.ts';
import { seededNumbers } from './seededData.ts';

let profile: Profile;
afterEach(async () => {
  await profile.close();
});

const actions: AuditAction[] = ['create', 'update', 'statusChange', 'approve'];
const byNewest = (a: AuditEntry, b: AuditEntry) => (a.at !== b.at ? (a.at < b.at ? 1 : -1) : b.seq - a.seq);

describe('the audit search', () => {
  it('gives what reading every entry gives, newest first, for each filter and limit', async () => {
    profile = await openProfile('2026-06-01T02:00:00.000Z');
    const random = seededNumbers(3);
    // Entries over three days, up to five at one instant, by three users about six documents.
    for (let n = 0; n < 150; n++) {
      if (n % 5 === 0)
        profile.setNow(`2026-06-0${1 + Math.floor(n / 50)}T0${Math.floor(random() * 9)}:00:00.000Z`);
      await profile.context.audit.append(`user-${n % 3}`, {
        action: actions[Math.floor(random() * actions.length)]!,
        collectionName: 'subjects',
        documentId: `019a0000-0000-7000-8000-00000000000${n % 6}`,
        after: { n },
      });
    }
    const every = (await profile.db.auditLog.find().exec())
      .map((doc) => doc.toJSON() as unknown as AuditEntry)
      .sort(byNewest);
    expect(every.length).toBeGreaterThanOrEqual(150);
    const filters: AuditFilter[] = [
      {},
      { userId: 'user-1' },
      { action: 'update' },
      { documentId: '019a0000-0000-7000-8000-000000000002' },
      { userId: 'user-2', documentId: '019a0000-0000-7000-8000-000000000002' },
      { from: '2026-06-02T00:00:00.000Z', to: '2026-06-02T23:59:59.999Z' },
      { userId: 'user-0', action: 'create', from: '2026-06-01T03:00:00.000Z' },
    ];
    for (const filter of filters) {
      const matching = every.filter(
        (entry) =>
          (filter.userId === undefined || entry.userId === filter.userId) &&
          (filter.action === undefined || entry.action === filter.action) &&
          (filter.documentId === undefined || entry.documentId === filter.documentId) &&
          (filter.from === undefined || entry.at >= filter.from) &&
          (filter.to === undefined || entry.at <= filter.to),
      );
      expect(matching.length, JSON.stringify(filter)).toBeGreaterThan(3);
      for (const limit of [undefined, 1, 3, 7, 500]) {
        const found = await profile.context.audit.search({ ...filter, ...(limit ? { limit } : {}) });
        expect(
          found.map((entry) => [entry.at, entry.seq]),
          `${JSON.stringify(filter)} limit ${limit}`,
        ).toEqual(matching.slice(0, limit).map((entry) => [entry.at, entry.seq]));
      }
    }
  });
});
