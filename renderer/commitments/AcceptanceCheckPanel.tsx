import { Alert, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AcceptanceCheck } from '../../shared/commitments/acceptance.ts';
import { formatInstant } from '../subjects/labels.ts';

/**
 * The subject's credit state for commitment-based acceptance: what excludes it or warns, and when it was
 * checked; `preview` marks the check the form shows before the letter is accepted (and checked again).
 */
export function AcceptanceCheckPanel({
  check,
  preview = false,
}: {
  check: AcceptanceCheck;
  preview?: boolean;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Alert
      color={check.eligible ? (check.findings.length > 0 ? 'orange' : 'teal') : 'red'}
      title={t(check.eligible ? 'commitment.acceptance.eligible' : 'commitment.acceptance.notEligible')}
      data-testid="acceptance-check"
    >
      <Text size="xs" c="dimmed">
        {preview
          ? t('commitmentUi.checkPreview')
          : t('commitmentUi.checkedAt', { at: formatInstant(check.checkedAt, i18n.language) })}
      </Text>
      {check.findings.length === 0 ? (
        <Text size="sm">{t('commitmentUi.noFindings')}</Text>
      ) : (
        <List size="sm">
          {check.findings.map((finding) => (
            <List.Item key={finding.rule}>
              {finding.rule === 'gradeNotEligible'
                ? t('commitment.acceptanceRule.gradeNotEligible', { grade: finding.refs[0] ?? '' })
                : `${t(`commitment.acceptanceRule.${finding.rule}`)}${t('commitmentUi.findingCount', {
                    count: finding.refs.length,
                  })}`}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
