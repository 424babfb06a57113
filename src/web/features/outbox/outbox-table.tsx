/** Messages of the outbox, newest first: when, to whom, what, whether it left, and a way to open a waiting one. */
import { Badge, Button, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OutboxMessage, OutboxStatus } from '../../../shared/outbox.contract.ts';
import { formatDateTime } from '../../ui/format.ts';
import { useLanguage } from '../../ui/use-language.ts';

const STATUS_COLOURS: Record<OutboxStatus, string> = { waiting: 'blue', sent: 'teal', undeliverable: 'red' };

export interface OutboxTableProps {
  messages: OutboxMessage[];
  onOpen: (message: OutboxMessage) => void;
}

export function OutboxTable({ messages, onOpen }: OutboxTableProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped verticalSpacing="xs" data-testid="outbox-messages">
        <Table.Caption>{t('outbox.table.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('outbox.table.queued')}</Table.Th>
            <Table.Th scope="col">{t('outbox.table.recipient')}</Table.Th>
            <Table.Th scope="col">{t('outbox.table.subject')}</Table.Th>
            <Table.Th scope="col">{t('outbox.table.status')}</Table.Th>
            <Table.Th scope="col">{t('outbox.table.message')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {messages.map((message) => (
            <Table.Tr key={message.id} data-status={message.status}>
              <Table.Td className="itd-nowrap">{formatDateTime(message.createdAt, language)}</Table.Td>
              <Table.Td className="itd-break-anywhere">{message.recipient}</Table.Td>
              <Table.Td>{message.subject}</Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLOURS[message.status]} variant="light" tt="none">
                  {t(`outbox.statuses.${message.status}`)}
                </Badge>
                {message.sentAt ? (
                  <Text size="xs" c="dimmed">
                    {formatDateTime(message.sentAt, language)}
                  </Text>
                ) : null}
                {message.lastError ? (
                  <Text size="xs" c="dimmed">
                    {t('outbox.table.attempts', { count: message.attempts })} — {message.lastError}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                {message.hasBody ? (
                  <Button size="xs" variant="light" onClick={() => onOpen(message)} data-testid="outbox-open">
                    {t('outbox.open')}
                  </Button>
                ) : (
                  <Text size="xs" c="dimmed">
                    {t('outbox.noBody')}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
