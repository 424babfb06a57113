/** The report's history, oldest first: what happened, who did it, when, and why when a reason was given. */
import { Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportEvent } from '../../../shared/reports.contract.ts';
import { formatDateTime } from '../../ui/format.ts';
import { useLanguage } from '../../ui/use-language.ts';

export function ReportEvents({ events }: { events: ReportEvent[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Timeline bulletSize={14} lineWidth={2} active={events.length - 1} data-testid="report-events">
      {events.map((event) => (
        <Timeline.Item key={event.id} title={t(`reports.events.${event.kind}`)} data-testid="report-event">
          <Text size="sm" c="dimmed">
            {formatDateTime(event.occurredAt, language)} · {event.actorLabel ?? t('reports.platform')}
          </Text>
          {event.reason ? <Text size="sm">{t('record.because', { reason: event.reason })}</Text> : null}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
