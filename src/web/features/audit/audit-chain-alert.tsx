/** The audit chain's state at the top of the viewer: verified up to entry N, or the first broken entry. */
import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { useLanguage } from '../../ui/use-language.ts';
import { useAuditChainState } from './audit.api.ts';

export function AuditChainAlert() {
  const { t } = useTranslation();
  const language = useLanguage();
  const chain = useAuditChainState();
  if (chain.isError) return <ErrorAlert error={chain.error} onRetry={() => void chain.refetch()} />;
  if (!chain.data) return null;
  const state = chain.data;
  const checkedAt = formatDateTime(state.checkedAt, language);
  if (state.state === 'verified') {
    return (
      <Alert
        color="teal"
        title={t('audit.chain.verifiedTitle')}
        data-testid="audit-chain"
        data-state="verified"
      >
        {t('audit.chain.verified', { seq: state.upToSeq, checkedAt })}
      </Alert>
    );
  }
  return (
    <Alert color="red" title={t('audit.chain.brokenTitle')} data-testid="audit-chain" data-state="broken">
      {t('audit.chain.broken', {
        seq: state.firstBrokenSeq,
        problem: t(`audit.chain.problems.${state.problem}`),
        count: state.problems,
        checkedAt,
      })}
    </Alert>
  );
}
