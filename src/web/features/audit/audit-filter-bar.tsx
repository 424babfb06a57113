/** Filters of the audit viewer: days, a person, an organisation, an action, a report or a record. */
import { Autocomplete, Select, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganisations, useUsers } from '../admin/admin.api.ts';
import { SUGGESTED_AUDIT_ACTIONS } from './audit-actions.ts';
import type { AuditFilters } from './audit.api.ts';

export interface AuditFilterBarProps {
  value: AuditFilters;
  onChange: (next: AuditFilters) => void;
}

export function AuditFilterBar({ value, onChange }: AuditFilterBarProps) {
  const { t } = useTranslation();
  const set = <K extends keyof AuditFilters>(field: K, next: AuditFilters[K]) =>
    onChange({ ...value, [field]: next });
  const organisations = useOrganisations();
  const [action, setAction] = useState(value.action ?? '');
  return (
    <div className="itd-filter-bar" role="search" aria-label={t('audit.filters.label')}>
      <TextInput
        type="date"
        label={t('audit.filters.from')}
        value={value.fromDay ?? ''}
        max={value.toDay ?? undefined}
        onChange={(event) => set('fromDay', event.currentTarget.value || null)}
      />
      <TextInput
        type="date"
        label={t('audit.filters.to')}
        value={value.toDay ?? ''}
        min={value.fromDay ?? undefined}
        onChange={(event) => set('toDay', event.currentTarget.value || null)}
      />
      <PersonSelect value={value.actorId} onChange={(actorId) => set('actorId', actorId)} />
      <Select
        label={t('audit.filters.organisation')}
        placeholder={t('common.any')}
        searchable
        clearable
        nothingFoundMessage={t('audit.filters.nothingFound')}
        data={(organisations.data?.items ?? []).map((organisation) => ({
          value: organisation.id,
          label: organisation.name,
        }))}
        value={value.organisationId}
        onChange={(organisationId) => set('organisationId', organisationId)}
      />
      <Autocomplete
        label={t('audit.filters.action')}
        description={t('audit.filters.actionHint')}
        placeholder={t('common.any')}
        data={[...SUGGESTED_AUDIT_ACTIONS]}
        limit={12}
        value={action}
        onChange={setAction}
        onOptionSubmit={(chosen) => set('action', chosen)}
        onBlur={() => set('action', action.trim() || null)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') set('action', action.trim() || null);
        }}
      />
      <CheckedInput
        label={t('audit.filters.report')}
        description={t('audit.filters.reportHint')}
        invalidMessage={t('audit.filters.reportInvalid')}
        pattern={UUID}
        value={value.reportId}
        onChange={(reportId) => set('reportId', reportId)}
      />
      <CheckedInput
        label={t('audit.filters.record')}
        description={t('audit.filters.recordHint')}
        invalidMessage={t('audit.filters.recordInvalid')}
        pattern={RECORD_NUMBER}
        inputMode="numeric"
        value={value.recordId}
        onChange={(recordId) => set('recordId', recordId)}
      />
    </div>
  );
}

/**
 * Names of people chosen in this tab, so a chosen person keeps their name when the bar is drawn again from the URL
 * (the list of accounts shows only those matching what is typed).
 */
const rememberedPeople = new Map<string, string>();

export function rememberPerson(id: string, label: string): void {
  rememberedPeople.set(id, label);
}

/** A person, found by name or e-mail address among the platform's accounts. */
function PersonSelect({ value, onChange }: { value: string | null; onChange: (id: string | null) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const users = useUsers({ status: null, organisationId: null, q: debounced });
  const options = (users.data?.pages.flatMap((page) => page.items) ?? []).map((user) => ({
    value: user.id,
    label: `${user.firstName} ${user.lastName} — ${user.email}`,
  }));
  if (value && !options.some((option) => option.value === value)) {
    options.unshift({ value, label: rememberedPeople.get(value) ?? value });
  }
  const selectedLabel = options.find((option) => option.value === value)?.label ?? '';
  return (
    <Select
      // Drawn again when the chosen person's name becomes known (the field then shows the name, not the id).
      key={selectedLabel}
      label={t('audit.filters.person')}
      placeholder={t('audit.filters.personPlaceholder')}
      searchable
      clearable
      filter={({ options: all }) => all}
      nothingFoundMessage={t('audit.filters.nothingFound')}
      data={options}
      value={value}
      onSearchChange={setSearch}
      onChange={(id) => {
        const chosen = options.find((option) => option.value === id);
        if (id && chosen) rememberPerson(id, chosen.label);
        onChange(id);
      }}
    />
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RECORD_NUMBER = /^[1-9]\d{0,15}$/;

interface CheckedInputProps {
  label: string;
  description: string;
  invalidMessage: string;
  pattern: RegExp;
  inputMode?: 'numeric';
  value: string | null;
  onChange: (value: string | null) => void;
}

/** A typed identifier, applied when the field is left or Enter is pressed; a malformed one is named, not dropped. */
function CheckedInput({
  label,
  description,
  invalidMessage,
  pattern,
  inputMode,
  value,
  onChange,
}: CheckedInputProps) {
  const [text, setText] = useState(value ?? '');
  const [invalid, setInvalid] = useState(false);
  const apply = () => {
    const trimmed = text.trim();
    const isValid = trimmed === '' || pattern.test(trimmed);
    setInvalid(!isValid);
    if (isValid) onChange(trimmed || null);
  };
  return (
    <TextInput
      label={label}
      description={description}
      inputMode={inputMode}
      value={text}
      error={invalid ? invalidMessage : undefined}
      onChange={(event) => setText(event.currentTarget.value)}
      onBlur={apply}
      onKeyDown={(event) => {
        if (event.key === 'Enter') apply();
      }}
    />
  );
}
