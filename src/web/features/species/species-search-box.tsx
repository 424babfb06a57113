/**
 * The checklist's search box. Typing searches after a 250 ms pause (one request per pause, not per key, which
 * matters on slow links); Enter or the button searches at once.
 */
import { Button, Group, Loader, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

export const SEARCH_DEBOUNCE_MS = 250;

/** `typing` searches replace the current history entry; a submitted search adds one, so Back returns to it. */
export type SearchMode = 'typing' | 'submit';

export interface SpeciesSearchBoxProps {
  /** The search in force (from the URL). */
  query: string;
  onSearch: (query: string, mode: SearchMode) => void;
  isSearching: boolean;
}

export function SpeciesSearchBox({ query, onSearch, isSearching }: SpeciesSearchBoxProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(query);
  // The last query this box asked for. When the URL's query differs from it, the change came from elsewhere
  // (a "did you mean" link, Back/Forward) and the box shows it; otherwise the box keeps what is being typed.
  const lastSentQuery = useRef(query);

  const send = (value: string, mode: SearchMode) => {
    const trimmed = value.trim();
    lastSentQuery.current = trimmed;
    onSearch(trimmed, mode);
  };
  const sendAfterPause = useDebouncedCallback((value: string) => send(value, 'typing'), SEARCH_DEBOUNCE_MS);

  useEffect(() => {
    if (query === lastSentQuery.current) return;
    sendAfterPause.cancel();
    lastSentQuery.current = query;
    setText(query);
  }, [query, sendAfterPause]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    sendAfterPause.cancel();
    send(text, 'submit');
  };

  return (
    <form role="search" onSubmit={submit}>
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <TextInput
          flex={1}
          type="search"
          name="q"
          enterKeyHint="search"
          autoComplete="off"
          spellCheck={false}
          label={t('species.searchLabel')}
          placeholder={t('species.searchPlaceholder')}
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            sendAfterPause(event.currentTarget.value);
          }}
          rightSection={isSearching ? <Loader size="xs" /> : null}
        />
        <Button type="submit">{t('species.searchButton')}</Button>
      </Group>
    </form>
  );
}
