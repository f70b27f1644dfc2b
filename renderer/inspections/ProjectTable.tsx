import { Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectDocument } from '../../shared/inspections/document.ts';
import { useServices } from '../app/services.ts';
import { ListTable } from '../kernel/ui/ListTable.tsx';
import { RowLink } from './touch.tsx';

/** Projects in a table: name, type, address, permits. */
export function ProjectTable({ projects }: { projects: readonly ProjectDocument[] }) {
  const { t } = useTranslation();
  return (
    <ListTable
      striped
      highlightOnHover
      data-testid="project-table"
      columns={[
        t('projectUi.field.name'),
        t('projectUi.field.type'),
        t('projectUi.field.address'),
        t('projectUi.permits'),
      ]}
    >
      {projects.map((doc) => (
        <Table.Tr key={doc.id}>
          <Table.Td>
            <RowLink to={`/projects/${doc.id}`}>{doc.project.name}</RowLink>
          </Table.Td>
          <Table.Td>{doc.project.type === '' ? '' : t(`projectUi.type.${doc.project.type}`)}</Table.Td>
          <Table.Td>{doc.project.address}</Table.Td>
          <Table.Td>
            {[doc.project.constructionPermit, doc.project.presalePermit].filter(Boolean).join('；')}
          </Table.Td>
        </Table.Tr>
      ))}
    </ListTable>
  );
}

/** The projects a subject takes part in (on its Inspections tab). */
export function SubjectProjects({ subjectId }: { subjectId: string }) {
  const { t } = useTranslation();
  const { projects } = useServices();
  const [found, setFound] = useState<ProjectDocument[]>([]);
  useEffect(() => {
    const watching = projects
      .watchAll()
      .subscribe((all) =>
        setFound(all.filter((doc) => doc.project.enterprises.some((entry) => entry.subjectId === subjectId))),
      );
    return () => watching.unsubscribe();
  }, [projects, subjectId]);
  return (
    <Stack gap="xs">
      <Title order={4}>{t('projectUi.ofSubject')}</Title>
      {found.length === 0 ? (
        <Text c="dimmed">{t('projectUi.noneOfSubject')}</Text>
      ) : (
        <ProjectTable projects={found} />
      )}
    </Stack>
  );
}
