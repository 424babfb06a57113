/** The account page's security keys: the list (name, added, last used), removing one, and adding one by name. */
import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { FormError } from '../../ui/form-error.tsx';
import { formatDate, formatDateTime } from '../../ui/format.ts';
import { PageLoader } from '../../ui/page-loader.tsx';
import { SectionCard } from '../../ui/section-card.tsx';
import { useLanguage } from '../../ui/use-language.ts';
import {
  CeremonyError,
  useEnrolSecurityKey,
  useMySecurityKeys,
  useRemoveSecurityKey,
} from './security-keys.api.ts';

export function MySecurityKeys() {
  const { t } = useTranslation();
  const language = useLanguage();
  const keys = useMySecurityKeys();
  const remove = useRemoveSecurityKey();
  return (
    <SectionCard id="my-security-keys-title" title={t('securityKeys.title')} intro={t('securityKeys.intro')}>
      {keys.data?.required && keys.data.items.length === 0 ? (
        <Alert color="orange" variant="light" role="alert" mb="md">
          {t('securityKeys.required')}
        </Alert>
      ) : null}
      <AddSecurityKey />
      {keys.isPending ? <PageLoader label={t('common.loading')} /> : null}
      {keys.isError ? <ErrorAlert error={keys.error} onRetry={() => void keys.refetch()} /> : null}
      {remove.isError ? <ErrorAlert error={remove.error} /> : null}
      {keys.data?.items.length === 0 ? (
        <Text size="sm" mt="md">
          {t('securityKeys.none')}
        </Text>
      ) : null}
      <Stack gap={0} className="itd-rows" mt="md" data-testid="security-keys">
        {(keys.data?.items ?? []).map((key) => (
          <Group key={key.id} className="itd-row" justify="space-between" wrap="wrap" gap="sm">
            <div>
              <Text fw={600}>{key.name}</Text>
              <Text size="sm" c="dimmed">
                {t('securityKeys.facts', {
                  created: formatDate(key.createdAt, language),
                  used: key.lastUsedAt
                    ? formatDateTime(key.lastUsedAt, language)
                    : t('securityKeys.neverUsed'),
                })}
              </Text>
            </div>
            <Button
              variant="default"
              color="red"
              size="xs"
              loading={remove.isPending && remove.variables === key.id}
              onClick={() => remove.mutate(key.id)}
              aria-label={t('securityKeys.removeNamed', { name: key.name })}
            >
              {t('securityKeys.remove')}
            </Button>
          </Group>
        ))}
      </Stack>
    </SectionCard>
  );
}

function AddSecurityKey() {
  const { t } = useTranslation();
  const enrol = useEnrolSecurityKey();
  const [name, setName] = useState('');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') return;
    enrol.mutate(name.trim(), { onSuccess: () => setName('') });
  };
  return (
    <form onSubmit={onSubmit} aria-label={t('securityKeys.add')}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label={t('securityKeys.name')}
          placeholder={t('securityKeys.namePlaceholder')}
          value={name}
          maxLength={60}
          onChange={(event) => setName(event.currentTarget.value)}
          required
        />
        <Button type="submit" loading={enrol.isPending} disabled={name.trim() === ''}>
          {t('securityKeys.add')}
        </Button>
      </Group>
      {enrol.isPending ? (
        <Text size="sm" mt="xs" role="status">
          {t('securityKeys.adding')}
        </Text>
      ) : null}
      {enrol.isSuccess ? (
        <Alert color="teal" variant="light" role="status" mt="sm">
          {t('securityKeys.added', { name: enrol.data.name })}
        </Alert>
      ) : null}
      {enrol.error instanceof CeremonyError ? (
        <Alert color="orange" variant="light" role="alert" mt="sm">
          {t('securityKeys.cancelled')}
        </Alert>
      ) : enrol.isError ? (
        <FormError error={enrol.error} fields={['name']} />
      ) : null}
    </form>
  );
}

/** At the second-factor step: sign in with a key instead of a code. */
export function SignInWithSecurityKey({
  isPending,
  onSignIn,
  error,
}: {
  isPending: boolean;
  onSignIn: () => void;
  error: unknown;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Text size="sm">{t('securityKeys.orKey')}</Text>
      <Group>
        <Button variant="light" loading={isPending} onClick={onSignIn}>
          {t('securityKeys.useKey')}
        </Button>
      </Group>
      {error instanceof CeremonyError ? (
        <Alert color="orange" variant="light" role="alert">
          {t('securityKeys.keyFailed')}
        </Alert>
      ) : error ? (
        <Alert color="red" variant="light" role="alert">
          {t('securityKeys.keyRefused')}
        </Alert>
      ) : null}
    </Stack>
  );
}
