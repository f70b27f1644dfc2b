import { chinaDateOf } from '../../shared/base/calendar/dates.ts';
import { Alert, Loader, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { ValidationIssue } from '../../shared/base/validation.ts';
import type { InspectionDocument, StoredItem } from '../../shared/inspections/document.ts';
import type { Finding } from '../../shared/inspections/record.ts';
import { useServices } from '../app/services.ts';
import { IssueSummary, issueText } from '../kernel/ui/issues.tsx';
import { DraftAutosave, keepEveryMs, saveEveryMs } from './autosave.ts';
import { ChecklistCard, FindingFields } from './ChecklistCard.tsx';
import { fieldsOf, newFinding } from './formFields.ts';
import { InspectionHeader } from './InspectionHeader.tsx';
import { InspectionRecordView } from './InspectionRecordView.tsx';
import { InspectionSignoff } from './InspectionSignoff.tsx';
import { InspectionSteps } from './InspectionSteps.tsx';
import { preparePhoto } from './photoIntake.ts';
import { PublicityPanel } from './PublicityPanel.tsx';
import { RectificationOrders } from './RectificationOrders.tsx';
import type { InspectionFields } from './repository.ts';
import { useRecordedChecklist } from './useChecklist.ts';

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

/** Where a refused signature's message shows (items are named by their codes). */
const signatureSlot = '';

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
  /** Why the last photo was refused, at the item it was meant for (or at the signature). */
  const [refusedPhoto, setRefusedPhoto] = useState<{ at: string; issues: ValidationIssue[] } | null>(null);
  const autosave = useMemo(() => new DraftAutosave(inspections, doc.id), [inspections, doc.id]);
  const today = chinaDateOf(context.clock());

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
      findings = [...findings, newFinding(code, 'major', today, reference.calendar())];
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
      setRefusedPhoto({ at: code, issues: kept.issues });
      return;
    }
    setRefusedPhoto(null);
    const item = fields.items.find((candidate) => candidate.code === code);
    if (!item || item.photos.some((photo) => photo.sha256 === kept.value.sha256)) return;
    setItem(code, { photos: [...item.photos, kept.value] }, true);
    notifications.show({ message: t('inspectionUi.photoAdded') });
  };

  const sign = async (png: Uint8Array) => {
    const kept = await inspections.keepPhoto({ name: 'signature.png', data: png });
    setRefusedPhoto(kept.ok ? null : { at: signatureSlot, issues: kept.issues });
    if (kept.ok) changeNow({ ...fields, signature: kept.value });
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
      {refusedPhoto?.at === signatureSlot && (
        <IssueSummary
          issues={refusedPhoto.issues}
          labelOf={() => null}
          refusedAction={t('inspectionUi.signatureAccept')}
        />
      )}
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
            refusedPhoto={refusedPhoto?.at === item.code ? refusedPhoto.issues : []}
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
      <InspectionSignoff
        fields={fields}
        blankSignature={{ ...doc.signature, sha256: '', name: '', mimeType: '', size: 0 }}
        keptAt={keptAt}
        onChange={change}
        onChangeNow={changeNow}
        onSign={sign}
        onFinish={() => {
          change({ ...fields, endedAt: context.clock().toISOString() });
          void save();
        }}
        onSave={() => void save()}
      />
    </Stack>
  );
}
