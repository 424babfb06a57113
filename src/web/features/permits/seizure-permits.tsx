/**
 * The permits a seizure record names, in its drawer: each number with where it was found, the issuing Party, the
 * registry's verdict as of the seizure date (valid in green, invalid in red, not in the registry in grey), the red
 * flags and each line's remaining quantity. Nothing is shown to a reader who may not see permits (the server
 * answers an empty list) or for a record that names none.
 */
import { Alert, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  INFORMATIVE_FLAGS,
  seizurePermitLinkSchema,
  type SeizurePermitLink,
} from '../../../shared/permits.contract.ts';
import { apiGet } from '../../api/client.ts';
import { useSignedInSession } from '../auth/session.queries.ts';

const linksSchema = z.object({ items: z.array(seizurePermitLinkSchema) });
const COLOURS = { valid: 'green', invalid: 'red', unknown: 'gray' } as const;

function useSeizurePermits(recordId: number) {
  const reader = useSignedInSession()?.user.id ?? 'nobody';
  return useQuery({
    queryKey: ['seizures', reader, 'record-permits', recordId],
    queryFn: ({ signal }) => apiGet(`/api/v1/permits/seizures/${String(recordId)}`, linksSchema, { signal }),
    staleTime: 60_000,
    retry: false,
  });
}

export function SeizurePermits({ recordId }: { recordId: number }) {
  const { t } = useTranslation();
  const links = useSeizurePermits(recordId);
  const items = links.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Stack gap="xs" component="section" data-testid="record-permits">
      <Title order={3} size="h5">
        {t('permits.seizure.title')}
      </Title>
      {items.map((link) => (
        <LinkedPermit key={`${link.issuingCountry ?? ''}|${link.number}`} link={link} />
      ))}
    </Stack>
  );
}

function LinkedPermit({ link }: { link: SeizurePermitLink }) {
  const { t } = useTranslation();
  return (
    <Alert
      color={COLOURS[link.verdict]}
      variant="light"
      title={`${link.number} — ${t(`permits.seizure.${link.verdict}`)}`}
      data-testid="record-permit"
      data-verdict={link.verdict}
    >
      <Stack gap={4}>
        <Text size="sm">
          {link.source === 'field' ? t('permits.seizure.fromField') : t('permits.seizure.fromText')} ·{' '}
          {link.issuingCountry === null
            ? t('permits.seizure.noIssuer')
            : t('permits.seizure.issuer', { country: link.issuingCountry })}
        </Text>
        {link.permit ? (
          <Text size="sm">
            {t('permits.validity', {
              from: link.permit.validFrom ?? '—',
              until: link.permit.validUntil ?? '—',
            })}
          </Text>
        ) : null}
        {link.flags.length > 0 ? (
          <Group gap="xs">
            {link.flags.map((flag) => (
              <Badge key={flag} color={INFORMATIVE_FLAGS.includes(flag) ? 'yellow' : 'red'} variant="filled">
                {t(`permits.flags.${flag}`)}
              </Badge>
            ))}
          </Group>
        ) : null}
        {link.lines.map((line) => (
          <Text size="xs" key={line.lineNo}>
            {line.taxonName} —{' '}
            {t('permits.seizure.remaining', {
              n: line.lineNo,
              remaining: line.remaining,
              authorised: line.authorised,
            })}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}
