/**
 * How the file's dates and numbers are read, said in the review: decided by the file, or chosen once for the
 * whole file by a person (who and when). While the file leaves it open, the question with its two answers.
 */
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChooseConventions, ImportBatch } from '../../../shared/imports.contract.ts';

interface Props {
  batch: ImportBatch;
  editable: boolean;
  busy: boolean;
  onChoose: (choice: ChooseConventions) => void;
}

export function ConventionsQuestion({ batch, editable, busy, onChoose }: Props) {
  const { t, i18n } = useTranslation();
  const { dateOrder, decimalMark } = batch.conventions;
  const when = (at: string | null) => (at ? new Date(at).toLocaleString(i18n.language) : '');
  const lines: string[] = [];
  if (dateOrder.value)
    lines.push(
      dateOrder.decidedBy === 'file'
        ? t('imports.conventions.byFile', { order: t(`imports.conventions.order.${dateOrder.value}`) })
        : t('imports.conventions.byPerson', {
            order: t(`imports.conventions.order.${dateOrder.value}`),
            by: dateOrder.decidedBy ?? '',
            at: when(dateOrder.decidedAt),
          }),
    );
  if (decimalMark.value)
    lines.push(
      decimalMark.decidedBy === 'file'
        ? t('imports.conventions.marksByFile', { mark: t(`imports.conventions.mark.${decimalMark.value}`) })
        : t('imports.conventions.marksByPerson', {
            mark: t(`imports.conventions.mark.${decimalMark.value}`),
            by: decimalMark.decidedBy ?? '',
            at: when(decimalMark.decidedAt),
          }),
    );
  const askDate = editable && dateOrder.value === null && dateOrder.waitingRows > 0;
  const askNumber = editable && decimalMark.value === null && decimalMark.waitingRows > 0;
  if (lines.length === 0 && !askDate && !askNumber) return null;
  return (
    <Stack gap="xs" data-testid="file-conventions">
      {lines.map((line) => (
        <Text key={line} size="sm">
          {line}
        </Text>
      ))}
      {askDate ? (
        <Alert color="orange" variant="light">
          <Stack gap="xs">
            <Text size="sm">{t('imports.conventions.dateQuestion', { n: dateOrder.waitingRows })}</Text>
            <Group gap="xs">
              <Button size="xs" loading={busy} onClick={() => onChoose({ dateOrder: 'dmy' })}>
                {t('imports.conventions.dmy')}
              </Button>
              <Button size="xs" loading={busy} onClick={() => onChoose({ dateOrder: 'mdy' })}>
                {t('imports.conventions.mdy')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      ) : null}
      {askNumber ? (
        <Alert color="orange" variant="light">
          <Stack gap="xs">
            <Text size="sm">{t('imports.conventions.numberQuestion', { n: decimalMark.waitingRows })}</Text>
            <Group gap="xs">
              <Button size="xs" loading={busy} onClick={() => onChoose({ decimalMark: 'point' })}>
                {t('imports.conventions.point')}
              </Button>
              <Button size="xs" loading={busy} onClick={() => onChoose({ decimalMark: 'comma' })}>
                {t('imports.conventions.comma')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      ) : null}
    </Stack>
  );
}
