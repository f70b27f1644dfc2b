import { describe, expect, it } from 'vitest';
import { hashPassword } from './security/password.ts';
import { type UserInput, userJsonSchema, validateUserInput } from './user.ts';

const verifier = await hashPassword('Initial-pass-1', { memoryKiB: 64, iterations: 1, parallelism: 1 });

function user(overrides: Partial<UserInput> = {}): UserInput {
  return {
    username: 'zhangwei',
    displayName: '张伟',
    roles: ['clerk'],
    status: 'active',
    passwordVerifier: verifier,
    mustChangePassword: true,
    ...overrides,
  };
}

const codes = (input: UserInput) => {
  const result = validateUserInput(input);
  return result.ok ? [] : result.issues.map((i) => `${i.field}:${i.code}`);
};

describe('user validation', () => {
  it('accepts a user and normalizes the username and name', () => {
    expect(validateUserInput(user({ username: '  ZhangWei ', displayName: ' 张伟 ' }))).toEqual({
      ok: true,
      value: user(),
    });
    expect(validateUserInput(user({ username: 'ｚｈａｎｇ.wei_2' }))).toMatchObject({
      ok: true,
      value: { username: 'zhang.wei_2' },
    });
  });

  it('checks the username format', () => {
    for (const bad of ['zw', '-zhang', 'zhang wei', '张伟', 'a'.repeat(33)]) {
      expect(codes(user({ username: bad })), bad).toEqual(['username:user.usernameFormat']);
    }
  });

  it('requires a name within limits', () => {
    expect(codes(user({ displayName: '  ' }))).toEqual(['displayName:user.displayNameRequired']);
    expect(validateUserInput(user({ displayName: '名'.repeat(51) }))).toMatchObject({
      issues: [{ code: 'user.displayNameTooLong', params: { max: 50 } }],
    });
  });

  it('checks roles: present, known, once, auditor alone', () => {
    expect(codes(user({ roles: [] }))).toEqual(['roles:user.rolesRequired']);
    expect(codes(user({ roles: ['clerk', 'boss' as never] }))).toEqual(['roles:user.roleUnknown']);
    expect(codes(user({ roles: ['clerk', 'clerk'] }))).toEqual(['roles:user.roleDuplicate']);
    expect(codes(user({ roles: ['auditor', 'reviewer'] }))).toEqual(['roles:user.auditorExclusive']);
    expect(codes(user({ roles: ['clerk', 'reviewer', 'countyAdmin'] }))).toEqual([]);
    expect(codes(user({ roles: ['auditor'] }))).toEqual([]);
  });

  it('checks the status and that the verifier is an argon2id hash, never a password', () => {
    expect(codes(user({ status: 'locked' as never }))).toEqual(['status:user.status']);
    expect(codes(user({ passwordVerifier: 'Initial-pass-1' }))).toEqual([
      'passwordVerifier:user.passwordVerifier',
    ]);
    expect(codes(user({ passwordVerifier: `${verifier}${'A'.repeat(200)}` }))).toEqual([
      'passwordVerifier:user.passwordVerifier',
    ]);
  });
});

describe('users JSON schema', () => {
  it('declares every field, requires them all and indexes only required bounded strings', () => {
    const fields = Object.keys(userJsonSchema.properties);
    expect([...userJsonSchema.required].sort()).toEqual([...fields].sort());
    expect(fields).not.toContain('failedAttempts');
    for (const index of userJsonSchema.indexes) {
      const property = userJsonSchema.properties[index];
      expect(property.type).toBe('string');
      expect('maxLength' in property && property.maxLength).toBeGreaterThan(0);
    }
    for (const property of Object.values(userJsonSchema.properties)) {
      if (property.type === 'string') expect(property.maxLength).toBeGreaterThan(0);
    }
  });
});
