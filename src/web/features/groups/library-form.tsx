/**
 * Publishing to a group's library (owners): a new document or alert with its audience, or a new version of an
 * item (whose kind and audience stay as they are). Files are uploaded first, then referenced by id.
 */
import { Button, Radio, Group as Row, Select, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AUDIENCES,
  createLibraryItemSchema,
  LIBRARY_KINDS,
  newLibraryVersionSchema,
  type Audience,
  type LibraryItem,
  type UploadedFile,
} from '../../../shared/groups.contract.ts';
import { LANGUAGES, type Language } from '../../../shared/languages.ts';
import { FormError } from '../../ui/form-error.tsx';
import { useFormErrors, validate } from '../../ui/forms.ts';
import { useLanguage } from '../../ui/use-language.ts';
import { AttachmentPicker } from './attachment-picker.tsx';
import { formatBytes, MAX_FILE_BYTES } from './file-upload.ts';
import { usePublishItem, usePublishVersion } from './groups.api.ts';

const FIELDS = ['kind', 'audience', 'title', 'summary', 'language', 'tags', 'fileIds', 'note'] as const;
const MAX_FILES = 10;

type Props =
  | { mode: 'new'; groupId: string; onPublished: (item: LibraryItem) => void }
  | { mode: 'version'; groupId: string; item: LibraryItem; onPublished: (item: LibraryItem) => void };

export function LibraryForm(props: Props) {
  const { t } = useTranslation();
  const interfaceLanguage = useLanguage();
  const current = props.mode === 'version' ? props.item : null;
  const [kind, setKind] = useState<(typeof LIBRARY_KINDS)[number]>('document');
  const [audience, setAudience] = useState<Audience>('all_members');
  const [title, setTitle] = useState(current?.title ?? '');
  const [summary, setSummary] = useState(current?.summary ?? '');
  const [language, setLanguage] = useState<Language>(current?.language ?? interfaceLanguage);
  const [tags, setTags] = useState<string[]>(current?.tags ?? []);
  const [files, setFiles] = useState<UploadedFile[]>([]);
  const [note, setNote] = useState('');
  const [isUploading, setUploading] = useState(false);
  const publishItem = usePublishItem(props.groupId);
  const publishVersion = usePublishVersion(props.groupId, current?.id ?? '');
  const publishing = props.mode === 'new' ? publishItem : publishVersion;
  const errors = useFormErrors(publishing.error);

  const describe = (_field: string, isEmpty: boolean) => (isEmpty ? t('form.required') : t('form.invalid'));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const common = { title, summary, language, tags, fileIds: files.map((file) => file.id) };
    if (props.mode === 'new') {
      const checked = validate(createLibraryItemSchema, { ...common, kind, audience }, describe);
      errors.setClientErrors(checked.isValid ? {} : checked.errors);
      if (checked.isValid) publishItem.mutate(checked.data, { onSuccess: props.onPublished });
    } else {
      const checked = validate(newLibraryVersionSchema, { ...common, note }, describe);
      errors.setClientErrors(checked.isValid ? {} : checked.errors);
      if (checked.isValid) publishVersion.mutate(checked.data, { onSuccess: props.onPublished });
    }
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={props.mode === 'new' ? t('groups.library.new') : t('groups.library.newVersion')}
    >
      <Stack gap="md">
        {props.mode === 'new' ? (
          <>
            <Radio.Group
              label={t('groups.library.kind')}
              value={kind}
              onChange={(value) => setKind(value === 'alert' ? 'alert' : 'document')}
            >
              <Row gap="lg" mt="xs">
                {LIBRARY_KINDS.map((value) => (
                  <Radio key={value} value={value} label={t(`groups.kinds.${value}`)} />
                ))}
              </Row>
            </Radio.Group>
            <Radio.Group
              label={t('groups.library.audience')}
              description={t('groups.library.audienceHint')}
              value={audience}
              onChange={(value) =>
                setAudience(value === 'law_enforcement' ? 'law_enforcement' : 'all_members')
              }
            >
              <Row gap="lg" mt="xs">
                {AUDIENCES.map((value) => (
                  <Radio key={value} value={value} label={t(`groups.audiences.${value}`)} />
                ))}
              </Row>
            </Radio.Group>
          </>
        ) : null}
        <TextInput
          label={t('groups.library.titleField')}
          required
          maxLength={300}
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          error={errors.errorOf('title')}
        />
        <Textarea
          label={t('groups.library.summaryField')}
          autosize
          minRows={3}
          maxRows={12}
          maxLength={20_000}
          value={summary}
          onChange={(event) => setSummary(event.currentTarget.value)}
          error={errors.errorOf('summary')}
        />
        <div className="itd-form-grid">
          <Select
            label={t('groups.library.language')}
            data={LANGUAGES.map((value) => ({ value, label: t(`language.${value}`) }))}
            value={language}
            onChange={(value) => setLanguage(LANGUAGES.find((code) => code === value) ?? interfaceLanguage)}
            allowDeselect={false}
            error={errors.errorOf('language')}
          />
          <TagsInput
            label={t('groups.library.tagsField')}
            description={t('groups.library.tagsHint')}
            value={tags}
            onChange={setTags}
            maxTags={20}
            splitChars={[',']}
            acceptValueOnBlur
            error={errors.errorOf('tags')}
          />
        </div>
        <AttachmentPicker
          groupId={props.groupId}
          label={t('groups.library.files_field')}
          hint={t('groups.library.filesHint', { size: formatBytes(MAX_FILE_BYTES) })}
          files={files}
          onChange={setFiles}
          max={MAX_FILES}
          error={errors.errorOf('fileIds')}
          onBusyChange={setUploading}
        />
        {props.mode === 'version' ? (
          <TextInput
            label={t('groups.library.note')}
            maxLength={2000}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            error={errors.errorOf('note')}
          />
        ) : null}
        <FormError error={publishing.error} fields={FIELDS} />
        <Button type="submit" loading={publishing.isPending} disabled={isUploading} w="fit-content">
          {t('groups.library.publish')}
        </Button>
      </Stack>
    </form>
  );
}
