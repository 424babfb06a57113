/**
 * Audit entries as a table, newest first. A person's name or a record's number filters the view to it, which is
 * how an admin follows one user's trail. Details are the entry's own JSON, shortened; the CSV export has them whole.
 */
import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../shared/audit.contract.ts';
import { formatDateTime } from '../../ui/format.ts';
import { useLanguage } from '../../ui/use-language.ts';

export interface AuditEntryTableProps {
  entries: AuditEntry[];
  onFilterActor: (actorId: string, label: string) => void;
  onFilterRecord: (recordId: string) => void;
}

const DETAILS_SHOWN = 240;

function detailsText(details: Record<string, unknown>): string {
  const text = Object.entries(details)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' · ');
  return text.length > DETAILS_SHOWN ? `${text.slice(0, DETAILS_SHOWN)}…` : text;
}

export function AuditEntryTable({ entries, onFilterActor, onFilterRecord }: AuditEntryTableProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table striped verticalSpacing="xs" data-testid="audit-entries">
        <Table.Caption>{t('audit.table.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('audit.table.seq')}</Table.Th>
            <Table.Th scope="col">{t('audit.table.when')}</Table.Th>
            <Table.Th scope="col">{t('audit.table.who')}</Table.Th>
            <Table.Th scope="col">{t('audit.table.action')}</Table.Th>
            <Table.Th scope="col">{t('audit.table.target')}</Table.Th>
            <Table.Th scope="col">{t('audit.table.details')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.seq} data-action={entry.action}>
              <Table.Td>{entry.seq}</Table.Td>
              <Table.Td className="itd-nowrap">{formatDateTime(entry.occurredAt, language)}</Table.Td>
              <Table.Td>
                <Who entry={entry} onFilterActor={onFilterActor} />
              </Table.Td>
              <Table.Td>
                <code>{entry.action}</code>
              </Table.Td>
              <Table.Td>
                <Target entry={entry} onFilterRecord={onFilterRecord} />
              </Table.Td>
              <Table.Td>
                <Text size="xs" ff="monospace" className="itd-break-anywhere">
                  {detailsText(entry.details)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Who({
  entry,
  onFilterActor,
}: {
  entry: AuditEntry;
  onFilterActor: (actorId: string, label: string) => void;
}) {
  const { t } = useTranslation();
  const label = entry.actorLabel ?? t(`audit.actorKinds.${entry.actorKind}`);
  return (
    <>
      {entry.actorId ? (
        <Anchor
          component="button"
          type="button"
          size="sm"
          onClick={() => onFilterActor(entry.actorId!, label)}
          title={t('audit.table.filterActor', { name: label })}
        >
          {label}
        </Anchor>
      ) : (
        <Text size="sm">{label}</Text>
      )}
      {entry.organisationName ? (
        <Text size="xs" c="dimmed">
          {entry.organisationName}
        </Text>
      ) : null}
      {entry.ipAddress ? (
        <Text size="xs" c="dimmed">
          {entry.ipAddress}
        </Text>
      ) : null}
    </>
  );
}

function Target({
  entry,
  onFilterRecord,
}: {
  entry: AuditEntry;
  onFilterRecord: (recordId: string) => void;
}) {
  const { t } = useTranslation();
  if (!entry.targetType) return <Text size="sm">—</Text>;
  if (entry.targetType === 'seizure_record' && entry.targetId) {
    const recordId = entry.targetId;
    return (
      <Anchor
        component="button"
        type="button"
        size="sm"
        onClick={() => onFilterRecord(recordId)}
        title={t('audit.table.filterRecord', { id: recordId })}
      >
        {t('audit.table.record', { id: recordId })}
      </Anchor>
    );
  }
  return (
    <Text size="sm" className="itd-break-anywhere">
      {entry.targetType}
      {entry.targetId ? ` ${entry.targetId}` : ''}
    </Text>
  );
}
