/**
 * Commitment numbers from the blocks the platform hands out (shared/provisions/protocol.ts), on real
 * profiles (RxDB on fake-indexeddb) and the real platform on loopback: two computers of one county number
 * letters offline on the same day and both push them without a collision; a computer enrolled before
 * blocks existed gets one when it next reaches the platform, and refuses to number while it cannot.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { SubjectDocument } from '../../shared/subjects/model.ts';
import { withUsccCheck } from '../../shared/creditRecords/testFixtures.ts';
import type { CommitmentRepository } from '../../renderer/commitments/repository.ts';
import { DeviceProvisions } from '../../renderer/provisions/deviceProvisions.ts';
import type { SignedInSession } from '../../renderer/kernel/security/session.ts';
import { PlatformClient, PlatformError } from '../../renderer/kernel/sync/platformClient.ts';
import { addCounty } from '../../server/accounts/counties.ts';
import { countyStaff, seedCountyStaff } from '../../server/fixtures/users.ts';
import { createRows, type TestDevice, usePlatform } from '../../server/test/harness.ts';
import {
  commitmentRepositoryOf,
  county,
  enterpriseInput,
  missingMaterialsLetter,
  openProfile,
  type Profile,
  registerSubject,
} from './creditHarness.ts';
import { memorySecrets } from './harness.ts';

const office = { county, officeName: '武陟县住房和城乡建设局' };
const staff = countyStaff(county);
const clerk: SignedInSession = {
  userId: staff.clerk,
  userName: '张敏',
  county,
  username: `clerk-${county}`,
  roles: ['clerk'],
};

/** A county computer: its profile, its enrollment, and whether it can reach the platform now. */
interface Computer {
  profile: Profile;
  device: TestDevice;
  commitments: CommitmentRepository;
  subject: SubjectDocument;
  online: boolean;
  /** Serial-block requests it sent to the platform. */
  asked: number;
}

const open: Profile[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((profile) => profile.close()));
});

describe('commitment numbers from platform serial blocks', () => {
  const env = usePlatform('pglite');
  let countyReady: Promise<unknown> | null = null;

  async function computer(n: number, provisioned = true): Promise<Computer> {
    countyReady ??= addCounty(env.platform.database, {
      code: county,
      nameZh: '武陟县',
      nameEn: 'Wuzhi County',
    }).then(() => seedCountyStaff(env.platform.database, county));
    await countyReady;
    const profile = await openProfile('2026-03-06T02:00:00.000Z', undefined, [
      'subjects',
      'reference',
      'creditRecords',
      'commitments',
      'auditLog',
    ]);
    open.push(profile);
    profile.signIn(clerk);
    const device = await env.enroll(county, `counter ${n}`);
    const client = new PlatformClient(env.url, device.token);
    const provisions = new DeviceProvisions(profile.local, memorySecrets());
    const self = { profile, device, online: true, asked: 0 } as Computer;
    provisions.connect({
      enrolled: () => true,
      fetchProvisions: async (moreSerials) => {
        self.asked++;
        if (!self.online) throw new PlatformError(0, null, 'Failed to fetch');
        const answer = await client.provisions(moreSerials);
        await provisions.apply(answer);
        return answer;
      },
    });
    if (provisioned) await provisions.apply(await client.provisions());
    self.commitments = commitmentRepositoryOf(profile, office, provisions);

    self.subject = await registerSubject(
      profile,
      enterpriseInput({ name: `武陟县第${n}建筑有限公司`, code: withUsccCheck(`91410823MA0R${n}K6L7`) }),
    );
    return self;
  }

  it('two computers of one county number offline on the same day and both sync without a collision', async () => {
    const first = await computer(1);
    const second = await computer(2);
    first.online = false;
    second.online = false;
    const numbers: string[][] = [[], []];
    for (const [index, each] of [first, second].entries()) {
      for (let i = 0; i < 3; i++) {
        const created = await each.commitments.create(missingMaterialsLetter(each.subject.id));
        if (!created.ok) throw new Error(JSON.stringify(created.issues));
        numbers[index]!.push(created.value.number);
      }
    }
    // Blocks 1 and 2 of the county: serials 010000… and 020000…, never the same number.
    expect(numbers[0]).toEqual(['41082320260306010000', '41082320260306010001', '41082320260306010002']);
    expect(numbers[1]).toEqual(['41082320260306020000', '41082320260306020001', '41082320260306020002']);
    expect(first.asked + second.asked).toBe(0);

    for (const each of [first, second]) {
      const subjects = await each.profile.db.subjects.find().exec();
      const pushedSubjects = await each.device.push(
        'subjects',
        createRows(subjects.map((doc) => doc.toJSON())),
      );
      expect(pushedSubjects.body.rejected).toEqual([]);
      const letters = (await each.commitments.all()).map((doc) => ({ ...doc }));
      const pushed = await each.device.push('commitments', createRows(letters));
      expect(pushed.status).toBe(200);
      expect(pushed.body).toEqual({ conflicts: [], rejected: [], epoch: 1 });
    }
    const onPlatform = await first.device.pullAll('commitments');
    expect(onPlatform.map((doc) => doc.number).sort()).toEqual([...numbers[0]!, ...numbers[1]!].sort());
  });

  it('a computer enrolled before blocks existed asks for one on its next number, and refuses while offline', async () => {
    const late = await computer(3, false);
    late.online = false;
    const refused = await late.commitments.create(missingMaterialsLetter(late.subject.id));
    expect(refused).toMatchObject({
      ok: false,
      issues: [{ field: 'number', code: 'commitment.serialBlockAwaited' }],
    });
    expect(await late.commitments.all()).toEqual([]);
    expect(await late.commitments.serialBlockState()).toMatchObject({
      holding: { mode: 'awaiting' },
      blocks: [],
    });

    late.online = true;
    const created = await late.commitments.create(missingMaterialsLetter(late.subject.id));
    if (!created.ok) throw new Error(JSON.stringify(created.issues));
    const state = await late.commitments.serialBlockState();
    expect(state.holding).toMatchObject({ mode: 'platform' });
    const [block] = state.blocks;
    expect(created.value.number).toBe(`41082320260306${String(block!.first).padStart(6, '0')}`);
    expect(state.blocks).toHaveLength(1);
    expect(state.leftToday).toBe(block!.last - block!.first);
  });

  it('an administrator asks for one more block; offline the request says so and nothing changes', async () => {
    const each = await computer(4);
    const before = await each.commitments.serialBlockState();
    expect(await each.commitments.requestSerialBlock()).toMatchObject({
      ok: false,
      issues: [{ code: 'permission.denied' }],
    });
    each.profile.signIn({ ...clerk, userId: staff.admin, roles: ['countyAdmin'] });
    each.online = false;
    expect(await each.commitments.requestSerialBlock()).toMatchObject({
      ok: false,
      refusal: { reason: 'offline' },
    });
    expect(await each.commitments.serialBlockState()).toEqual(before);
    each.online = true;
    const more = await each.commitments.requestSerialBlock();
    if (!more.ok) throw new Error(JSON.stringify(more));
    expect(more.value.blocks).toHaveLength(2);
    expect(more.value.leftToday).toBe(2 * 10_000);
  });
});
