/** The small forms of a vetting decision: a reason or message (reject, request information), an endorsement. */
import { Button, Group, Radio, Stack, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ENDORSEMENTS } from '../../../shared/registration.contract.ts';
import { FormError } from '../../ui/form-error.tsx';
import { useFormErrors } from '../../ui/forms.ts';

export interface TextDecisionFormProps {
  field: 'reason' | 'message';
  label: string;
  description: string;
  submitLabel: string;
  color?: string;
  isPending: boolean;
  error: unknown;
  onSubmit: (text: string) => void;
  onCancel: () => void;
}

export function TextDecisionForm(props: TextDecisionFormProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const errors = useFormErrors(props.error);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!text.trim()) {
      errors.setClientErrors({ [props.field]: t('form.required') });
      return;
    }
    props.onSubmit(text.trim());
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Textarea
          label={props.label}
          description={props.description}
          required
          autosize
          minRows={3}
          maxLength={2000}
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            errors.markEdited(props.field);
          }}
          error={errors.errorOf(props.field)}
          data-autofocus
        />
        <FormError error={props.error} fields={[props.field]} />
        <DecisionButtons {...props} />
      </Stack>
    </form>
  );
}

type Endorsement = (typeof ENDORSEMENTS)[number];

export interface EndorseFormProps {
  isPending: boolean;
  error: unknown;
  onSubmit: (body: { decision: Endorsement; note: string }) => void;
  onCancel: () => void;
}

export function EndorseForm({ isPending, error, onSubmit, onCancel }: EndorseFormProps) {
  const { t } = useTranslation();
  const [decision, setDecision] = useState<Endorsement>('endorsed');
  const [note, setNote] = useState('');
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit({ decision, note: note.trim() });
      }}
      noValidate
    >
      <Stack gap="sm">
        <Radio.Group
          label={t('registrations.endorseQuestion')}
          value={decision}
          onChange={(value) => setDecision(value === 'objected' ? 'objected' : 'endorsed')}
        >
          <Group gap="lg" mt="xs">
            <Radio value="endorsed" label={t('registrations.endorsements.endorsed')} />
            <Radio value="objected" label={t('registrations.endorsements.objected')} />
          </Group>
        </Radio.Group>
        <Textarea
          label={t('registrations.endorseNote')}
          autosize
          minRows={2}
          maxLength={2000}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
        />
        <FormError error={error} fields={['decision', 'note']} />
        <DecisionButtons
          submitLabel={t('registrations.endorseSubmit')}
          isPending={isPending}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}

function DecisionButtons({
  submitLabel,
  color,
  isPending,
  onCancel,
}: {
  submitLabel: string;
  color?: string;
  isPending: boolean;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Group gap="sm">
      <Button type="submit" color={color} loading={isPending}>
        {submitLabel}
      </Button>
      <Button variant="default" onClick={onCancel} disabled={isPending}>
        {t('common.cancel')}
      </Button>
    </Group>
  );
}
