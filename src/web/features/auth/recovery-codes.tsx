/**
 * The ten one-time recovery codes, shown once right after enrolment: the person downloads or copies them and
 * confirms they have saved them before going on (DESIGN §2).
 */
import { Alert, Button, Card, Checkbox, CopyButton, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface RecoveryCodesProps {
  codes: readonly string[];
  accountLabel: string;
  isContinuing: boolean;
  onContinue: () => void;
}

export function RecoveryCodes({ codes, accountLabel, isContinuing, onContinue }: RecoveryCodesProps) {
  const { t } = useTranslation();
  const [hasSaved, setHasSaved] = useState(false);
  const text = useMemo(
    () => [t('recoveryCodes.fileHeading', { account: accountLabel }), '', ...codes, ''].join('\n'),
    [codes, accountLabel, t],
  );
  const downloadUrl = useObjectUrl(text);

  return (
    <Stack gap="lg">
      <Alert color="orange" variant="light" title={t('recoveryCodes.warningTitle')}>
        {t('recoveryCodes.warning')}
      </Alert>
      <Card withBorder padding="lg">
        <Title order={2} size="h4" mb="sm">
          {t('recoveryCodes.title')}
        </Title>
        <ol className="itd-recovery-codes" data-testid="recovery-codes">
          {codes.map((code) => (
            <li key={code}>
              <code>{code}</code>
            </li>
          ))}
        </ol>
        <Group gap="sm" mt="md">
          <Button
            component="a"
            href={downloadUrl ?? undefined}
            download="itd-recovery-codes.txt"
            variant="default"
          >
            {t('recoveryCodes.download')}
          </Button>
          <CopyButton value={codes.join('\n')}>
            {({ copied, copy }) => (
              <Button variant="default" onClick={copy} color={copied ? 'teal' : undefined}>
                {copied ? t('common.copied') : t('recoveryCodes.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Card>
      <Checkbox
        label={t('recoveryCodes.confirm')}
        checked={hasSaved}
        onChange={(event) => setHasSaved(event.currentTarget.checked)}
      />
      <Text size="sm" c="dimmed">
        {t('recoveryCodes.howToUse')}
      </Text>
      <Button w="fit-content" disabled={!hasSaved} loading={isContinuing} onClick={onContinue}>
        {t('recoveryCodes.continue')}
      </Button>
    </Stack>
  );
}

/** A blob: URL for a text, revoked when the text changes or the component goes away. */
function useObjectUrl(text: string): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const created = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    setUrl(created);
    return () => URL.revokeObjectURL(created);
  }, [text]);
  return url;
}
