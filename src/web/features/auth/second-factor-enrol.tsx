/**
 * Enrolment of an authenticator app at first sign-in: the QR code (an SVG data: URL, allowed by the CSP's
 * img-src), the same secret as text for people who type it, then a first code to prove the app works.
 */
import { Card, Code, Group, Image, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { recoveryCodesSchema } from '../../../shared/auth.contract.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';
import { CodeForm } from './code-form.tsx';
import { useEnrol, useEnrolment } from './second-factor.api.ts';

export type Enrolled = z.infer<typeof recoveryCodesSchema>;

/** The secret in groups of four, easier to copy by hand; authenticator apps ignore the spaces. */
function grouped(secret: string): string {
  return secret.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

export function SecondFactorEnrol({ onEnrolled }: { onEnrolled: (result: Enrolled) => void }) {
  const { t } = useTranslation();
  const enrolment = useEnrolment();
  const enrol = useEnrol();

  if (enrolment.isPending) return <PageLoader label={t('secondFactor.loadingEnrolment')} />;
  if (enrolment.isError) {
    return <ErrorAlert error={enrolment.error} onRetry={() => void enrolment.refetch()} />;
  }
  const { qrCode, secret } = enrolment.data;

  return (
    <Stack gap="lg">
      <Text maw="44rem">{t('secondFactor.enrolIntro')}</Text>
      <Card withBorder padding="lg">
        <Title order={2} size="h4" mb="sm">
          {t('secondFactor.step1')}
        </Title>
        <Group align="flex-start" gap="xl">
          <Image
            src={qrCode}
            alt={t('secondFactor.qrAlt')}
            w={200}
            h={200}
            fit="contain"
            className="itd-qr-code"
          />
          <Stack gap="xs" maw="26rem">
            <List size="sm" spacing="xs">
              <List.Item>{t('secondFactor.scanHint')}</List.Item>
              <List.Item>{t('secondFactor.typeHint')}</List.Item>
            </List>
            <Text size="sm" fw={600} mt="xs" id="totp-secret-label">
              {t('secondFactor.secretLabel')}
            </Text>
            <Code block className="itd-secret" data-testid="totp-secret" aria-labelledby="totp-secret-label">
              {grouped(secret)}
            </Code>
          </Stack>
        </Group>
      </Card>
      <Card withBorder padding="lg">
        <Title order={2} size="h4" mb="sm">
          {t('secondFactor.step2')}
        </Title>
        <CodeForm
          label={t('secondFactor.codeLabel')}
          description={t('secondFactor.enrolCodeHint')}
          submitLabel={t('secondFactor.enrolSubmit')}
          isPending={enrol.isPending}
          error={enrol.error}
          onSubmit={(code) => enrol.mutate(code, { onSuccess: onEnrolled })}
        />
      </Card>
    </Stack>
  );
}
