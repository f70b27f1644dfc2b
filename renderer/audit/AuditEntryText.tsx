import { Anchor, Collapse, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Fragment, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AuditEntry } from '../../shared/base/auditEntry.ts';
import type { UserDocument } from '../../shared/base/user.ts';
import { bulkCreationOf } from '../../shared/base/security/auditChain.ts';
import { useServices } from '../app/services.ts';
import { recordFieldLabel, recordValueText } from '../creditRecords/recordText.ts';
import { type AuditRecord, auditSentence, recordFromEntry, recordMarker, recordPhrase } from './auditText.ts';

const recordKey = (entry: AuditEntry) => `${entry.collectionName}/${entry.documentId}`;

/** Where a record of each collection opens. */
const recordPaths: Readonly<Record<string, (id: string) => string>> = {
  subjects: (id) => `/subjects/${id}`,
  creditRecords: (id) => `/credit/records/${id}`,
  disclosures: (id) => `/credit/disclosures/${id}`,
};

/** The name and kind of each record the entries concern, as the database holds them now. */
export function useAuditRecords(
  entries: readonly AuditEntry[] | null,
  people: readonly UserDocument[],
): ReadonlyMap<string, AuditRecord> {
  const { subjects, creditRecords, disclosures } = useServices();
  const [records, setRecords] = useState<ReadonlyMap<string, AuditRecord>>(new Map());
  useEffect(() => {
    let current = true;
    const load = async () => {
      const found = new Map<string, AuditRecord>();
      for (const entry of entries ?? []) {
        const key = recordKey(entry);
        if (found.has(key) || entry.documentId === '') continue;
        const id = entry.documentId;
        switch (entry.collectionName) {
          case 'subjects': {
            const subject = subjects.index.get(id);
            if (subject) found.set(key, { kind: subject.kind, name: subject.name });
            break;
          }
          case 'creditRecords': {
            const record = await creditRecords.get(id);
            if (record) found.set(key, { name: record.title });
            break;
          }
          case 'disclosures': {
            const decision = await disclosures.get(id);
            if (decision) found.set(key, { kind: decision.kind, name: decision.documentNumber });
            break;
          }
          case 'users': {
            const user = people.find((person) => person.id === id);
            if (user) found.set(key, { name: `${user.displayName}（${user.username}）` });
            break;
          }
        }
      }
      if (current) setRecords(found);
    };
    void load();
    return () => {
      current = false;
    };
  }, [entries, people, subjects, creditRecords, disclosures]);
  return records;
}

/** One entry of the trail as a sentence, the record as a link, the changed values behind a toggle. */
export function AuditEntryText({
  entry,
  user,
  records,
}: {
  entry: AuditEntry;
  user: string;
  records: ReadonlyMap<string, AuditRecord>;
}) {
  const { t } = useTranslation();
  const [open, { toggle }] = useDisclosure(false);
  const fromEntry = recordFromEntry(entry);
  const known = records.get(recordKey(entry));
  const record = { kind: known?.kind ?? fromEntry.kind, name: known?.name ?? fromEntry.name };
  const sentence = auditSentence(t, entry, user, record, { marker: true });
  const path = known ? recordPaths[entry.collectionName]?.(entry.documentId) : undefined;
  const phrase = recordPhrase(t, entry.collectionName, record);
  const parts = sentence.split(recordMarker);
  const details = entryDetails(entry);
  return (
    <Stack gap={4}>
      <Text size="sm">
        {parts.map((part, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one sentence never move
          <Fragment key={index}>
            {index > 0 &&
              (path ? (
                <Anchor component={Link} to={path} size="sm">
                  {phrase}
                </Anchor>
              ) : (
                phrase
              ))}
            {part}
          </Fragment>
        ))}
      </Text>
      {details.length > 0 && (
        <>
          <UnstyledButton onClick={toggle} fz="xs" c="indigo" aria-expanded={open}>
            {open ? t('auditText.hideDetails') : t('auditText.details')}
          </UnstyledButton>
          <Collapse expanded={open}>
            <DetailsTable entry={entry} rows={details} kind={record.kind} />
          </Collapse>
        </>
      )}
    </Stack>
  );
}

/** The fields behind the toggle: what a creation stored. A change's sentence names every field already. */
function entryDetails(entry: AuditEntry): string[] {
  if (entry.action !== 'create' || !entry.after || bulkCreationOf(entry)) return [];
  return Object.keys(entry.after);
}

function DetailsTable({ entry, rows, kind }: { entry: AuditEntry; rows: string[]; kind?: string }) {
  const { t } = useTranslation();
  const collection = entry.collectionName;
  return (
    <Table withTableBorder fz="xs" layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="30%">{t('auditText.field')}</Table.Th>
          <Table.Th>{t('auditText.value')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((field) => (
          <Table.Tr key={field}>
            <Table.Td>{recordFieldLabel(t, collection, field, kind)}</Table.Td>
            <Table.Td>{recordValueText(t, collection, field, entry.after?.[field])}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
