/**
 * /permits — the border lookup, one screen built for a phone: country and number (stamp, species and quantity when
 * the officer has them), the verdict with its red flags and lines, and the export endorsement beneath.
 */
import { Anchor, Button, NumberInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LookupResult } from '../../../shared/permits.contract.ts';
import { Link } from 'react-router';
import { RequireSession } from '../../features/auth/require-session.tsx';
import { hasAbility, useSession } from '../../features/auth/session.queries.ts';
import { EndorseForm } from '../../features/permits/endorse-form.tsx';
import { LookupResultView } from '../../features/permits/lookup-result.tsx';
import { useLookup } from '../../features/permits/permits.api.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import '../../features/permits/permits.css';

export function PermitLookupPage() {
  return (
    <RequireSession>
      <LookupScreen />
    </RequireSession>
  );
}

function LookupScreen() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('permits.title')} — ${t('app.name')}`);
  const lookup = useLookup();
  const session = useSession();
  const [form, setForm] = useState({ country: '', number: '', stamp: '', species: '' });
  const [quantity, setQuantity] = useState<number | ''>('');
  const [result, setResult] = useState<LookupResult | null>(null);
  const field = (name: keyof typeof form) => ({
    value: form[name],
    // The value is read now: by the time the state updater runs, the event's currentTarget is gone.
    onChange: (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value;
      setForm((f) => ({ ...f, [name]: value }));
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    lookup.mutate(
      {
        country: form.country.trim().toUpperCase(),
        number: form.number.trim(),
        ...(form.stamp.trim() ? { stamp: form.stamp.trim() } : {}),
        ...(form.species.trim() ? { species: form.species.trim() } : {}),
        ...(quantity !== '' ? { quantity } : {}),
      },
      { onSuccess: setResult },
    );
  };
  return (
    <Stack gap="md" maw={640}>
      <div>
        <Title order={1}>{t('permits.title')}</Title>
        <Text c="dimmed" size="sm" mt="xs">
          {t('permits.intro')}
        </Text>
        {session.data && hasAbility(session.data, 'permit.import') ? (
          <Anchor component={Link} to="/permits/registry" size="sm">
            {t('permits.importTitle')}
          </Anchor>
        ) : null}
      </div>
      <form onSubmit={submit}>
        <Stack gap="xs">
          <div className="itd-permit-fields">
            <TextInput
              label={t('permits.country')}
              required
              maxLength={2}
              autoCapitalize="characters"
              {...field('country')}
            />
            <TextInput label={t('permits.number')} required maxLength={200} {...field('number')} />
            <TextInput label={t('permits.stamp')} maxLength={100} {...field('stamp')} />
            <TextInput label={t('permits.species')} maxLength={200} {...field('species')} />
            <NumberInput
              label={t('permits.quantity')}
              min={0}
              value={quantity}
              onChange={(v) => setQuantity(typeof v === 'number' ? v : '')}
            />
          </div>
          <Button type="submit" size="md" loading={lookup.isPending}>
            {t('permits.verify')}
          </Button>
        </Stack>
      </form>
      {lookup.isError ? <ErrorAlert error={lookup.error} /> : null}
      {result ? <LookupResultView result={result} /> : null}
      {result ? <EndorseForm result={result} onDone={setResult} /> : null}
    </Stack>
  );
}
