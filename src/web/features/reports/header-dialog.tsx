/** Editing a draft's header and Part II (the server refuses once the report is submitted). */
import { Button, Group, Modal, Stack, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  PART_TWO_HEADINGS,
  reportDetailSchema,
  type PartTwo,
  type ReportDetail,
  type ReportHeader,
} from '../../../shared/reports.contract.ts';
import { FormError } from '../../ui/form-error.tsx';
import { RestrictedMarking } from '../../ui/restricted-banner.tsx';
import { apiPatch } from './api-send.ts';

export function HeaderDialog({ report, onClose }: { report: ReportDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [header, setHeader] = useState<ReportHeader>(report.header);
  const [partTwo, setPartTwo] = useState<PartTwo>(report.partTwo);
  const save = useMutation({
    mutationFn: () =>
      apiPatch(`/api/v1/reports/${encodeURIComponent(report.id)}`, { header, partTwo }, reportDetailSchema),
    onSuccess: (detail) => {
      queryClient.setQueryData(['me', 'reports', 'detail', report.id], detail);
      onClose();
    },
  });
  const text = (key: Exclude<keyof ReportHeader, 'submittedOn'>) => ({
    value: header[key],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => {
      const value = event.currentTarget.value;
      setHeader((current) => ({ ...current, [key]: value }));
    },
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('reports.header.edit')}
      size="lg"
      // The default scroll lock injects a <style> element (react-remove-scroll-bar), which our CSP refuses.
      removeScrollProps={{ removeScrollBar: false }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <Stack>
          <RestrictedMarking />
          <TextInput
            label={t('reports.header.preparingAgency')}
            maxLength={500}
            {...text('preparingAgency')}
          />
          <TextInput
            label={t('reports.header.contributingAgencies')}
            maxLength={2000}
            {...text('contributingAgencies')}
          />
          <TextInput label={t('reports.header.contactName')} maxLength={200} {...text('contactName')} />
          <TextInput
            label={t('reports.header.contactEmail')}
            type="email"
            maxLength={254}
            {...text('contactEmail')}
          />
          {PART_TWO_HEADINGS.map((heading) => (
            <Textarea
              key={heading}
              label={t(`reports.partTwo.${heading}`)}
              autosize
              minRows={2}
              maxLength={20000}
              value={partTwo[heading] ?? ''}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setPartTwo((current) => ({ ...current, [heading]: value }));
              }}
            />
          ))}
          {save.isError ? <FormError error={save.error} fields={[]} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('reports.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('reports.header.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
