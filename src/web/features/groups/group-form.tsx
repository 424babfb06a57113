/**
 * The Secretariat's form for a group: name and description in English, French and Spanish, whether it is
 * confidential, and either its first owners (when creating) or its status (when editing; owners are then
 * changed on the group's member list).
 */
import { Button, Checkbox, Group as Row, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createGroupSchema,
  GROUP_STATUSES,
  updateGroupSchema,
  type Group,
} from '../../../shared/groups.contract.ts';
import { LANGUAGES } from '../../../shared/languages.ts';
import { FormError } from '../../ui/form-error.tsx';
import { useFormErrors, validate } from '../../ui/forms.ts';
import { useCreateGroup, useUpdateGroup } from './groups.api.ts';
import { OwnerPicker, type OwnerChoice } from './owner-picker.tsx';

const FIELDS = ['name', 'description', 'isConfidential', 'owners', 'status'] as const;
const EMPTY_TEXT = { en: '', fr: '', es: '' };

type Props =
  | { mode: 'create'; onDone: (group: Group) => void }
  | { mode: 'edit'; group: Group; onDone: (group: Group) => void; onCancel: () => void };

export function GroupForm(props: Props) {
  const { t } = useTranslation();
  const existing = props.mode === 'edit' ? props.group : null;
  const [name, setName] = useState(existing?.name ?? EMPTY_TEXT);
  const [description, setDescription] = useState(existing?.description ?? EMPTY_TEXT);
  const [isConfidential, setConfidential] = useState(existing?.isConfidential ?? false);
  const [status, setStatus] = useState(existing?.status ?? 'active');
  const [owners, setOwners] = useState<OwnerChoice[]>([]);
  const create = useCreateGroup();
  const update = useUpdateGroup(existing?.id ?? '');
  const saving = props.mode === 'create' ? create : update;
  const errors = useFormErrors(saving.error);
  const describe = (_field: string, isEmpty: boolean) => (isEmpty ? t('form.required') : t('form.invalid'));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (props.mode === 'create') {
      const checked = validate(
        createGroupSchema,
        {
          name,
          description,
          isConfidential,
          owners: owners.map(({ userId, category }) => ({ userId, category })),
        },
        describe,
      );
      errors.setClientErrors(checked.isValid ? {} : checked.errors);
      if (!checked.isValid) return;
      create.mutate(checked.data, {
        onSuccess: (group) => {
          setName(EMPTY_TEXT);
          setDescription(EMPTY_TEXT);
          setConfidential(false);
          setOwners([]);
          props.onDone(group);
        },
      });
    } else {
      const checked = validate(updateGroupSchema, { name, description, isConfidential, status }, describe);
      errors.setClientErrors(checked.isValid ? {} : checked.errors);
      if (checked.isValid) update.mutate(checked.data, { onSuccess: props.onDone });
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <div className="itd-form-grid">
          {LANGUAGES.map((language) => (
            <TextInput
              key={`name-${language}`}
              label={t('groups.admin.name', { language: t(`language.${language}`) })}
              required
              maxLength={200}
              value={name[language]}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setName((previous) => ({ ...previous, [language]: value }));
                errors.markEdited(`name.${language}`);
              }}
              error={errors.errorOf(`name.${language}`)}
            />
          ))}
        </div>
        {LANGUAGES.map((language) => (
          <Textarea
            key={`description-${language}`}
            label={t('groups.admin.description', { language: t(`language.${language}`) })}
            autosize
            minRows={2}
            maxRows={8}
            maxLength={4000}
            value={description[language]}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setDescription((previous) => ({ ...previous, [language]: value }));
            }}
            error={errors.errorOf(`description.${language}`)}
          />
        ))}
        <Checkbox
          label={t('groups.admin.confidential')}
          description={t('groups.admin.confidentialHint')}
          checked={isConfidential}
          onChange={(event) => setConfidential(event.currentTarget.checked)}
        />
        {props.mode === 'create' ? (
          <OwnerPicker value={owners} onChange={setOwners} error={errors.errorOf('owners')} />
        ) : (
          <Select
            label={t('groups.admin.status')}
            data={GROUP_STATUSES.map((value) => ({ value, label: t(`groups.status.${value}`) }))}
            value={status}
            onChange={(value) => setStatus(value === 'archived' ? 'archived' : 'active')}
            allowDeselect={false}
            maw="20rem"
          />
        )}
        <FormError error={saving.error} fields={FIELDS} />
        <Row gap="sm">
          <Button type="submit" loading={saving.isPending}>
            {props.mode === 'create' ? t('groups.admin.create') : t('groups.admin.save')}
          </Button>
          {props.mode === 'edit' ? (
            <Button variant="default" onClick={props.onCancel} disabled={saving.isPending}>
              {t('common.cancel')}
            </Button>
          ) : null}
        </Row>
      </Stack>
    </form>
  );
}
