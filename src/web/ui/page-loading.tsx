import { Container } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageLoader } from './page-loader.tsx';

/** What shows while the first page's code arrives (on a slow link, a second or two): words, not a blank screen. */
export function PageLoading() {
  const { t } = useTranslation();
  return (
    <Container size="lg">
      <PageLoader label={t('app.loadingPage')} />
    </Container>
  );
}
