/**
 * Uploading a report file: Party (the Secretariat chooses; a Party's users upload for their own), year, the three
 * sharing answers, the file, and a progress bar while it is sent. Links to the template in the chosen language.
 */
import {
  Anchor,
  Button,
  FileInput,
  Group,
  NumberInput,
  Progress,
  Radio,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportBatch } from '../../../shared/imports.contract.ts';
import { LANGUAGES, type Language } from '../../../shared/languages.ts';
import { FormError } from '../../ui/form-error.tsx';
import { SectionCard } from '../../ui/section-card.tsx';
import { useLanguage } from '../../ui/use-language.ts';
import { useSignedInSession } from '../auth/session.queries.ts';
import { useCountryName } from '../reference/countries.queries.ts';
import { CountrySelect } from '../reference/country-select.tsx';
import { templatePath, uploadReportFile, type UploadInput } from './imports.api.ts';

const SHARING = ['shareParties', 'shareIccwc', 'shareEtis'] as const;
type SharingKey = (typeof SHARING)[number];

export function UploadForm({ onUploaded }: { onUploaded: (batch: ImportBatch) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const session = useSignedInSession();
  const countryName = useCountryName();
  const ownParty = session?.user.organisation.kind === 'party' ? session.user.organisation.party : null;
  const [party, setParty] = useState<string | null>(ownParty);
  const [year, setYear] = useState<number>(new Date().getFullYear() - 1);
  const [sharing, setSharing] = useState<Record<SharingKey, boolean | null>>({
    shareParties: null,
    shareIccwc: null,
    shareEtis: null,
  });
  const [file, setFile] = useState<File | null>(null);
  const [templateLanguage, setTemplateLanguage] = useState<Language>(language);
  const [progress, setProgress] = useState<number | null>(null);
  const upload = useMutation({
    mutationFn: (input: UploadInput) => uploadReportFile(input, setProgress),
    onSuccess: onUploaded,
    onSettled: () => setProgress(null),
  });
  const isComplete = party !== null && file !== null && SHARING.every((key) => sharing[key] !== null);

  return (
    <Stack gap="lg">
      <SectionCard
        id="upload-template"
        title={t('reports.upload.templateTitle')}
        intro={t('reports.upload.templateIntro')}
      >
        <Group align="flex-end" gap="md">
          <Select
            label={t('reports.upload.templateLanguage')}
            data={LANGUAGES.map((value) => ({ value, label: t(`reports.languages.${value}`) }))}
            value={templateLanguage}
            allowDeselect={false}
            onChange={(value) => setTemplateLanguage(LANGUAGES.find((known) => known === value) ?? 'en')}
            w={180}
          />
          <Anchor href={templatePath('xlsx', templateLanguage)} download data-testid="template-xlsx">
            {t('reports.upload.templateXlsx')}
          </Anchor>
          <Anchor href={templatePath('csv', templateLanguage)} download>
            {t('reports.upload.templateCsv')}
          </Anchor>
        </Group>
      </SectionCard>
      <SectionCard
        id="upload-form"
        title={t('reports.upload.formTitle')}
        intro={t('reports.upload.formIntro')}
      >
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!isComplete) return;
            setProgress(0);
            upload.mutate({
              file,
              party,
              year,
              shareParties: sharing.shareParties === true,
              shareIccwc: sharing.shareIccwc === true,
              shareEtis: sharing.shareEtis === true,
            });
          }}
        >
          <Stack>
            {ownParty ? (
              <TextInput label={t('reports.party')} value={countryName(ownParty)} readOnly />
            ) : (
              <CountrySelect
                label={t('reports.party')}
                partiesOnly
                required
                value={party}
                onChange={setParty}
              />
            )}
            <NumberInput
              label={t('reports.year')}
              required
              min={1975}
              max={2100}
              allowDecimal={false}
              value={year}
              onChange={(value) => setYear(typeof value === 'number' ? value : Number(value))}
            />
            {SHARING.map((key) => (
              <Radio.Group
                key={key}
                label={t(`reports.sharing.question.${key}`)}
                required
                value={sharing[key] === null ? '' : sharing[key] ? 'yes' : 'no'}
                onChange={(value) => setSharing((current) => ({ ...current, [key]: value === 'yes' }))}
              >
                <Group mt={4}>
                  <Radio value="yes" label={t('reports.yes')} />
                  <Radio value="no" label={t('reports.no')} />
                </Group>
              </Radio.Group>
            ))}
            <FileInput
              label={t('reports.upload.file')}
              description={t('reports.upload.fileHelp')}
              required
              clearable
              accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              value={file}
              onChange={setFile}
              placeholder={t('reports.upload.choose')}
            />
            {progress !== null ? (
              <Stack gap={4}>
                <Progress
                  value={Math.round(progress * 100)}
                  aria-label={t('reports.upload.progress')}
                  animated
                />
                <Text size="sm" aria-live="polite">
                  {progress < 1
                    ? t('reports.upload.sending', { percent: Math.round(progress * 100) })
                    : t('reports.upload.checking')}
                </Text>
              </Stack>
            ) : null}
            {upload.isError ? <FormError error={upload.error} fields={[]} /> : null}
            <Group>
              <Button type="submit" loading={upload.isPending} disabled={!isComplete}>
                {t('reports.upload.send')}
              </Button>
            </Group>
          </Stack>
        </form>
      </SectionCard>
    </Stack>
  );
}
