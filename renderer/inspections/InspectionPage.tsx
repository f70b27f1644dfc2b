import {
  Alert,
  Button,
  Card,
  FileButton,
  Group,
  Image,
  Loader,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCamera } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { ChecklistItem } from '../../shared/inspections/checklists.ts';
import { useRecordedChecklist } from './useChecklist.ts';
import type { InspectionDocument, StoredItem } from '../../shared/inspections/document.ts';
import { defaultRectificationDays, rectificationDeadline } from '../../shared/inspections/rectification.ts';
import {
  type Finding,
  type FindingSeverity,
  findingSeverities,
  itemResults,
} from '../../shared/inspections/record.ts';
import type { InspectionStep } from '../../shared/inspections/workflows.ts';
import type { Attachment } from '../../shared/base/attachment.ts';
import type { ValidationIssue } from '../../shared/base/validation.ts';
import { uuidv7 } from '../../shared/base/uuid.ts';
import { useServices } from '../app/services.ts';
import { StepDialog, type StepSpec } from '../kernel/ui/StepDialog.tsx';
import { IssueSummary, issueText } from '../kernel/ui/issues.tsx';
import { useUserNames } from '../creditRecords/useUserNames.ts';
import { localDate } from '../kernel/session/session.ts';
import { InspectionStateBadge, originLabel } from './InspectionListPage.tsx';
import { DraftAutosave, keepEveryMs, saveEveryMs } from './autosave.ts';
import { preparePhoto } from './photoIntake.ts';
import { PublicityPanel } from './PublicityPanel.tsx';
import { RectificationOrders } from './RectificationOrders.tsx';
import type { InspectionFields } from './repository.ts';
import { SignaturePad } from './SignaturePad.tsx';

function fieldsOf(doc: InspectionDocument): InspectionFields {
  const {
    id: _id,
    county: _county,
    createdAt: _createdAt,
    updatedAt: _updatedAt,
    createdBy: _createdBy,
    updatedBy: _updatedBy,
    kind: _kind,
    state: _state,
    steps: _steps,
    rectifications: _rectifications,
    ...fields
  } = doc;
  return fields;
}

/** One inspection: the form while it is a draft its inspector may change, else the record; its steps. */
export function InspectionPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { inspections } = useServices();
  const [doc, setDoc] = useState<InspectionDocument | null | undefined>(undefined);
  useEffect(() => {
    const subscription = inspections.watch(id).subscribe(setDoc);
    return () => subscription.unsubscribe();
  }, [inspections, id]);
  if (doc === undefined) return <Loader />;
  if (doc === null) return <Text>{t('inspectionUi.notFound')}</Text>;
  const editable = inspections.mayEdit(doc);
  return (
    <Stack maw={960}>
      <InspectionHeader doc={doc} />
      {!editable && doc.state === 'draft' && inspections.canRecord() && (
        <Alert color="gray" data-testid="read-only">
          {t('rectificationUi.readOnly')}
        </Alert>
      )}
      {editable ? <InspectionForm key={doc.id} doc={doc} /> : <InspectionRecordView doc={doc} />}
      <RectificationOrders doc={doc} />
      <PublicityPanel doc={doc} />
      <InspectionSteps doc={doc} />
    </Stack>
  );
}

function InspectionHeader({ doc }: { doc: InspectionDocument }) {
  const { t, i18n } = useTranslation();
  const { subjects } = useServices();
  const nameOf = useUserNames();
  const labelled = (label: string, value: string) => t('inspectionUi.labelled', { label, value });
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={2}>{subjects.index.get(doc.subjectId)?.name ?? t('inspectionUi.title')}</Title>
        <InspectionStateBadge state={doc.state} />
      </Group>
      <Text>
        {doc.adHocNote ? labelled(t(originLabel(doc)), doc.adHocNote) : t(originLabel(doc))} ·{' '}
        {new Date(doc.startedAt).toLocaleString(i18n.language)}
      </Text>
      <Text size="sm">
        {labelled(
          t('inspectionUi.fact.inspectors'),
          doc.inspectors.map(nameOf).join(t('inspectionUi.listSeparator')),
        )}
      </Text>
      <Text size="sm">
        {labelled(
          t('inspectionUi.fact.creditBefore'),
          `${doc.gradeBefore || t('inspectionUi.fact.ungraded')}${doc.raisedBefore ? t('inspectionUi.fact.raised') : ''}`,
        )}
      </Text>
      <Text size="sm">
        {labelled(
          t('inspectionUi.fact.template'),
          t('inspectionUi.fact.templateValue', {
            industry: t(`subject.industry.${doc.templateIndustry}`),
            version: doc.templateVersion,
            depth: t(`inspectionUi.depth.${doc.depth}`),
          }),
        )}
      </Text>
    </Stack>
  );
}

