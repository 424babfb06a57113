/** Box 14 on a phone: a quantity per line with something left, the port, one button. */
import { Alert, Button, NumberInput, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LookupResult } from '../../../shared/permits.contract.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { useEndorse } from './permits.api.ts';

export function EndorseForm({
  result,
  onDone,
}: {
  result: LookupResult;
  onDone: (next: LookupResult) => void;
}) {
  const { t } = useTranslation();
  const endorse = useEndorse();
  const [quantities, setQuantities] = useState<Record<number, number>>({});
  const [port, setPort] = useState('');
  const open = result.lines.filter((line) => line.remaining > 0);
  if (!result.valid || open.length === 0 || result.permit === null) return null;
  const lines = Object.entries(quantities)
    .filter(([, quantity]) => quantity > 0)
    .map(([lineNo, quantity]) => ({ lineNo: Number(lineNo), quantity }));
  const submit = () =>
    endorse.mutate(
      { id: result.permit!.id, lines, port },
      {
        onSuccess: (next) => {
          setQuantities({});
          onDone(next);
        },
      },
    );
  return (
    <Stack gap="xs" component="section" aria-labelledby="endorse-title">
      <Title order={2} size="h4" id="endorse-title">
        {t('permits.endorseTitle')}
      </Title>
      {open.map((line) => (
        <NumberInput
          key={line.lineNo}
          label={t('permits.endorseQuantity', { n: line.lineNo })}
          description={`${line.taxonName} — ${t('permits.remaining')}: ${line.remaining} ${line.unitCode ?? ''}`}
          min={0}
          decimalScale={6}
          value={quantities[line.lineNo] ?? ''}
          onChange={(value) =>
            setQuantities((q) => ({ ...q, [line.lineNo]: typeof value === 'number' ? value : 0 }))
          }
        />
      ))}
      <TextInput
        label={t('permits.port')}
        value={port}
        onChange={(e) => setPort(e.currentTarget.value)}
        maxLength={200}
      />
      <Button onClick={submit} disabled={lines.length === 0} loading={endorse.isPending}>
        {t('permits.endorse')}
      </Button>
      {endorse.isSuccess ? <Alert color="green">{t('permits.endorsedDone')}</Alert> : null}
      {endorse.isError ? <ErrorAlert error={endorse.error} /> : null}
    </Stack>
  );
}
