/**
 * Small pieces used wherever a taxon is shown: its scientific name and its CITES Appendix badge.
 */
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TaxonRank } from '../../../shared/reference.contract.ts';
import { isItalicRank } from './taxon-names.ts';

export function ScientificName({ name, rank }: { name: string; rank: TaxonRank }) {
  // lang="la": scientific names are (neo-)Latin; screen readers should not read them as the interface language.
  return isItalicRank(rank) ? <em lang="la">{name}</em> : <span lang="la">{name}</span>;
}

/** Listing strictness decides the colour: Appendix I (trade prohibited) stands out most. */
const APPENDIX_COLORS: Record<string, string> = { I: 'red', II: 'orange', III: 'blue' };

function appendixColor(appendix: string): string {
  // "I/II" (split listing) takes the colour of its strictest part, which Species+ writes first.
  const strictest = appendix.split('/')[0]?.trim() ?? '';
  return APPENDIX_COLORS[strictest] ?? 'gray';
}

export function AppendixBadge({ appendix }: { appendix: string | null }) {
  const { t } = useTranslation();
  if (appendix === null) {
    return (
      <Badge color="gray" variant="outline" tt="none">
        {t('species.notListed')}
      </Badge>
    );
  }
  return (
    <Badge
      color={appendixColor(appendix)}
      variant="light"
      tt="none"
      aria-label={t('species.appendixLabel', { appendix })}
      title={t('species.appendixLabel', { appendix })}
    >
      {appendix}
    </Badge>
  );
}
