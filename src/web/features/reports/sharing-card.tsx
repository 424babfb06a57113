/**
 * The Party's three sharing answers, and for those allowed a dialog to change them. A change asks for a reason: it
 * is kept in the report's history and changes who may see every record of the report.
 */
import { Button, Checkbox, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportDetail, Sharing } from '../../../shared/reports.contract.ts';
import { FormError } from '../../ui/form-error.tsx';
import { RestrictedMarking } from '../../ui/restricted-banner.tsx';
import { SectionCard } from '../../ui/section-card.tsx';
import { isReasonGiven, ReasonField } from './reason-field.tsx';
import { useReportAction } from './reports.api.ts';
import { SHARING_KEYS } from './sharing-summary.tsx';

export function SharingCard({ report }: { report: ReportDetail }) {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  return (
    <SectionCard id="report-sharing" title={t('reports.sharing.title')} intro={t('reports.sharing.intro')}>
      <List spacing="xs" data-testid="sharing-answers">
        {SHARING_KEYS.map((key) => (
          <List.Item key={key}>
            <Text span fw={600}>
              {report.sharing[key] ? t('reports.yes') : t('reports.no')}
            </Text>{' '}
            — {t(`reports.sharing.question.${key}`)}
          </List.Item>
        ))}
      </List>
      {report.abilities.includes('change_sharing') ? (
        <Button variant="default" mt="md" onClick={() => setOpen(true)}>
          {t('reports.sharing.change')}
        </Button>
      ) : null}
      {isOpen ? <SharingDialog report={report} onClose={() => setOpen(false)} /> : null}
    </SectionCard>
  );
}

function SharingDialog({ report, onClose }: { report: ReportDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const [answers, setAnswers] = useState<Sharing>(report.sharing);
  const [reason, setReason] = useState('');
  const action = useReportAction(report.id);
  const unchanged = SHARING_KEYS.every((key) => answers[key] === report.sharing[key]);
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('reports.sharing.dialogTitle')}
      size="lg"
      // The default scroll lock injects a <style> element (react-remove-scroll-bar), which our CSP refuses.
      removeScrollProps={{ removeScrollBar: false }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          action.mutate({ kind: 'sharing', body: { ...answers, reason } }, { onSuccess: onClose });
        }}
      >
        <Stack>
          <RestrictedMarking />
          <Text size="sm">{t('reports.sharing.dialogIntro')}</Text>
          {SHARING_KEYS.map((key) => (
            <Checkbox
              key={key}
              label={t(`reports.sharing.question.${key}`)}
              checked={answers[key]}
              onChange={(event) => {
                const checked = event.currentTarget.checked;
                setAnswers((current) => ({ ...current, [key]: checked }));
              }}
            />
          ))}
          <ReasonField
            label={t('reports.reason')}
            description={t('reports.sharing.reasonHelp')}
            value={reason}
            onChange={setReason}
          />
          {action.isError ? <FormError error={action.error} fields={[]} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('reports.cancel')}
            </Button>
            <Button type="submit" loading={action.isPending} disabled={unchanged || !isReasonGiven(reason)}>
              {t('reports.sharing.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