/**
 * The draft's form: kept on this computer every few seconds (restored when reopened), written to the
 * inspection on leaving, on Save, on ending the visit and every few minutes (autosave.ts).
 */
function InspectionForm({ doc }: { doc: InspectionDocument }) {
  const { t, i18n } = useTranslation();
  const { inspections, reference, context } = useServices();
  const [fields, setFields] = useState<InspectionFields | null>(null);
  const [held, setHeld] = useState<ValidationIssue[]>([]);
  const [keptAt, setKeptAt] = useState('');
  const [photoIssues, setPhotoIssues] = useState<ValidationIssue[]>([]);
  const autosave = useMemo(() => new DraftAutosave(inspections, doc.id), [inspections, doc.id]);
  const today = localDate(context.clock());

  // Loaded once per inspection: later versions of the document are this form's own saves.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `doc` is read once, on opening
  useEffect(() => {
    let live = true;
    inspections.formState(doc.id).then((restored) => {
      if (!live) return;
      if (restored) notifications.show({ message: t('inspectionUi.restored') });
      autosave.open(restored ?? fieldsOf(doc), restored !== null);
      setFields(restored ?? fieldsOf(doc));
    });
    return () => {
      live = false;
    };
  }, [autosave]);

  const time = useCallback(() => new Date().toLocaleTimeString(i18n.language), [i18n.language]);
  const keep = useCallback(async () => {
    if (await autosave.keep()) setKeptAt(time());
  }, [autosave, time]);
  const save = useCallback(async () => {
    const outcome = await autosave.save();
    if (!outcome) return;
    setHeld(outcome.saved ? [] : outcome.issues);
    setKeptAt(time());
  }, [autosave, time]);

  useEffect(() => {
    const keeping = setInterval(keep, keepEveryMs);
    const saving = setInterval(save, saveEveryMs);
    const onHide = () => void save();
    window.addEventListener('pagehide', onHide);
    return () => {
      clearInterval(keeping);
      clearInterval(saving);
      window.removeEventListener('pagehide', onHide);
      void save();
    };
  }, [keep, save]);

  const template = useRecordedChecklist(doc);
  if (!fields) return <Loader />;
  const change = (next: InspectionFields) => {
    autosave.change(next);
    setFields(next);
  };
  const changeNow = (next: InspectionFields) => {
    change(next);
    void keep();
  };
  const setItem = (code: string, patch: Partial<StoredItem>, now = false) => {
    const items = fields.items.map((item) => (item.code === code ? { ...item, ...patch } : item));
    let findings = fields.findings;
    if (patch.result !== undefined && patch.result !== 'nonCompliant') {
      findings = findings.filter((finding) => finding.itemCode !== code);
    } else if (patch.result === 'nonCompliant' && !findings.some((finding) => finding.itemCode === code)) {
      findings = [...findings, newFinding(code, today, reference.calendar())];
    }
    (now ? changeNow : change)({ ...fields, items, findings });
  };
  const setFinding = (findingId: string, patch: Partial<Finding>) =>
    change({
      ...fields,
      findings: fields.findings.map((finding) =>
        finding.id === findingId ? { ...finding, ...patch } : finding,
      ),
    });

  const addPhoto = async (code: string, file: File | null) => {
    if (!file) return;
    const prepared = await preparePhoto(file);
    const kept = prepared.ok ? await inspections.keepPhoto(prepared.value) : prepared;
    if (!kept.ok) {
      setPhotoIssues(kept.issues);
      return;
    }
    setPhotoIssues([]);
    const item = fields.items.find((candidate) => candidate.code === code);
    if (!item || item.photos.some((photo) => photo.sha256 === kept.value.sha256)) return;
    setItem(code, { photos: [...item.photos, kept.value] }, true);
    notifications.show({ message: t('inspectionUi.photoAdded') });
  };

  const sign = async (png: Uint8Array) => {
    const kept = await inspections.keepPhoto({ name: 'signature.png', data: png });
    if (kept.ok) changeNow({ ...fields, signature: kept.value });
    else setPhotoIssues(kept.issues);
  };

  return (
    <Stack>
      {held.length > 0 && (
        <Alert color="orange" title={t('inspectionUi.autosaveHeld')} data-testid="autosave-held">
          <Stack gap={2}>
            {held.map((found) => (
              <Text key={`${found.field}:${found.code}`} size="sm">
                {issueText(t, found)}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      <IssueSummary issues={photoIssues} labelOf={() => null} refusedAction={t('inspectionUi.addPhoto')} />
      <Title order={3}>{t('inspectionUi.checklist')}</Title>
      {fields.items.map((item) => {
        const definition = template?.items.find((candidate) => candidate.code === item.code);
        const finding = fields.findings.find((candidate) => candidate.itemCode === item.code);
        return (
          <ChecklistCard
            key={item.code}
            item={item}
            definition={definition}
            onResult={(result) => setItem(item.code, { result }, true)}
            onNote={(note) => setItem(item.code, { note })}
            onPhoto={(file) => addPhoto(item.code, file)}
            onRemovePhoto={(sha256) =>
              setItem(item.code, { photos: item.photos.filter((photo) => photo.sha256 !== sha256) }, true)
            }
          >
            {finding && (
              <FindingFields
                finding={finding}
                today={today}
                onChange={(patch) => setFinding(finding.id, patch)}
              />
            )}
          </ChecklistCard>
        );
      })}
      <Paper withBorder p="md">
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              size="md"
              label={t('inspectionUi.representative')}
              value={fields.representative}
              onChange={(event) => change({ ...fields, representative: event.currentTarget.value })}
            />
            <TextInput
              size="md"
              label={t('inspectionUi.representativeId')}
              value={fields.representativeIdNumber}
              onChange={(event) => change({ ...fields, representativeIdNumber: event.currentTarget.value })}
            />
          </SimpleGrid>
          <Text fw={500}>{t('inspectionUi.signature')}</Text>
          {fields.signature.sha256 ? (
            <Group>
              <StoredImage photo={fields.signature} alt={t('inspectionUi.signature')} height={120} />
              <Text c="green">{t('inspectionUi.signatureSaved')}</Text>
              <Button
                variant="default"
                onClick={() =>
                  changeNow({
                    ...fields,
                    signature: { ...doc.signature, sha256: '', name: '', mimeType: '', size: 0 },
                  })
                }
              >
                {t('inspectionUi.signatureClear')}
              </Button>
            </Group>
          ) : (
            <SignaturePad onAccept={sign} />
          )}
          <Textarea
            size="md"
            autosize
            minRows={3}
            label={t('inspectionUi.conclusion')}
            value={fields.conclusion}
            onChange={(event) => change({ ...fields, conclusion: event.currentTarget.value })}
          />
          <Group>
            <Button
              size="md"
              variant="light"
              onClick={() => {
                change({ ...fields, endedAt: context.clock().toISOString() });
                void save();
              }}
            >
              {t('inspectionUi.finish')}
            </Button>
            {fields.endedAt && (
              <Text>
                {t('inspectionUi.finishedAt', {
                  time: new Date(fields.endedAt).toLocaleString(i18n.language),
                })}
              </Text>
            )}
          </Group>
          <Group>
            <Button size="md" variant="default" onClick={() => void save()} data-testid="save-draft">
              {t('draftUi.save')}
            </Button>
            {keptAt && (
              <Text size="sm" c="dimmed" data-testid="autosaved">
                {t('inspectionUi.autosaved', { time: keptAt })}
              </Text>
            )}
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}

function newFinding(
  itemCode: string,
  today: string,
  calendar: Parameters<typeof rectificationDeadline>[2],
): Finding {
  const severity: FindingSeverity = 'major';
  const deadline = rectificationDeadline(today, defaultRectificationDays[severity], calendar);
  return {
    id: uuidv7(),
    itemCode,
    severity,
    description: '',
    rectifyBy: deadline.ok ? deadline.value.date : today,
    photos: [],
  };
}

function ChecklistCard({
  item,
  definition,
  onResult,
  onNote,
  onPhoto,
  onRemovePhoto,
  children,
}: {
  item: StoredItem;
  definition: ChecklistItem | undefined;
  onResult: (result: StoredItem['result']) => void;
  onNote: (note: string) => void;
  onPhoto: (file: File | null) => void;
  onRemovePhoto: (sha256: string) => void;
  children?: React.ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const text = definition ? (i18n.language === 'en' ? definition.text.en : definition.text.zh) : item.code;
  return (
    <Card withBorder padding="md" data-testid={`item-${item.code}`}>
      <Stack gap="sm">
        <Text fw={500}>
          {item.code} {text}
        </Text>
        {definition && (
          <Text size="xs" c="dimmed" translate="no">
            {t('inspectionUi.basis', { basis: definition.basis.join('、') })}
          </Text>
        )}
        <SegmentedControl
          size="md"
          fullWidth
          value={item.result}
          onChange={(value) => onResult(value as StoredItem['result'])}
          data={itemResults.map((value) => ({ value, label: t(`inspectionUi.result.${value}`) }))}
        />
        <Textarea
          size="md"
          autosize
          minRows={1}
          label={t('inspectionUi.note')}
          value={item.note}
          onChange={(event) => onNote(event.currentTarget.value)}
        />
        <Group>
          {item.photos.map((photo, index) => (
            <Stack key={photo.sha256} gap={2} align="center">
              <StoredImage
                photo={photo}
                alt={t('inspectionUi.photoAlt', { code: item.code, index: index + 1 })}
                height={96}
              />
              <Button
                size="compact-xs"
                variant="subtle"
                color="red"
                onClick={() => onRemovePhoto(photo.sha256)}
              >
                {t('inspectionUi.removePhoto')}
              </Button>
            </Stack>
          ))}
          <FileButton onChange={onPhoto} accept="image/*" capture="environment">
            {(props) => (
              <Button {...props} size="md" variant="light" leftSection={<IconCamera size={18} />}>
                {t('inspectionUi.addPhoto')}
              </Button>
            )}
          </FileButton>
        </Group>
        {children}
      </Stack>
    </Card>
  );
}

function FindingFields({
  finding,
  today,
  onChange,
}: {
  finding: Finding;
  today: string;
  onChange: (patch: Partial<Finding>) => void;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" bg="var(--mantine-color-red-0)">
      <Stack gap="sm">
        <Text fw={500}>{t('inspectionUi.finding')}</Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            size="md"
            label={t('inspectionUi.severityLabel')}
            value={finding.severity}
            allowDeselect={false}
            data={findingSeverities.map((value) => ({ value, label: t(`inspectionUi.severity.${value}`) }))}
            onChange={(value) => value && onChange({ severity: value as FindingSeverity })}
          />
          <TextInput
            size="md"
            type="date"
            label={t('inspectionUi.rectifyBy')}
            description={t('inspectionUi.rectifyByHint', {
              days: defaultRectificationDays[finding.severity],
            })}
            min={today}
            value={finding.rectifyBy}
            onChange={(event) => onChange({ rectifyBy: event.currentTarget.value })}
          />
        </SimpleGrid>
        <Textarea
          size="md"
          autosize
          minRows={2}
          label={t('inspectionUi.description')}
          value={finding.description}
          onChange={(event) => onChange({ description: event.currentTarget.value })}
        />
      </Stack>
    </Paper>
  );
}

/** A stored photo or signature: from this computer, else fetched from the platform and kept. */
function StoredImage({ photo, alt, height }: { photo: Attachment; alt: string; height: number }) {
  const { inspections, sync } = useServices();
  const [url, setUrl] = useState('');
  useEffect(() => {
    let objectUrl = '';
    let live = true;
    inspections.attachments
      .read(photo.sha256, (sha256) => sync.fetchBlob(sha256))
      .then((read) => {
        if (!read.ok || !live) return;
        objectUrl = URL.createObjectURL(
          new Blob([read.value as Uint8Array<ArrayBuffer>], { type: photo.mimeType }),
        );
        setUrl(objectUrl);
      });
    return () => {
      live = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [inspections, sync, photo.sha256, photo.mimeType]);
  return url ? (
    <Image src={url} alt={alt} h={height} w="auto" fit="contain" radius="sm" />
  ) : (
    <Paper withBorder h={height} w={height} />
  );
}

/** The record as submitted or closed. */
function InspectionRecordView({ doc }: { doc: InspectionDocument }) {
  const { t, i18n } = useTranslation();
  const template = useRecordedChecklist(doc);
  return (
    <Stack>
      {doc.items.map((item) => {
        const definition = template?.items.find((candidate) => candidate.code === item.code);
        const finding = doc.findings.find((candidate) => candidate.itemCode === item.code);
        return (
          <Card withBorder key={item.code} data-testid={`item-${item.code}`}>
            <Stack gap={4}>
              <Text fw={500}>
                {item.code}{' '}
                {definition ? (i18n.language === 'en' ? definition.text.en : definition.text.zh) : ''}
              </Text>
              <Text>{item.result ? t(`inspectionUi.result.${item.result}`) : '—'}</Text>
              {item.note && <Text size="sm">{item.note}</Text>}
              <Group>
                {item.photos.map((photo, index) => (
                  <StoredImage
                    key={photo.sha256}
                    photo={photo}
                    alt={t('inspectionUi.photoAlt', { code: item.code, index: index + 1 })}
                    height={96}
                  />
                ))}
              </Group>
              {finding && (
                <Text size="sm" c="red">
                  {t(`inspectionUi.severity.${finding.severity}`)} · {finding.description} ·{' '}
                  {t('inspectionUi.rectifyBy')} {finding.rectifyBy}
                </Text>
              )}
            </Stack>
          </Card>
        );
      })}
      <Text>
        {t('inspectionUi.labelled', { label: t('inspectionUi.representative'), value: doc.representative })}
      </Text>
      {doc.signature.sha256 && (
        <StoredImage photo={doc.signature} alt={t('inspectionUi.signature')} height={120} />
      )}
      <Text>
        {t('inspectionUi.labelled', { label: t('inspectionUi.conclusion'), value: doc.conclusion })}
      </Text>
    </Stack>
  );
}

/** The workflow steps the signed-in user may take, each confirmed in a dialog saying what it does. */
function InspectionSteps({ doc }: { doc: InspectionDocument }) {
  const { t } = useTranslation();
  const { inspections } = useServices();
  const [step, setStep] = useState<{ action: InspectionStep; spec: StepSpec } | null>(null);
  // Publication has its own panel (PublicityPanel).
  const actions = inspections.availableActions(doc).filter((action) => action !== 'publish');
  if (actions.length === 0) return null;
  const specOf = (action: InspectionStep): StepSpec => ({
    label: t(`inspection.workflow.action.${action}`),
    consequence: t(`inspectionUi.${action}.consequence`),
    text: action === 'submit' ? null : { kind: 'opinion', required: action === 'return' },
    color: action === 'return' ? 'orange' : 'blue',
  });
  return (
    <>
      <Group>
        {actions.map((action) => (
          <Button key={action} size="md" onClick={() => setStep({ action, spec: specOf(action) })}>
            {t(`inspection.workflow.action.${action}`)}
          </Button>
        ))}
      </Group>
      <StepDialog
        step={step?.spec ?? null}
        onCancel={() => setStep(null)}
        onConfirm={async ({ text }) => {
          if (!step) return [];
          if (step.action === 'submit') {
            const pending = await inspections.formState(doc.id);
            if (pending) {
              const saved = await inspections.saveDraft(doc.id, pending);
              if (!saved.ok) return saved.issues;
              await inspections.dropFormState(doc.id);
            }
          }
          const done = await inspections.act(doc.id, step.action, text);
          if (!done.ok) return done.issues;
          setStep(null);
          notifications.show({ message: t('inspectionUi.done') });
          return [];
        }}
      />
    </>
  );
}
