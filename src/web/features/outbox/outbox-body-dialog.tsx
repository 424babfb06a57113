/** One waiting message as its recipient would read it, so an admin can pass its link on by other means. */
import { Alert, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OutboxMessage } from '../../../shared/outbox.contract.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';
import { useOutboxBody } from './outbox.api.ts';

export function OutboxBodyDialog({ message, onClose }: { message: OutboxMessage; onClose: () => void }) {
  const { t } = useTranslation();
  const body = useOutboxBody(message.id);
  return (
    <Modal opened onClose={onClose} title={message.subject} size="lg">
      <Stack gap="sm">
        <Text size="sm">{t('outbox.dialog.to', { recipient: message.recipient })}</Text>
        <Alert color="yellow">{t('outbox.dialog.warning')}</Alert>
        {body.isPending ? <PageLoader label={t('common.loading')} /> : null}
        {body.isError ? <ErrorAlert error={body.error} onRetry={() => void body.refetch()} /> : null}
        {body.data ? (
          <div className="itd-preformatted itd-break-anywhere" data-testid="outbox-body">
            {body.data.body || t('outbox.noBody')}
          </div>
        ) : null}
      </Stack>
    </Modal>
  );
}
