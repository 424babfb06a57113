/**
 * The results table of the checklist. On small screens (below `sm`) it keeps two columns, the names (common
 * name under the scientific one) and the Appendix, so it never overflows a 375 px phone.
 */
import { Table, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Taxon } from '../../../shared/reference.contract.ts';
import { useLanguage } from '../../ui/use-language.ts';
import { AppendixBadge, ScientificName } from './taxon-labels.tsx';
import { pickCommonName } from './taxon-names.ts';

export interface TaxaTableProps {
  taxa: Taxon[];
  onOpenTaxon: (id: number) => void;
}

export function TaxaTable({ taxa, onOpenTaxon }: TaxaTableProps) {
  const { t } = useTranslation();
  return (
    <Table className="itd-taxa-table" striped highlightOnHover withTableBorder verticalSpacing="xs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('species.columns.scientificName')}</Table.Th>
          <Table.Th visibleFrom="sm">{t('species.columns.commonName')}</Table.Th>
          <Table.Th visibleFrom="md">{t('species.columns.rank')}</Table.Th>
          <Table.Th>{t('species.columns.appendix')}</Table.Th>
          <Table.Th visibleFrom="md">{t('species.columns.family')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {taxa.map((taxon) => (
          <TaxonRow key={taxon.id} taxon={taxon} onOpen={() => onOpenTaxon(taxon.id)} />
        ))}
      </Table.Tbody>
    </Table>
  );
}

function TaxonRow({ taxon, onOpen }: { taxon: Taxon; onOpen: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const commonName = pickCommonName(taxon.commonNames, language);
  const commonNameText = commonName ? (
    <span
      lang={commonName.language}
      title={commonName.language === language ? undefined : t('species.englishFallback')}
    >
      {commonName.name}
    </span>
  ) : null;

  // The whole row opens the details (a large target on touch screens); the button inside makes it reachable
  // by keyboard, and its click bubbles up to the row so there is one handler.
  return (
    <Table.Tr onClick={onOpen} data-testid="taxon-row">
      <Table.Td>
        <UnstyledButton
          className="itd-taxon-button"
          aria-label={t('species.showDetails', { name: taxon.name })}
          aria-haspopup="dialog"
        >
          <ScientificName name={taxon.name} rank={taxon.rank} />
        </UnstyledButton>
        <Text size="sm" c="dimmed" hiddenFrom="sm">
          {commonNameText}
        </Text>
      </Table.Td>
      <Table.Td visibleFrom="sm">{commonNameText}</Table.Td>
      <Table.Td visibleFrom="md">{t(`ranks.${taxon.rank}`)}</Table.Td>
      <Table.Td>
        <AppendixBadge appendix={taxon.appendix} />
      </Table.Td>
      <Table.Td visibleFrom="md">{taxon.family}</Table.Td>
    </Table.Tr>
  );
}
