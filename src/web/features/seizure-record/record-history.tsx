/**
 * A record's history after submission: the version in force, then each kept version, newest first, with who
 * replaced it, when, why and what the correction changed (field: before → after).
 */
import { Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RecordVersion, SeizureRecordView } from '../../../shared/seizure-record.contract.ts';
import { formatDateTime } from '../../ui/format.ts';
import { useLanguage } from '../../ui/use-language.ts';
import { showValue, VALUE_FIELDS } from './record-values.ts';

export function RecordHistory({ record }: { record: SeizureRecordView }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="record-history-title" data-testid="record-history">
      <Title order={3} size="h5" id="record-history-title" mb="xs">
        {t('record.history')}
      </Title>
      <Timeline active={0} bulletSize={14} lineWidth={2}>
        <Timeline.Item
          title={
            <span data-testid="record-version">
              {t('record.currentVersion', { version: record.version })}
            </span>
          }
        >
          <Text size="sm" c="dimmed">
            {record.versions.length === 0 ? t('record.noCorrections') : t('record.inForce')}
          </Text>
        </Timeline.Item>
        {record.versions.map((version) => (
          <Timeline.Item key={version.version} data-testid="record-version-entry">
            <KeptVersion version={version} />
          </Timeline.Item>
        ))}
      </Timeline>
    </section>
  );
}

function KeptVersion({ version }: { version: RecordVersion }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const show = (value: unknown) => showValue(value, t('record.yes'), t('record.no'));
  const fieldName = (field: string) => {
    if (field === 'datePrecision') return t('record.datePrecision');
    return (VALUE_FIELDS as readonly string[]).includes(field)
      ? t(`record.fields.${field as (typeof VALUE_FIELDS)[number]}`)
      : field;
  };
  // The taxon's id changes with its name, which says more.
  const changed = version.changed.filter((change) => change.field !== 'taxonId');
  return (
    <>
      <Text size="sm">
        <strong>{t('record.versionLabel', { version: version.version })}</strong>
        {t('record.replacedBy', {
          who: version.replacedBy ?? t('record.someone'),
          when: formatDateTime(version.replacedAt, language),
        })}
      </Text>
      <Text size="sm" className="itd-quote">
        {t('record.because', { reason: version.reason })}
      </Text>
      {changed.length > 0 ? (
        <Text size="sm" c="dimmed" component="ul" className="itd-version-values">
          {changed.map((change) => (
            <li key={change.field}>
              {`${fieldName(change.field)}: ${show(change.from)} → ${show(change.to)}`}
            </li>
          ))}
        </Text>
      ) : null}
    </>
  );
}
