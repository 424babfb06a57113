/**
 * The fields of a new organisation (DESIGN §2): name, kind, and for a Party's body the Party and the type of
 * authority. Used when approving a registration and on the organisations page.
 */
import { Select, TextInput } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ORGANISATION_KINDS, type OrganisationKind } from '../../../shared/actor.ts';
import type { FieldErrors } from '../../ui/forms.ts';
import { CountrySelect } from '../reference/country-select.tsx';

export interface OrganisationDraft {
  name: string;
  kind: OrganisationKind;
  party: string | null;
  authorityType: string;
}

export interface OrganisationFieldsProps {
  value: OrganisationDraft;
  onChange: (value: OrganisationDraft, field: keyof OrganisationDraft) => void;
  /** Errors by field name of the draft (without any prefix). */
  errorOf: (field: keyof OrganisationDraft) => string | undefined;
}

export function OrganisationFields({ value, onChange, errorOf }: OrganisationFieldsProps) {
  const { t } = useTranslation();
  const set = <K extends keyof OrganisationDraft>(field: K, next: OrganisationDraft[K]) =>
    onChange({ ...value, [field]: next }, field);
  const isParty = value.kind === 'party';
  return (
    <div className="itd-form-grid">
      <TextInput
        label={t('organisations.name')}
        required
        maxLength={200}
        value={value.name}
        onChange={(event) => set('name', event.currentTarget.value)}
        error={errorOf('name')}
      />
      <Select
        label={t('organisations.kind')}
        required
        allowDeselect={false}
        data={ORGANISATION_KINDS.map((kind) => ({ value: kind, label: t(`organisationKinds.${kind}`) }))}
        value={value.kind}
        onChange={(kind) => set('kind', kind ?? 'party')}
        error={errorOf('kind')}
      />
      {isParty ? (
        <>
          <CountrySelect
            label={t('organisations.party')}
            required
            partiesOnly
            value={value.party}
            onChange={(code) => set('party', code)}
            error={errorOf('party')}
          />
          <TextInput
            label={t('organisations.authorityType')}
            placeholder={t('organisations.authorityTypeExample')}
            maxLength={100}
            value={value.authorityType}
            onChange={(event) => set('authorityType', event.currentTarget.value)}
            error={errorOf('authorityType')}
          />
        </>
      ) : null}
    </div>
  );
}

/** The draft as the API takes it: Party and authority type only for a Party's body. */
export function toNewOrganisation(draft: OrganisationDraft) {
  const isParty = draft.kind === 'party';
  return {
    name: draft.name.trim(),
    kind: draft.kind,
    party: isParty ? draft.party : null,
    authorityType: isParty && draft.authorityType.trim() ? draft.authorityType.trim() : null,
  };
}

export function checkOrganisation(draft: OrganisationDraft, t: TFunction): FieldErrors {
  const errors: FieldErrors = {};
  if (!draft.name.trim()) errors.name = t('form.required');
  if (draft.kind === 'party' && !draft.party) errors.party = t('form.required');
  return errors;
}
