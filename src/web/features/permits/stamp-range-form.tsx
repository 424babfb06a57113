/**
 * Reporting a range of blank security stamps lost or stolen (POST /api/v1/permits/stamps/mark): first and last
 * stamp number, the day, a note, and the groups to alert. Every later lookup of a permit written on one of them
 * shows a red flag.
 */
import { Alert, Button, Group, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { stampMarkSchema, type MarkStampsInput } from '../../../shared/permits.contract.ts';
import { apiPost } from '../../api/client.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { AlertGroupsField } from './alert-groups-field.tsx';

function useMarkStamps() {
  return useMutation({
    mutationFn: (body: MarkStampsInput) => apiPost('/api/v1/permits/stamps/mark', body, stampMarkSchema),
  });
}

export function StampRangeForm({ party }: { party: string | null }) {
  const { t } = useTranslation();
  const mark = useMarkStamps();
  const [country, setCountry] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [on, setOn] = useState('');
  const [note, setNote] = useState('');
  const [status, setStatus] = useState<'lost' | 'stolen'>('stolen');
  const [groups, setGroups] = useState<string[]>([]);
  const issuing = (party ?? country.trim()).toUpperCase();
  return (
    <Stack gap="xs" component="section" data-testid="stamp-range-form">
      <Title order={2} size="h3">
        {t('permits.stamps.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('permits.stamps.intro')}
      </Text>
      {party === null ? (
        <TextInput
          label={t('permits.stamps.country')}
          maxLength={2}
          value={country}
          onChange={(e) => setCountry(e.currentTarget.value)}
          w={220}
        />
      ) : null}
      <Group grow gap="xs" align="flex-start">
        <TextInput
          label={t('permits.stamps.from')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
          maxLength={100}
        />
        <TextInput
          label={t('permits.stamps.to')}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
          maxLength={100}
        />
      </Group>
      <TextInput
        type="date"
        label={t('permits.stamps.on')}
        value={on}
        onChange={(e) => setOn(e.currentTarget.value)}
        w={220}
      />
      <SegmentedControl
        aria-label={t('permits.status')}
        value={status}
        onChange={(value) => setStatus(value === 'lost' ? 'lost' : 'stolen')}
        data={[
          { value: 'stolen', label: t('permits.statusStolen') },
          { value: 'lost', label: t('permits.statusLost') },
        ]}
      />
      <TextInput
        label={t('permits.note')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        maxLength={2000}
      />
      <AlertGroupsField value={groups} onChange={setGroups} />
      <Button
        w="fit-content"
        color="red"
        disabled={!from.trim() || !to.trim() || issuing.length !== 2}
        loading={mark.isPending}
        onClick={() =>
          mark.mutate({
            country: issuing,
            from,
            to,
            status,
            note,
            alertGroups: groups,
            ...(on ? { on } : {}),
          })
        }
      >
        {t('permits.stamps.submit')}
      </Button>
      {mark.isError ? <ErrorAlert error={mark.error} /> : null}
      {mark.data ? (
        <Alert color="green" data-testid="stamps-marked">
          {t('permits.stamps.done', {
            count: mark.data.count,
            from: mark.data.from,
            to: mark.data.to,
            status: mark.data.status === 'lost' ? t('permits.statusLost') : t('permits.statusStolen'),
          })}
        </Alert>
      ) : null}
    </Stack>
  );
}
