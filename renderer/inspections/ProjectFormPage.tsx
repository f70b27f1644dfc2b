import { ActionIcon, Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import {
  emptyProject,
  type ProjectContent,
  type ProjectRole,
  projectRoles,
  projectTypes,
} from '../../shared/inspections/project.ts';
import type { ValidationIssue } from '../../shared/base/validation.ts';
import { useServices } from '../app/services.ts';
import { FormActions } from '../kernel/ui/FormActions.tsx';
import { IssueSummary } from '../kernel/ui/issues.tsx';
import { SubjectIdSelect } from '../creditRecords/SubjectSelect.tsx';

/** The project's fields as the form labels them. */
export function projectFieldLabel(t: TFunction, field: string): string | null {
  const name = field.replace(/^project\./, '').split('.')[0] ?? '';
  return [
    'name',
    'type',
    'address',
    'division',
    'constructionPermit',
    'presalePermit',
    'enterprises',
  ].includes(name)
    ? t(`projectUi.field.${name}`)
    : null;
}

/** Registers a project, or changes one (`/projects/:id/edit`): name, type, address, permits, enterprises. */
export function ProjectFormPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id } = useParams();
  const { projects } = useServices();
  const [project, setProject] = useState<ProjectContent>(emptyProject);
  /** A key per enterprise row, so React keeps each row's inputs with it when one above is removed. */
  const [rowKeys, setRowKeys] = useState<string[]>([]);
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!id) return;
    projects.get(id).then((found) => {
      if (!found) return;
      setProject(found.project);
      setRowKeys(found.project.enterprises.map(() => crypto.randomUUID()));
    });
  }, [projects, id]);

  const set = <K extends keyof ProjectContent>(field: K, value: ProjectContent[K]) =>
    setProject((current) => ({ ...current, [field]: value }));
  const text = (field: 'name' | 'address' | 'division' | 'constructionPermit' | 'presalePermit') => (
    <TextInput
      label={t(`projectUi.field.${field}`)}
      required={field === 'name'}
      value={project[field]}
      onChange={(event) => set(field, event.currentTarget.value)}
    />
  );

  const save = async () => {
    setBusy(true);
    try {
      const saved = id ? await projects.update(id, project) : await projects.create(project);
      if (saved.ok) navigate(`/projects/${saved.value.id}`);
      else setIssues(saved.issues);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack maw={760}>
      <Title order={2}>{t(id ? 'projectUi.form.editTitle' : 'projectUi.form.title')}</Title>
      <Paper withBorder p="md">
        <Stack>
          {text('name')}
          <Select
            label={t('projectUi.field.type')}
            required
            value={project.type === '' ? null : project.type}
            data={projectTypes.map((value) => ({ value, label: t(`projectUi.type.${value}`) }))}
            onChange={(value) => set('type', (value ?? '') as ProjectContent['type'])}
          />
          {text('address')}
          {text('division')}
          {text('constructionPermit')}
          {text('presalePermit')}
          <Text fw={500} size="sm">
            {t('projectUi.field.enterprises')}
          </Text>
          {project.enterprises.map((entry, index) => (
            <Group key={rowKeys[index]} align="flex-end" wrap="nowrap">
              <Select
                label={t('projectUi.field.role')}
                value={entry.role}
                allowDeselect={false}
                data={projectRoles.map((value) => ({ value, label: t(`projectUi.role.${value}`) }))}
                onChange={(value) =>
                  set(
                    'enterprises',
                    project.enterprises.map((one, at) =>
                      at === index ? { ...one, role: (value ?? one.role) as ProjectRole } : one,
                    ),
                  )
                }
              />
              <div style={{ flex: 1 }}>
                <SubjectIdSelect
                  label={t('projectUi.field.enterprise')}
                  kind="enterprise"
                  value={entry.subjectId}
                  onChange={(subjectId) =>
                    set(
                      'enterprises',
                      project.enterprises.map((one, at) => (at === index ? { ...one, subjectId } : one)),
                    )
                  }
                />
              </div>
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                aria-label={t('projectUi.removeEnterprise')}
                onClick={() =>
                  set(
                    'enterprises',
                    project.enterprises.filter((_, at) => at !== index),
                  )
                }
              >
                <IconTrash size={18} />
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button
              variant="default"
              onClick={() => set('enterprises', [...project.enterprises, { role: 'builder', subjectId: '' }])}
            >
              {t('projectUi.addEnterprise')}
            </Button>
          </Group>
          <IssueSummary issues={issues} labelOf={(field) => projectFieldLabel(t, field)} />
          <FormActions
            onCancel={() => navigate(id ? `/projects/${id}` : '/projects')}
            onConfirm={save}
            label={t(id ? 'projectUi.form.saveChanges' : 'projectUi.form.save')}
            loading={busy}
          />
        </Stack>
      </Paper>
    </Stack>
  );
}
