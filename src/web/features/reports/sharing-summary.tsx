/** The three sharing answers as short words: "Parties: yes · ICCWC: no · ETIS: yes". */
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Sharing } from '../../../shared/reports.contract.ts';

export const SHARING_KEYS = ['shareParties', 'shareIccwc', 'shareEtis'] as const;

export function SharingSummary({ sharing }: { sharing: Sharing }) {
  const { t } = useTranslation();
  return (
    <Text size="sm">
      {SHARING_KEYS.map(
        (key) => `${t(`reports.sharing.short.${key}`)}: ${sharing[key] ? t('reports.yes') : t('reports.no')}`,
      ).join(' · ')}
    </Text>
  );
}
