/**
 * /groups/:groupId/requests — owners' queue of join requests: who asks (the registration fields) and why;
 * approve with a member category, or reject with a reason (the person is told by e-mail either way).
 */
import { Alert, Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEMBER_CATEGORIES, type JoinRequest, type MemberCategory } from '../../../shared/groups.contract.ts';
import { TextDecisionForm } from '../../features/admin/decision-forms.tsx';
import { useCountryName } from '../../features/reference/countries.queries.ts';
import { useCurrentGroup } from '../../features/groups/group-context.ts';
import { useDecideJoinRequest, useJoinRequests } from '../../features/groups/groups.api.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { FormError } from '../../ui/form-error.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { PageLoader } from '../../ui/page-loader.tsx';
import { useLanguage } from '../../ui/use-language.ts';
import { GroupNotFound } from './group-layout.tsx';

export function RequestsPage() {
  const { t } = useTranslation();
  const group = useCurrentGroup();
  const mayModerate = group.abilities.includes('moderate');
  const requests = useJoinRequests(group.id, mayModerate);
  const [notice, setNotice] = useState<string | null>(null);
  if (!mayModerate) return <GroupNotFound text={t('notFound.text')} />;
  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        {t('groups.requests.title')}
      </Title>
      {notice ? (
        <Alert color="teal" variant="light" role="status" data-testid="join-decision-notice">
          {notice}
        </Alert>
      ) : null}
      {requests.isPending ? <PageLoader label={t('common.loading')} /> : null}
      {requests.isError ? (
        <ErrorAlert error={requests.error} onRetry={() => void requests.refetch()} />
      ) : null}
      {requests.data?.items.length === 0 ? <Text c="dimmed">{t('groups.requests.empty')}</Text> : null}
      {requests.data?.items.map((request) => (
        <RequestCard key={request.id} request={request} onDecided={setNotice} />
      ))}
    </Stack>
  );
}

function RequestCard({ request, onDecided }: { request: JoinRequest; onDecided: (notice: string) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const group = useCurrentGroup();
  const countryName = useCountryName();
  const decide = useDecideJoinRequest(group.id, request.id);
  const [mode, setMode] = useState<'approve' | 'reject' | null>(null);
  const [category, setCategory] = useState<MemberCategory | null>(null);
  const name = `${request.firstName} ${request.lastName}`;
  const mayDecide = request.abilities.includes('decide');

  return (
    <Card withBorder padding="lg" component="article" aria-label={name}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={3} size="h4">
            {name}
          </Title>
          <Text size="xs" c="dimmed">
            {t('groups.requests.received', { date: formatDateTime(request.createdAt, language) })}
          </Text>
        </Group>
        <Text size="sm">
          {request.functionTitle} · {request.organisation} · {countryName(request.country)}
        </Text>
        <Text size="sm">
          {request.officialEmail} · {request.telephone}
        </Text>
        <div>
          <Text size="sm" fw={600}>
            {t('groups.requests.reason')}
          </Text>
          <Text size="sm" className="itd-quote">
            {request.reason}
          </Text>
        </div>
        {mayDecide && mode === null ? (
          <Group gap="sm">
            <Button color="teal" onClick={() => setMode('approve')}>
              {t('groups.requests.approve')}
            </Button>
            <Button variant="light" color="red" onClick={() => setMode('reject')}>
              {t('groups.requests.reject')}
            </Button>
          </Group>
        ) : null}
        {mode === 'approve' ? (
          <div className="itd-decision-panel">
            <Stack gap="sm">
              <Select
                label={t('groups.requests.category')}
                required
                data={MEMBER_CATEGORIES.map((value) => ({ value, label: t(`groups.categories.${value}`) }))}
                value={category}
                onChange={(value) => setCategory(MEMBER_CATEGORIES.find((known) => known === value) ?? null)}
                allowDeselect={false}
                maw="24rem"
              />
              <FormError error={decide.error} fields={['category']} />
              <Group gap="sm">
                <Button
                  color="teal"
                  disabled={category === null}
                  loading={decide.isPending}
                  onClick={() => {
                    if (!category) return;
                    decide.mutate(
                      { kind: 'approve', body: { category } },
                      {
                        onSuccess: () =>
                          onDecided(
                            t('groups.requests.approved', {
                              name,
                              category: t(`groups.categories.${category}`),
                            }),
                          ),
                      },
                    );
                  }}
                >
                  {category
                    ? t('groups.requests.approveConfirm', { category: t(`groups.categories.${category}`) })
                    : t('groups.requests.approve')}
                </Button>
                <Button variant="default" onClick={() => setMode(null)} disabled={decide.isPending}>
                  {t('common.cancel')}
                </Button>
              </Group>
            </Stack>
          </div>
        ) : null}
        {mode === 'reject' ? (
          <div className="itd-decision-panel">
            <TextDecisionForm
              field="reason"
              label={t('groups.requests.rejectReason')}
              description=""
              submitLabel={t('groups.requests.rejectConfirm')}
              color="red"
              isPending={decide.isPending}
              error={decide.error}
              onCancel={() => setMode(null)}
              onSubmit={(reason) =>
                decide.mutate(
                  { kind: 'reject', body: { reason } },
                  { onSuccess: () => onDecided(t('groups.requests.rejected', { name })) },
                )
              }
            />
          </div>
        ) : null}
      </Stack>
    </Card>
  );
}
