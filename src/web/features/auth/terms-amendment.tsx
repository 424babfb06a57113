/**
 * Announces an amendment of the terms of use on the sign-in page (DESIGN §2): what changed, in the reader's
 * language, with a link to the full text. Nothing is shown when the current version carries no change summary
 * (or when it cannot be loaded: signing in must not depend on it).
 */
import { Alert, Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../ui/format.ts';
import { useLanguage } from '../../ui/use-language.ts';
import { inLanguage, useCurrentTerms } from './terms.queries.ts';

export function TermsAmendment() {
  const { t } = useTranslation();
  const language = useLanguage();
  const terms = useCurrentTerms();
  const summary = terms.data?.changeSummary ?? null;
  if (!terms.data || summary === null) return null;
  return (
    <Alert color="blue" variant="light" title={t('terms.amendedTitle')} data-testid="terms-amendment">
      <Text size="sm">
        {t('terms.amendedIntro', {
          version: terms.data.version,
          date: formatDate(terms.data.publishedAt, language),
        })}
      </Text>
      <Text size="sm" mt="xs" className="itd-preformatted">
        {inLanguage(summary, language)}
      </Text>
      <Anchor component={Link} to="/terms" size="sm" mt="xs" display="inline-block">
        {t('terms.readFull')}
      </Anchor>
    </Alert>
  );
}
