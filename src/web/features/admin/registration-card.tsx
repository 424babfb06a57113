/**
 * One registration request in the review queue: who, where from, what they ask for and why, the webmail warning,
 * the focal point's endorsement, and the decisions the caller may take (from the item's `abilities`).
 */
import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Registration } from '../../../shared/registration.contract.ts';
import { formatDate, formatDateTime } from '../../ui/format.ts';
import { useLanguage } from '../../ui/use-language.ts';
import { useCountryName } from '../reference/countries.queries.ts';
import { useDecideRegistration, type RegistrationDecision } from './admin.api.ts';
import { ApproveForm } from './approve-form.tsx';
import { EndorseForm, TextDecisionForm } from './decision-forms.tsx';

type OpenForm = RegistrationDecision['kind'] | null;

export interface RegistrationCardProps {
  registration: Registration;
  onDecided: (registration: Registration, decision: RegistrationDecision['kind']) => void;
}

export function RegistrationCard({ registration, onDecided }: RegistrationCardProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const countryName = useCountryName();
  const [open, setOpen] = useState<OpenForm>(null);
  const decide = useDecideRegistration(registration.id);
  const name = `${registration.firstName} ${registration.lastName}`;
  const canEndorse = registration.abilities.includes('endorse');
  const canDecide = registration.abilities.includes('decide');

  const send = (decision: RegistrationDecision) =>
    decide.mutate(decision, {
      onSuccess: (updated) => {
        setOpen(null);
        onDecided(updated, decision.kind);
      },
    });
  const choose = (form: OpenForm) => {
    decide.reset();
    setOpen(form);
  };

  return (
    <Card withBorder padding="lg" component="article" aria-label={name} data-testid="registration">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <div>
            <Title order={2} size="h4">
              {name}
            </Title>
            <Text size="sm">
              {registration.functionTitle} · {registration.organisation} · {countryName(registration.country)}
            </Text>
          </div>
          <Badge variant="light" tt="none">
            {t(`registrations.statuses.${registration.status}`)}
          </Badge>
        </Group>

        <dl className="itd-facts">
          <dt>{t('registrations.email')}</dt>
          <dd>
            {registration.email}{' '}
            {registration.isWebmail ? (
              <Badge color="orange" variant="filled" tt="none" ml={4}>
                {t('registrations.webmail')}
              </Badge>
            ) : null}
          </dd>
          <dt>{t('registrations.telephone')}</dt>
          <dd>{registration.telephone}</dd>
          <dt>{t('registrations.requested')}</dt>
          <dd>
            {[
              registration.requestsItdAccess ? t('registrations.itd') : null,
              ...registration.requestedGroups.map((group) => t('registrations.group', { group })),
            ]
              .filter(Boolean)
              .join(' · ') || t('registrations.nothingRequested')}
          </dd>
          <dt>{t('registrations.submitted')}</dt>
          <dd>
            {formatDateTime(registration.createdAt, language)} · {t(`language.${registration.language}`)}
          </dd>
        </dl>
        {registration.isWebmail ? (
          <Alert color="orange" variant="light" p="xs">
            <Text size="sm">{t('registrations.webmailWarning')}</Text>
          </Alert>
        ) : null}

        <div>
          <Text size="sm" fw={600}>
            {t('registrations.justification')}
          </Text>
          <blockquote className="itd-quote">{registration.justification}</blockquote>
        </div>

        <Text size="sm" data-testid="endorsement">
          {registration.endorsement
            ? t(`registrations.endorsementLine.${registration.endorsement.decision}`, {
                by: registration.endorsement.by,
                date: formatDate(registration.endorsement.at, language),
              })
            : t('registrations.noEndorsement')}
          {registration.endorsement?.note ? ` — “${registration.endorsement.note}”` : null}
        </Text>
        {registration.decisionReason ? (
          <Text size="sm">
            <strong>{t('registrations.decisionReason')}</strong> {registration.decisionReason}
          </Text>
        ) : null}

        {open === null && (canEndorse || canDecide) ? (
          <Group gap="sm">
            {canDecide ? (
              <>
                <Button color="teal" onClick={() => choose('approve')}>
                  {t('registrations.approve')}
                </Button>
                <Button variant="default" onClick={() => choose('request-info')}>
                  {t('registrations.requestInfo')}
                </Button>
                <Button variant="default" color="red" onClick={() => choose('reject')}>
                  {t('registrations.reject')}
                </Button>
              </>
            ) : null}
            {canEndorse ? (
              <Button variant="default" onClick={() => choose('endorse')}>
                {t('registrations.endorse')}
              </Button>
            ) : null}
          </Group>
        ) : null}
        <DecisionPanel
          open={open}
          registration={registration}
          decide={decide}
          onSend={send}
          onCancel={() => choose(null)}
        />
      </Stack>
    </Card>
  );
}

interface DecisionPanelProps {
  open: OpenForm;
  registration: Registration;
  decide: ReturnType<typeof useDecideRegistration>;
  onSend: (decision: RegistrationDecision) => void;
  onCancel: () => void;
}

function DecisionPanel({ open, registration, decide, onSend, onCancel }: DecisionPanelProps) {
  const { t } = useTranslation();
  const common = { isPending: decide.isPending, error: decide.error, onCancel };
  if (open === null) return null;
  return (
    <div className="itd-decision-panel">
      {open === 'approve' ? (
        <ApproveForm
          {...common}
          registration={registration}
          onSubmit={(body) => onSend({ kind: open, body })}
        />
      ) : open === 'reject' ? (
        <TextDecisionForm
          {...common}
          field="reason"
          label={t('registrations.rejectReason')}
          description={t('registrations.rejectHint')}
          submitLabel={t('registrations.rejectSubmit')}
          color="red"
          onSubmit={(reason) => onSend({ kind: open, body: { reason } })}
        />
      ) : open === 'request-info' ? (
        <TextDecisionForm
          {...common}
          field="message"
          label={t('registrations.infoMessage')}
          description={t('registrations.infoHint')}
          submitLabel={t('registrations.infoSubmit')}
          onSubmit={(message) => onSend({ kind: open, body: { message } })}
        />
      ) : (
        <EndorseForm {...common} onSubmit={(body) => onSend({ kind: 'endorse', body })} />
      )}
    </div>
  );
}
