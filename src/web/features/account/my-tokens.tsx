/**
 * Personal API tokens (for scripts and analysis tools, sent as `Authorization: Bearer …`): the list, revoking,
 * and creating one, whose secret is shown once, here, with a copy button.
 */
import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  NumberInput,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { createTokenSchema } from '../../../shared/auth.contract.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { FormError } from '../../ui/form-error.tsx';
import { formatDate, formatDateTime } from '../../ui/format.ts';
import { useFormErrors, validate } from '../../ui/forms.ts';
import { PageLoader } from '../../ui/page-loader.tsx';
import { useLanguage } from '../../ui/use-language.ts';
import { useCreateToken, useMyTokens, useRevokeToken } from './account.api.ts';
import { SectionCard } from '../../ui/section-card.tsx';

export function MyTokens() {
  const { t } = useTranslation();
  const language = useLanguage();
  const tokens = useMyTokens();
  const revoke = useRevokeToken();
  const now = Date.now();

  return (
    <SectionCard id="my-tokens-title" title={t('tokens.title')} intro={t('tokens.intro')}>
      <CreateToken />
      {tokens.isPending ? <PageLoader label={t('common.loading')} /> : null}
      {tokens.isError ? <ErrorAlert error={tokens.error} onRetry={() => void tokens.refetch()} /> : null}
      {revoke.isError ? <ErrorAlert error={revoke.error} /> : null}
      {tokens.data?.items.length === 0 ? (
        <Text size="sm" mt="md">
          {t('tokens.none')}
        </Text>
      ) : null}
      <Stack gap={0} className="itd-rows" mt="md">
        {(tokens.data?.items ?? []).map((token) => {
          const isRevoked = token.revokedAt !== null;
          const isExpired = !isRevoked && new Date(token.expiresAt).getTime() < now;
          return (
            <Group key={token.id} className="itd-row" justify="space-between" wrap="wrap" gap="sm">
              <div>
                <Group gap="xs">
                  <Text fw={600}>{token.name}</Text>
                  {isRevoked ? <Badge color="gray">{t('tokens.revoked')}</Badge> : null}
                  {isExpired ? <Badge color="orange">{t('tokens.expired')}</Badge> : null}
                </Group>
                <Text size="sm" c="dimmed">
                  {t('tokens.facts', {
                    created: formatDate(token.createdAt, language),
                    expires: formatDate(token.expiresAt, language),
                    used: token.lastUsedAt
                      ? formatDateTime(token.lastUsedAt, language)
                      : t('tokens.neverUsed'),
                  })}
                </Text>
              </div>
              {isRevoked || isExpired ? null : (
                <Button
                  variant="default"
                  color="red"
                  size="xs"
                  loading={revoke.isPending && revoke.variables === token.id}
                  onClick={() => revoke.mutate(token.id)}
                  aria-label={t('tokens.revokeNamed', { name: token.name })}
                >
                  {t('tokens.revoke')}
                </Button>
              )}
            </Group>
          );
        })}
      </Stack>
    </SectionCard>
  );
}

function CreateToken() {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [days, setDays] = useState<number | string>(90);
  const create = useCreateToken();
  const errors = useFormErrors(create.error);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = validate(createTokenSchema, { name, days: Number(days) }, (field, isEmpty) =>
      isEmpty ? t('form.required') : field === 'days' ? t('tokens.daysInvalid') : t('form.invalid'),
    );
    if (!checked.isValid) {
      errors.setClientErrors(checked.errors);
      return;
    }
    errors.setClientErrors({});
    create.mutate(checked.data, { onSuccess: () => setName('') });
  };

  if (create.data) {
    return (
      <Alert color="orange" variant="light" title={t('tokens.createdTitle', { name: create.data.name })}>
        <Stack gap="sm">
          <Text size="sm">{t('tokens.createdWarning')}</Text>
          <Code block className="itd-secret" data-testid="new-token">
            {create.data.token}
          </Code>
          <Group gap="sm">
            <CopyButton value={create.data.token}>
              {({ copied, copy }) => (
                <Button size="xs" onClick={copy} color={copied ? 'teal' : undefined}>
                  {copied ? t('common.copied') : t('tokens.copy')}
                </Button>
              )}
            </CopyButton>
            <Button size="xs" variant="default" onClick={() => create.reset()}>
              {t('tokens.done')}
            </Button>
          </Group>
        </Stack>
      </Alert>
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('tokens.createTitle')}>
      <Stack gap="sm">
        <div className="itd-form-grid">
          <TextInput
            name="name"
            label={t('tokens.name')}
            description={t('tokens.nameHint')}
            required
            maxLength={100}
            value={name}
            onChange={(event) => {
              setName(event.currentTarget.value);
              errors.markEdited('name');
            }}
            error={errors.errorOf('name')}
          />
          <NumberInput
            name="days"
            label={t('tokens.days')}
            description={t('tokens.daysHint')}
            required
            min={1}
            max={365}
            allowDecimal={false}
            value={days}
            onChange={(value) => {
              setDays(value);
              errors.markEdited('days');
            }}
            error={errors.errorOf('days')}
          />
        </div>
        <FormError error={create.error} fields={['name', 'days']} />
        <Button type="submit" variant="light" loading={create.isPending} w="fit-content">
          {t('tokens.create')}
        </Button>
      </Stack>
    </form>
  );
}
