import { describe, expect, it } from 'vitest';
import { appendEntry } from './security/auditChain.ts';
import {
  auditEntryJsonSchema,
  reasonRequiredActions,
  requiresReason,
  validateAuditEntry,
} from './auditEntry.ts';

const entry = await appendEntry(null, {
  county: '410823',
  deviceId: 'device-a',
  at: '2026-03-02T08:00:00.000Z',
  userId: 'user-clerk',
  action: 'create',
  collectionName: 'subjects',
  documentId: 'subject-1',
  after: { name: '某公司' },
});

const fieldsOf = (value: unknown) => {
  const result = validateAuditEntry(value);
  return result.ok ? [] : result.issues.map((i) => `${i.field}:${i.code}`);
};

describe('audit entry validation', () => {
  it('accepts an entry made by appendEntry', () => {
    expect(validateAuditEntry(entry)).toEqual({ ok: true, value: entry });
  });

  it('names each malformed field', () => {
    expect(
      fieldsOf({
        ...entry,
        id: 'not-a-uuid',
        county: '4108',
        deviceId: 'device a',
        seq: 0,
        at: '2026-03-02 08:00',
        action: 'delete',
        collectionName: 'sub-jects',
        before: [1],
        hash: 'ABC',
        extra: true,
      }),
    ).toEqual([
      'id:auditEntry.invalidField',
      'county:auditEntry.invalidField',
      'deviceId:auditEntry.invalidField',
      'seq:auditEntry.invalidField',
      'at:auditEntry.invalidField',
      'action:auditEntry.invalidField',
      'collectionName:auditEntry.invalidField',
      'before:auditEntry.invalidField',
      'hash:auditEntry.invalidField',
      'extra:auditEntry.invalidField',
    ]);
    expect(fieldsOf(null)).toEqual([':auditEntry.invalidField']);
    expect(fieldsOf({ ...entry, after: { big: 'x'.repeat(70_000) } })).toEqual([
      'after:auditEntry.invalidField',
    ]);
    expect(fieldsOf({ ...entry, after: { when: new Date(0) } })).toEqual(['after:auditEntry.invalidField']);
  });

  it('allows an anonymous user only for a failed sign-in', () => {
    expect(fieldsOf({ ...entry, userId: '' })).toEqual(['userId:auditEntry.invalidField']);
    expect(fieldsOf({ ...entry, userId: '', action: 'signInFailed' })).toEqual([]);
  });

  it('requires a reason for the sensitive actions only', () => {
    for (const action of reasonRequiredActions) {
      expect(requiresReason(action)).toBe(true);
      expect(fieldsOf({ ...entry, action })).toEqual(['reason:auditEntry.reasonRequired']);
      expect(fieldsOf({ ...entry, action, reason: '按上级要求导出' })).toEqual([]);
    }
    expect(requiresReason('approve')).toBe(false);
  });
});

describe('auditLog JSON schema', () => {
  it('requires every field and indexes the chain order', () => {
    expect([...auditEntryJsonSchema.required].sort()).toEqual(
      Object.keys(auditEntryJsonSchema.properties).sort(),
    );
    expect(auditEntryJsonSchema.indexes[0]).toEqual(['deviceId', 'seq']);
    expect(Object.keys(auditEntryJsonSchema.properties)).not.toContain('collection');
  });
});
