/**
 * Says how the search text was understood: which taxon a misspelling, synonym or common name led to, or,
 * when nothing matched for sure, which names the reader may have meant (each a link that searches it).
 */
import { Anchor, Text } from '@mantine/core';
import { Fragment } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Resolution, Suggestion } from '../../../shared/reference.contract.ts';
import { ScientificName } from './taxon-labels.tsx';

export function ResolutionLine({ resolution }: { resolution: Resolution | null }) {
  const { t } = useTranslation();
  if (resolution === null) return null;
  // The reader's own words go in as a React child, never into the translated string, so nothing they type
  // can be read as markup by <Trans>.
  const input = <span>{resolution.input}</span>;
  const { match } = resolution;
  if (match !== null) {
    if (match.matchKind === 'accepted') return null;
    return (
      <Text data-testid="resolution-line">
        <Trans
          i18nKey="species.resolutionShowing"
          values={{ kind: t(`species.matchKind.${match.matchKind}`) }}
          components={{
            input,
            taxon: <ScientificName name={match.taxon.name} rank={match.taxon.rank} />,
          }}
        />
      </Text>
    );
  }

  const suggestions = uniqueByTaxon(resolution.suggestions);
  return (
    <Text data-testid="resolution-line">
      <Trans i18nKey="species.resolutionNoMatch" components={{ input }} />{' '}
      {suggestions.length > 0 ? (
        <Trans
          i18nKey="species.didYouMean"
          components={{ suggestions: <SuggestionLinks suggestions={suggestions} /> }}
        />
      ) : (
        t('species.noSuggestions')
      )}
    </Text>
  );
}

function SuggestionLinks({ suggestions }: { suggestions: Suggestion[] }) {
  return (
    <>
      {suggestions.map((suggestion, index) => (
        <Fragment key={suggestion.taxon.id}>
          {index > 0 ? ', ' : null}
          <Anchor
            component={Link}
            to={`/species?q=${encodeURIComponent(suggestion.taxon.name)}`}
            title={suggestion.matchedName}
          >
            <ScientificName name={suggestion.taxon.name} rank={suggestion.taxon.rank} />
          </Anchor>
        </Fragment>
      ))}
    </>
  );
}

/** Several spellings can point at the same taxon; offer each taxon once, best first (the server's order). */
function uniqueByTaxon(suggestions: Suggestion[]): Suggestion[] {
  const seen = new Set<number>();
  return suggestions.filter((suggestion) => {
    if (seen.has(suggestion.taxon.id)) return false;
    seen.add(suggestion.taxon.id);
    return true;
  });
}
