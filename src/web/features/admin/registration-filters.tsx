/** Filters of the review queue: status, Party, kind of organisation, and requests older than N days. */
import { NumberInput, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ORGANISATION_KINDS, type OrganisationKind } from '../../../shared/actor.ts';
import { REGISTRATION_STATUSES } from '../../../shared/registration.contract.ts';
import { CountrySelect } from '../reference/country-select.tsx';
import type { RegistrationFilters } from './admin.api.ts';

export interface RegistrationFiltersProps {
  value: RegistrationFilters;
  onChange: (next: RegistrationFilters) => void;
}

export function RegistrationFilterBar({ value, onChange }: RegistrationFiltersProps) {
  const { t } = useTranslation();
  const set = <K extends keyof RegistrationFilters>(field: K, next: RegistrationFilters[K]) =>
    onChange({ ...value, [field]: next });
  return (
    <div className="itd-filter-bar" role="search" aria-label={t('registrations.filters')}>
      <Select
        label={t('registrations.status')}
        allowDeselect={false}
        data={REGISTRATION_STATUSES.map((status) => ({
          value: status,
          label: t(`registrations.statuses.${status}`),
        }))}
        value={value.status}
        onChange={(status) => set('status', parseStatus(status))}
      />
      <CountrySelect
        label={t('registrations.party')}
        clearable
        value={value.party}
        onChange={(party) => set('party', party)}
      />
      <Select
        label={t('registrations.organisationKind')}
        clearable
        placeholder={t('common.any')}
        data={ORGANISATION_KINDS.map((kind) => ({ value: kind, label: t(`organisationKinds.${kind}`) }))}
        value={value.organisationKind}
        onChange={(kind) => set('organisationKind', parseKind(kind))}
      />
      <NumberInput
        label={t('registrations.olderThan')}
        placeholder={t('common.any')}
        min={0}
        max={3650}
        allowDecimal={false}
        value={value.olderThanDays ?? ''}
        onChange={(days) => set('olderThanDays', typeof days === 'number' ? days : null)}
      />
    </div>
  );
}

export function parseStatus(value: string | null): RegistrationFilters['status'] {
  return REGISTRATION_STATUSES.find((status) => status === value) ?? 'pending_review';
}

export function parseKind(value: string | null): OrganisationKind | null {
  return ORGANISATION_KINDS.find((kind) => kind === value) ?? null;
}

export function filtersFromParams(params: URLSearchParams): RegistrationFilters {
  const party = params.get('party');
  const days = Number(params.get('olderThanDays'));
  return {
    status: parseStatus(params.get('status')),
    party: party && /^[A-Z]{2}$/.test(party) ? party : null,
    organisationKind: parseKind(params.get('organisationKind')),
    olderThanDays: params.has('olderThanDays') && Number.isInteger(days) && days >= 0 ? days : null,
  };
}

export function filtersToParams(filters: RegistrationFilters): Record<string, string> {
  const params: Record<string, string> = { status: filters.status };
  if (filters.party) params.party = filters.party;
  if (filters.organisationKind) params.organisationKind = filters.organisationKind;
  if (filters.olderThanDays !== null) params.olderThanDays = String(filters.olderThanDays);
  return params;
}
