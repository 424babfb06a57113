/**
 * Attachments of a message or a library item: each chosen file is uploaded at once (POST /:groupId/files) and
 * listed with a button to take it off; the form then sends the uploaded files' ids. Type and content are checked
 * by the server, which refuses what it does not accept, with its reason shown here.
 */
import { Button, CloseButton, FileButton, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UploadedFile } from '../../../shared/groups.contract.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { formatBytes, MAX_FILE_BYTES, uploadGroupFile } from './file-upload.ts';

export interface AttachmentPickerProps {
  groupId: string;
  label: string;
  hint: string;
  files: UploadedFile[];
  onChange: (files: UploadedFile[]) => void;
  max: number;
  error?: string | undefined;
  /** Tells the form an upload is still running, so it is not sent without the file. */
  onBusyChange?: (isBusy: boolean) => void;
}

export function AttachmentPicker(props: AttachmentPickerProps) {
  const { t } = useTranslation();
  const [uploading, setUploading] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [tooLarge, setTooLarge] = useState<string[]>([]);
  const { files, onChange } = props;

  const add = async (chosen: File[]) => {
    setFailure(null);
    setTooLarge(chosen.filter((file) => file.size > MAX_FILE_BYTES).map((file) => file.name));
    props.onBusyChange?.(true);
    let next = files;
    try {
      const fitting = chosen.filter((file) => file.size <= MAX_FILE_BYTES);
      for (const file of fitting.slice(0, props.max - files.length)) {
        setUploading(file.name);
        next = [...next, await uploadGroupFile(props.groupId, file)];
        onChange(next);
      }
    } catch (error) {
      setFailure(error);
    } finally {
      setUploading(null);
      props.onBusyChange?.(false);
    }
  };

  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        {props.label}
      </Text>
      <Text size="xs" c="dimmed">
        {props.hint}
      </Text>
      {files.length > 0 ? (
        <ul className="itd-file-list" data-testid="chosen-files">
          {files.map((file) => (
            <li key={file.id}>
              <Group gap={4} wrap="nowrap">
                <Text span size="sm" className="itd-preformatted">
                  {file.name} ({formatBytes(file.sizeBytes)})
                </Text>
                <CloseButton
                  size="sm"
                  aria-label={t('groups.compose.remove', { name: file.name })}
                  onClick={() => onChange(files.filter((kept) => kept.id !== file.id))}
                />
              </Group>
            </li>
          ))}
        </ul>
      ) : null}
      {uploading ? (
        <Text size="sm" aria-live="polite">
          {t('groups.compose.uploading', { name: uploading })}
        </Text>
      ) : null}
      {props.error ? (
        <Text size="sm" c="red">
          {props.error}
        </Text>
      ) : null}
      {tooLarge.length > 0 ? (
        <Text size="sm" c="red" role="alert">
          {t('groups.compose.tooLarge', { names: tooLarge.join(', '), size: formatBytes(MAX_FILE_BYTES) })}
        </Text>
      ) : null}
      {failure ? <ErrorAlert error={failure} /> : null}
      <FileButton multiple onChange={(chosen) => void add(chosen)} disabled={files.length >= props.max}>
        {(buttonProps) => (
          <Button {...buttonProps} variant="default" size="sm" w="fit-content" loading={uploading !== null}>
            {t('groups.compose.addFiles')}
          </Button>
        )}
      </FileButton>
    </Stack>
  );
}
