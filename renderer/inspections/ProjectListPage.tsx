import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { InspectionDocument, ProjectDocument } from '../../shared/inspections/document.ts';
import { projectMatches } from '../../shared/inspections/project.ts';
import { useServices } from '../app/services.ts';
import { Fact } from '../kernel/ui/Fact.tsx';
import { ListPager, ListTotal, useListPage } from '../kernel/ui/ListPager.tsx';
import { InspectionTable } from './InspectionListPage.tsx';
import { ProjectTable } from './ProjectTable.tsx';

const pageSize = 50;

/** The projects register, latest change first, searched by name, address or permit number. */
export function ProjectListPage() {
  const { t } = useTranslation();
  const { projects } = useServices();
  const [result, setResult] = useState<{ total: number; more: boolean; items: ProjectDocument[] } | null>(
    null,
  );
  const [query, setQuery] = useState('');
  const [page, setPage] = useListPage([query]);
  useEffect(() => {
    const words = query.trim();
    const load = () =>
      projects
        .page({
          ...(words ? { accepts: (doc: ProjectDocument) => projectMatches(doc.project, words) } : {}),
          offset: (page - 1) * pageSize,
          limit: pageSize,
        })
        .then(setResult);
    load();
    const watching = projects.changes$.subscribe(load);
    return () => watching.unsubscribe();
  }, [projects, query, page]);
  const shown = result?.items ?? [];
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('projectUi.title')}</Title>
        {projects.canEdit() && (
          <Button component={Link} to="/projects/new">
            {t('projectUi.new')}
          </Button>
        )}
      </Group>
      <TextInput
        label={t('projectUi.search')}
        value={query}
        maw={420}
        onChange={(event) => setQuery(event.currentTarget.value)}
      />
      {result && result.total > pageSize && <ListTotal total={result.total} more={result.more} />}
      {shown.length === 0 ? <Text c="dimmed">{t('projectUi.none')}</Text> : <ProjectTable projects={shown} />}
      <ListPager found={result} pageSize={pageSize} page={page} onChange={setPage} />
    </Stack>
  );
}

/** A project: its facts, the enterprises in their roles, and the inspections made there. */
export function ProjectPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { projects, inspections, subjects } = useServices();
  const [doc, setDoc] = useState<ProjectDocument | null | undefined>(undefined);
  const [visits, setVisits] = useState<InspectionDocument[]>([]);
  useEffect(() => {
    const watching = projects.watch(id).subscribe(setDoc);
    const visiting = inspections.watchOfProject(id).subscribe(setVisits);
    return () => {
      watching.unsubscribe();
      visiting.unsubscribe();
    };
  }, [projects, inspections, id]);
  if (doc === undefined) return null;
  if (doc === null) return <Text>{t('projectUi.notFound')}</Text>;
  const project = doc.project;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{project.name}</Title>
        {projects.canEdit() && (
          <Button variant="default" component={Link} to={`/projects/${doc.id}/edit`}>
            {t('projectUi.edit')}
          </Button>
        )}
      </Group>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Fact label={t('projectUi.field.type')}>
            {project.type === '' ? '' : t(`projectUi.type.${project.type}`)}
          </Fact>
          <Fact label={t('projectUi.field.address')}>{project.address}</Fact>
          <Fact label={t('projectUi.field.division')}>{project.division}</Fact>
          <Fact label={t('projectUi.field.constructionPermit')}>{project.constructionPermit}</Fact>
          <Fact label={t('projectUi.field.presalePermit')}>{project.presalePermit}</Fact>
          <Fact label={t('projectUi.field.enterprises')} block>
            {project.enterprises.map((entry) => (
              <div key={`${entry.role}-${entry.subjectId}`}>
                {t(`projectUi.role.${entry.role}`)}：
                <Anchor component={Link} to={`/subjects/${entry.subjectId}`}>
                  {subjects.index.get(entry.subjectId)?.name ?? ''}
                </Anchor>
              </div>
            ))}
          </Fact>
        </SimpleGrid>
      </Paper>
      <Title order={4}>{t('projectUi.inspections')}</Title>
      {visits.length === 0 ? (
        <Text c="dimmed">{t('projectUi.noInspections')}</Text>
      ) : (
        <InspectionTable inspections={visits} />
      )}
    </Stack>
  );
}
