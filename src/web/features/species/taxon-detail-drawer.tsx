/**
 * Details of one taxon (GET /api/v1/reference/taxa/:id) in a drawer: classification, synonyms, the common
 * names in all three languages, Appendix and author.
 */
import { Anchor, Badge, Drawer, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../../shared/languages.ts';
import type { TaxonDetail } from '../../../shared/reference.contract.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { RestrictedMarking } from '../../ui/restricted-banner.tsx';
import { useTaxonDetail } from './species.queries.ts';
import { AppendixBadge, ScientificName } from './taxon-labels.tsx';

export interface TaxonDetailDrawerProps {
  taxonId: number | null;
  onClose: () => void;
  onOpenTaxon: (id: number) => void;
}

export function TaxonDetailDrawer({ taxonId, onClose, onOpenTaxon }: TaxonDetailDrawerProps) {
  const { t } = useTranslation();
  const isSmallScreen = useMediaQuery('(max-width: 48em)') ?? false;
  const detail = useTaxonDetail(taxonId);

  return (
    <Drawer
      opened={taxonId !== null}
      onClose={onClose}
      position="right"
      size={isSmallScreen ? '100%' : 'lg'}
      title={
        detail.data ? <TaxonTitle taxon={detail.data} /> : t(detail.isError ? 'taxon.title' : 'taxon.loading')
      }
      closeButtonProps={{ 'aria-label': t('taxon.close') }}
      // The default scroll lock injects a <style> element (react-remove-scroll-bar), which our CSP refuses.
      // Scrolling behind the drawer is still blocked by its event handlers; only the scrollbar stays visible.
      removeScrollProps={{ removeScrollBar: false }}
    >
      {/* The drawer covers the page banner on phones: it carries the marking itself. */}
      <RestrictedMarking />
      {detail.isPending && taxonId !== null ? (
        <Group gap="sm">
          <Loader size="sm" />
          <Text>{t('taxon.loading')}</Text>
        </Group>
      ) : null}
      {detail.isError ? <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} /> : null}
      {detail.data ? <TaxonFacts taxon={detail.data} onOpenTaxon={onOpenTaxon} /> : null}
    </Drawer>
  );
}

function TaxonTitle({ taxon }: { taxon: TaxonDetail }) {
  return (
    <>
      <ScientificName name={taxon.name} rank={taxon.rank} />
      {taxon.author ? (
        <Text component="span" c="dimmed" fw={400} ml="xs">
          {taxon.author}
        </Text>
      ) : null}
    </>
  );
}

function TaxonFacts({ taxon, onOpenTaxon }: { taxon: TaxonDetail; onOpenTaxon: (id: number) => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg" data-testid="taxon-detail">
      <Table variant="vertical" withTableBorder layout="fixed">
        <Table.Tbody>
          <Table.Tr>
            <Table.Th w="40%">{t('taxon.rank')}</Table.Th>
            <Table.Td>{t(`ranks.${taxon.rank}`)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('taxon.appendix')}</Table.Th>
            <Table.Td>
              <AppendixBadge appendix={taxon.appendix} />
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('taxon.author')}</Table.Th>
            <Table.Td>{taxon.author ?? '—'}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('taxon.status')}</Table.Th>
            <Table.Td>
              <Badge color={taxon.isCitesAccepted ? 'itdTeal' : 'gray'} variant="light" tt="none">
                {taxon.isCitesAccepted ? t('taxon.accepted') : t('taxon.notAccepted')}
              </Badge>
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>

      <section>
        <Title order={3} size="h5" mb="xs">
          {t('taxon.lineage')}
        </Title>
        <ol className="itd-lineage">
          {taxon.lineage.map((ancestor) => (
            <li key={ancestor.id}>
              <span className="itd-lineage__rank">{t(`ranks.${ancestor.rank}`)}</span>
              <Anchor component="button" type="button" onClick={() => onOpenTaxon(ancestor.id)}>
                <ScientificName name={ancestor.name} rank={ancestor.rank} />
              </Anchor>
            </li>
          ))}
          <li aria-current="true">
            <span className="itd-lineage__rank">{t(`ranks.${taxon.rank}`)}</span>
            <strong>
              <ScientificName name={taxon.name} rank={taxon.rank} />
            </strong>
          </li>
        </ol>
      </section>

      <section>
        <Title order={3} size="h5" mb="xs">
          {t('taxon.synonyms')}
        </Title>
        {taxon.synonyms.length === 0 ? (
          <Text c="dimmed">{t('taxon.noSynonyms')}</Text>
        ) : (
          <Text>
            {taxon.synonyms.map((synonym, index) => (
              <span key={synonym}>
                {index > 0 ? ', ' : null}
                <ScientificName name={synonym} rank={taxon.rank} />
              </span>
            ))}
          </Text>
        )}
      </section>

      <section>
        <Title order={3} size="h5" mb="xs">
          {t('taxon.commonNames')}
        </Title>
        <Table variant="vertical" withTableBorder layout="fixed" data-testid="common-names">
          <Table.Tbody>
            {LANGUAGES.map((language) => (
              <Table.Tr key={language}>
                <Table.Th w="40%">{t(`language.${language}`)}</Table.Th>
                <Table.Td>
                  {taxon.commonNames[language].length > 0 ? (
                    <span lang={language}>{taxon.commonNames[language].join(', ')}</span>
                  ) : (
                    <Text component="span" c="dimmed" size="sm">
                      {t('taxon.noCommonNames')}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </section>
    </Stack>
  );
}
