// The lists' first pages at a realistic size, in Chromium (run by bench/listPages.ts): documents are
// written straight into a profile in their stored shape (as a sync pull would write them), the profile
// is opened again, and each list's first pages are read through its repository, timed against reading
// every document of the list as the lists did before, in the same run.
import { CommitmentRepository } from '../../renderer/commitments/repository.ts';
import { ReferenceRepository } from '../../renderer/reference/repository.ts';
import { openTestProfile } from '../../renderer/kernel/security/testSupport.ts';
import { memorySecretStore } from '../../renderer/kernel/security/testSupport.ts';
import { pushedCommitment } from '../../shared/commitments/testFixtures.ts';
import {
  type CommitmentStatus,
  type CommitmentType,
  commitmentTypes,
} from '../../shared/commitments/types.ts';

const parameters = new URLSearchParams(location.search);
const count = Number(parameters.get('count') ?? 20_000);
const secrets = memorySecretStore();
const now = { value: new Date('2026-11-20T08:00:00Z') };
const name = 'bench-list-pages';
const chunk = 5_000;
const base = Date.UTC(2022, 0, 1);
const statuses: CommitmentStatus[] = ['accepted', 'accepted', 'fulfilled', 'notFulfilled', 'withdrawn'];
const family = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];

interface Measured {
  list: string;
  count: number;
  writtenMs: number;
  baselineMs: number;
  pages: Record<string, number>;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

const open = () => openTestProfile(name, { secrets, now });

/** Letters over five years, one an hour, of varied parties, types, statuses and deadlines. */
async function writeCommitments(): Promise<number> {
  const profile = await open();
  const start = performance.now();
  for (let from = 0; from < count; from += chunk) {
    const docs = [];
    for (let n = from; n < Math.min(count, from + chunk); n++) {
      const at = new Date(base + n * 3_600_000).toISOString();
      const status = statuses[n % statuses.length]!;
      const type: CommitmentType = commitmentTypes[n % commitmentTypes.length]!;
      const deadline = new Date(Date.UTC(2026, 10, 1) + (n % 60) * 86_400_000).toISOString().slice(0, 10);
      docs.push(
        pushedCommitment('410823', 'bench', n, at, {
          status,
          type,
          subjectName: `${family[Math.floor(n / 5) % family.length]}${n % 7919}建筑工程有限公司`,
          materialsDeadline: deadline,
        }),
      );
    }
    const written = await profile.db.commitments.bulkInsert(docs);
    if (written.error.length > 0) throw new Error(`writing letters failed: ${written.error[0]!.status}`);
  }
  const ms = performance.now() - start;
  await profile.close();
  return ms;
}

async function measureCommitments(): Promise<Measured> {
  const writtenMs = await writeCommitments();
  const profile = await open();
  const reference = await ReferenceRepository.open(profile.db.reference);
  const commitments = new CommitmentRepository(profile.db.commitments, profile.local, profile.context, {
    reference,
    subjects: undefined as never,
    records: undefined as never,
    journal: undefined as never,
    attachments: undefined as never,
    office: { county: '410823', officeName: '武陟县住房和城乡建设局' },
    provisions: undefined as never,
  });
  const pages: Record<string, number> = {};
  pages['first page, recent first'] = await timed(() => commitments.page({ limit: 50 }));
  pages['first page, by party name'] = await timed(() => commitments.page({ order: 'name', limit: 50 }));
  pages['next page, recent first'] = await timed(() => commitments.page({ offset: 50, limit: 50 }));
  pages['status accepted'] = await timed(() => commitments.page({ status: 'accepted', limit: 50 }));
  pages['status accepted, by name'] = await timed(() =>
    commitments.page({ status: 'accepted', order: 'name', limit: 50 }),
  );
  pages.type = await timed(() => commitments.page({ type: 'industrySelfDiscipline', limit: 50 }));
  pages['open only'] = await timed(() => commitments.page({ open: true, limit: 50 }));
  pages['follow-up overdue'] = await timed(() => commitments.page({ followUp: 'overdue', limit: 50 }));
  pages['number or name words'] = await timed(() => commitments.page({ text: '王12', limit: 50 }));
  pages['first page again (warm)'] = await timed(() => commitments.page({ limit: 50 }));
  const baselineMs = await timed(async () => (await commitments.list()).slice(0, 50));
  await profile.close();
  return { list: 'commitments', count, writtenMs, baselineMs, pages };
}

async function run(): Promise<Measured[]> {
  return [await measureCommitments()];
}

run().then(
  (result) => {
    document.getElementById('out')!.textContent = JSON.stringify(result);
  },
  (error: unknown) => {
    document.getElementById('out')!.textContent =
      `ERROR ${error instanceof Error ? error.stack : String(error)}`;
  },
);
