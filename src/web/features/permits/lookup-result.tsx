/**
 * A lookup's answer on a phone screen: one verdict line in colour (valid in green, anything else in red), the red
 * flags as badges, the permit's main boxes, and each line with the quantity authorised, exported and remaining.
 */
import { Alert, Badge, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { INFORMATIVE_FLAGS, type LookupResult } from '../../../shared/permits.contract.ts';

export function LookupResultView({ result }: { result: LookupResult }) {
  const { t } = useTranslation();
  if (!result.found) {
    return (
      <Alert
        color={result.issuerSharesPermits ? 'red' : 'yellow'}
        title={t('permits.notFound')}
        data-testid="permit-verdict"
      >
        {result.issuerSharesPermits ? t('permits.issuerShares') : t('permits.issuerSilent')}
        {/* A stamp from a batch reported lost or stolen is a red flag even when the number is unknown. */}
        {result.flags.length > 0 ? (
          <Group gap="xs" mt="xs" data-testid="permit-flags">
            {result.flags.map((flag) => (
              <Badge key={flag} color="red" size="lg" variant="filled">
                {t(`permits.flags.${flag}`)}
              </Badge>
            ))}
          </Group>
        ) : null}
      </Alert>
    );
  }
  const permit = result.permit!;
  return (
    <Stack gap="sm">
      <Alert
        color={result.valid ? 'green' : 'red'}
        title={result.valid ? t('permits.valid') : t('permits.notValid')}
        data-testid="permit-verdict"
      >
        <Text fw={600}>
          {permit.issuingCountry} {permit.number} ({permit.type})
        </Text>
        <Text size="sm">
          {t('permits.validity', { from: permit.validFrom ?? '—', until: permit.validUntil ?? '—' })}
        </Text>
      </Alert>
      {result.flags.length > 0 ? (
        <Group gap="xs" data-testid="permit-flags">
          {result.flags.map((flag) => (
            <Badge
              key={flag}
              color={INFORMATIVE_FLAGS.includes(flag) ? 'yellow' : 'red'}
              size="lg"
              variant="filled"
            >
              {t(`permits.flags.${flag}`)}
            </Badge>
          ))}
        </Group>
      ) : null}
      <Text size="sm">
        {t('permits.exporter')}: {permit.exporterName} ({permit.exporterCountry ?? '—'}) ·{' '}
        {t('permits.importer')}: {permit.importerName} ({permit.importerCountry ?? '—'})
      </Text>
      <Table striped withTableBorder fz="sm" aria-label={t('permits.lines')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>#</Table.Th>
            <Table.Th>{t('permits.authorised')}</Table.Th>
            <Table.Th>{t('permits.endorsed')}</Table.Th>
            <Table.Th>{t('permits.remaining')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {result.lines.map((line) => (
            <Table.Tr key={line.lineNo}>
              <Table.Td>
                <Text size="sm" fs="italic">
                  {line.taxonName}
                </Text>
                <Text size="xs" c="dimmed">
                  {[line.termCode, line.appendix && `App. ${line.appendix}`, line.sourceCode]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              </Table.Td>
              <Table.Td>{`${line.authorised} ${line.unitCode ?? ''}`}</Table.Td>
              <Table.Td>{line.endorsed}</Table.Td>
              <Table.Td data-testid={`remaining-${line.lineNo}`}>{line.remaining}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
