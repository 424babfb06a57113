/** /reports/upload — send a report file; the review of its rows follows on the staging page. */
import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { RequireSession } from '../../features/auth/require-session.tsx';
import { UploadForm } from '../../features/imports/upload-form.tsx';

export function UploadPage() {
  return (
    <RequireSession abilities={['report.import']}>
      <Upload />
    </RequireSession>
  );
}

function Upload() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('reports.upload.title')} — ${t('app.name')}`);
  const navigate = useNavigate();
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/reports" size="sm">
        {t('reports.backToList')}
      </Anchor>
      <Title order={1}>{t('reports.upload.title')}</Title>
      <Text>{t('reports.upload.intro')}</Text>
      <UploadForm onUploaded={(batch) => void navigate(`/reports/imports/${batch.id}`)} />
    </Stack>
  );
}
