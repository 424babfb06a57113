/** The status buttons the report's abilities allow: submit, publish, return to draft (with a reason). */
import { Button, Group, Modal, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportDetail } from '../../../shared/reports.contract.ts';
import { FormError } from '../../ui/form-error.tsx';
import { RestrictedMarking } from '../../ui/restricted-banner.tsx';
import { isReasonGiven, ReasonField } from './reason-field.tsx';
import { useReportAction } from './reports.api.ts';

export function ReportActions({ report }: { report: ReportDetail }) {
  const { t } = useTranslation();
  const action = useReportAction(report.id);
  const [isReturning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const can = (ability: ReportDetail['abilities'][number]) => report.abilities.includes(ability);
  if (!can('submit') && !can('publish') && !can('return_to_draft')) return null;
  return (
    <Stack gap="xs">
      <Group gap="sm">
        {can('submit') ? (
          <Button loading={action.isPending} onClick={() => action.mutate({ kind: 'submit' })}>
            {t('reports.actions.submit')}
          </Button>
        ) : null}
        {can('publish') ? (
          <Button color="teal" loading={action.isPending} onClick={() => action.mutate({ kind: 'publish' })}>
            {t('reports.actions.publish')}
          </Button>
        ) : null}
        {can('return_to_draft') ? (
          <Button variant="default" onClick={() => setReturning(true)}>
            {t('reports.actions.returnToDraft')}
          </Button>
        ) : null}
      </Group>
      {action.isError && !isReturning ? <FormError error={action.error} fields={[]} /> : null}
      <Modal
        opened={isReturning}
        onClose={() => setReturning(false)}
        title={t('reports.actions.returnToDraft')}
        // The default scroll lock injects a <style> element (react-remove-scroll-bar), which our CSP refuses.
        removeScrollProps={{ removeScrollBar: false }}
      >
        <form
          onSubmit={(event) => {
            event.preventDefault();
            action.mutate(
              { kind: 'return-to-draft', reason },
              {
                onSuccess: () => {
                  setReturning(false);
                  setReason('');
                },
              },
            );
          }}
        >
          <Stack>
            <RestrictedMarking />
            <ReasonField label={t('reports.reason')} value={reason} onChange={setReason} />
            {action.isError ? <FormError error={action.error} fields={[]} /> : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setReturning(false)}>
                {t('reports.cancel')}
              </Button>
              <Button type="submit" loading={action.isPending} disabled={!isReasonGiven(reason)}>
                {t('reports.actions.confirmReturn')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
