/**
 * Writing a message: to the whole group, to the owners, or (where the group's abilities allow it, never in a
 * confidential group) to chosen members; subject, text, an anonymous toggle and attachments. A reply joins the
 * thread of the message it answers.
 */
import {
  Alert,
  Button,
  Checkbox,
  MultiSelect,
  Radio,
  Group as Row,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  composeMessageSchema,
  type Group,
  type Message,
  type MessageAddress,
  type UploadedFile,
} from '../../../shared/groups.contract.ts';
import { FormError } from '../../ui/form-error.tsx';
import { useFormErrors, validate } from '../../ui/forms.ts';
import { AttachmentPicker } from './attachment-picker.tsx';
import { formatBytes, MAX_FILE_BYTES } from './file-upload.ts';
import { useMembers, useSendMessage } from './groups.api.ts';

const FIELDS = ['to', 'subject', 'body', 'isAnonymous', 'attachmentIds', 'replyToId'] as const;
const MAX_ATTACHMENTS = 10;

export function ComposeForm(props: { group: Group; replyTo?: Message; onSent: (message: Message) => void }) {
  const { t } = useTranslation();
  const { group, replyTo } = props;
  const mayChooseMembers = group.abilities.includes('write_to_members');
  const [kind, setKind] = useState<MessageAddress['kind']>('group');
  const [userIds, setUserIds] = useState<string[]>([]);
  const [subject, setSubject] = useState(replyTo ? replyPrefix(replyTo.subject) : '');
  const [body, setBody] = useState('');
  const [isAnonymous, setAnonymous] = useState(false);
  const [files, setFiles] = useState<UploadedFile[]>([]);
  const [isUploading, setUploading] = useState(false);
  const members = useMembers(group.id, mayChooseMembers && kind === 'members');
  const sending = useSendMessage(group.id);
  const errors = useFormErrors(sending.error);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const to: MessageAddress = kind === 'members' ? { kind, userIds } : { kind };
    const checked = validate(
      composeMessageSchema,
      {
        to,
        subject,
        body,
        isAnonymous,
        attachmentIds: files.map((file) => file.id),
        ...(replyTo ? { replyToId: replyTo.id } : {}),
      },
      (_field, isEmpty) => (isEmpty ? t('form.required') : t('form.invalid')),
    );
    errors.setClientErrors(checked.isValid ? {} : checked.errors);
    if (!checked.isValid) return;
    sending.mutate(checked.data, {
      onSuccess: (message) => {
        setBody('');
        setFiles([]);
        props.onSent(message);
      },
    });
  };

  const memberOptions = (members.data?.items ?? [])
    .filter((member) => member.abilities.includes('write_to'))
    .map((member) => ({ value: member.userId, label: `${member.name} (${member.organisation})` }));

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={replyTo ? t('groups.messages.replyTitle') : t('groups.compose.title')}
    >
      <Stack gap="md">
        <Radio.Group
          label={t('groups.compose.audience')}
          value={kind}
          onChange={(value) => setKind(value === 'owners' || value === 'members' ? value : 'group')}
          error={errors.errorOf('to')}
        >
          <Row gap="lg" mt="xs">
            <Radio value="group" label={t('groups.compose.toGroup')} />
            <Radio value="owners" label={t('groups.compose.toOwners')} />
            {mayChooseMembers ? <Radio value="members" label={t('groups.compose.toMembers')} /> : null}
          </Row>
        </Radio.Group>
        {kind === 'members' ? (
          <MultiSelect
            label={t('groups.compose.members')}
            placeholder={t('groups.compose.membersPlaceholder')}
            data={memberOptions}
            value={userIds}
            onChange={setUserIds}
            searchable
            required
            error={errors.errorOf('to.userIds')}
          />
        ) : null}
        <TextInput
          label={t('groups.compose.subject')}
          required
          maxLength={300}
          value={subject}
          onChange={(event) => setSubject(event.currentTarget.value)}
          error={errors.errorOf('subject')}
        />
        <Textarea
          label={t('groups.compose.body')}
          required
          autosize
          minRows={6}
          maxRows={20}
          maxLength={50_000}
          value={body}
          onChange={(event) => setBody(event.currentTarget.value)}
          error={errors.errorOf('body')}
        />
        <Checkbox
          label={t('groups.compose.anonymous')}
          description={t('groups.compose.anonymousHint')}
          checked={isAnonymous}
          onChange={(event) => setAnonymous(event.currentTarget.checked)}
        />
        <AttachmentPicker
          groupId={group.id}
          label={t('groups.compose.attachments')}
          hint={t('groups.compose.attachmentsHint', { size: formatBytes(MAX_FILE_BYTES) })}
          files={files}
          onChange={setFiles}
          max={MAX_ATTACHMENTS}
          error={errors.errorOf('attachmentIds')}
          onBusyChange={setUploading}
        />
        <FormError error={sending.error} fields={FIELDS} />
        {sending.isSuccess ? (
          <Alert color="teal" variant="light" role="status">
            {t('groups.compose.sent')}
          </Alert>
        ) : null}
        <Button type="submit" loading={sending.isPending} disabled={isUploading} w="fit-content">
          {t('groups.compose.send')}
        </Button>
      </Stack>
    </form>
  );
}

function replyPrefix(subject: string): string {
  return /^re:/i.test(subject) ? subject : `Re: ${subject}`;
}
