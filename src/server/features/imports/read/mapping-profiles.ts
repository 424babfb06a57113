/**
 * Mapping profiles: how the columns of known third-party seizure compilations become the template's columns.
 * They are data (which source columns, joined or first non-blank, value replacements, and where the quantity comes
 * from); a file whose header row carries a profile's signature is read through it. What the source wrote in
 * columns the profile does not use is kept with each record as `original` text.
 */
import { IMPORT_COLUMNS } from '../../../../shared/imports.contract.ts';
import { otherFileKindOf } from './other-file-kinds.ts';
import { headerMapper, profileMatches, type MappingProfile } from './row-mapping.ts';

/** EIA's compilation of pangolin seizures 2000-2019 (sheet INCIDENTS): one row per incident, worldwide. */
export const EIA_PANGOLIN: MappingProfile = {
  name: 'eia-pangolin-incidents',
  description: 'EIA pangolin seizure incidents (Taxon, Country, weights of scales and whole animals)',
  signature: [
    'Taxon',
    'Type of Incident',
    'Country',
    'Whole pangolins (live + dead OR reported without details)',
  ],
  columns: {
    'Date of seizure': { from: ['Date', 'Year'], first: true },
    Species: { from: ['Taxon'], values: { Pangolin: 'Manidae', Pangolins: 'Manidae' } },
    // The compilation covers many countries: each row names the country of seizure (the Party is not it).
    Location: { from: ['Location'] },
    'Country of seizure': { from: ['Country'] },
    'Mode of transport': { from: ['Transit type'] },
    'Country of origin': { from: ['Origin'] },
    'Country of export': { from: ['Via (coming from, before seized)'] },
    'Countries of transit': { from: ['Outbound (going to, before seized)'] },
    'Country of destination': { from: ['Destination'] },
    'Additional information': {
      from: ['Name of incident', 'Description of incident', 'Method of Concealment (MoC)', 'MoC Description'],
      join: ' | ',
    },
  },
  // Live animals first, then whole animals, their reported weight as the second measure; scales seized with them
  // are another kind of specimen (a second record of the same case).
  quantities: [
    {
      when: 'Live number',
      group: 'whole',
      set: { Quantity: { copy: 'Live number' }, Unit: '', 'Description of specimen': 'LIV' },
    },
    {
      when: 'Whole pangolins (live + dead OR reported without details)',
      group: 'whole',
      set: {
        Quantity: { copy: 'Whole pangolins (live + dead OR reported without details)' },
        Unit: '',
        'Description of specimen': 'BOD',
      },
    },
    {
      when: 'Reported weight (kg)',
      group: 'whole',
      set: { Quantity: { copy: 'Reported weight (kg)' }, Unit: 'KIL', 'Description of specimen': 'BOD' },
    },
    {
      when: 'Scales weight (kg). Indicate "Y" if seized, but no weight given',
      group: 'scales',
      set: {
        Quantity: { copy: 'Scales weight (kg). Indicate "Y" if seized, but no weight given' },
        Unit: 'KIL',
        'Description of specimen': 'SCA',
      },
    },
  ],
};

/** C4ADS ROUTES airport seizures 2009-2016: one row per seizure at an airport, by product group. */
export const C4ADS_ROUTES: MappingProfile = {
  name: 'c4ads-routes-airport-seizures',
  description: 'C4ADS ROUTES airport seizures (Database, City/Country, Weight, Number)',
  signature: ['Database', 'City, Country', 'Weight (kg)', 'Obfuscation Method'],
  columns: {
    'Date of seizure': { from: ['Date', 'Year'], first: true },
    // Species is often blank or a common name; the product group then names the taxon.
    Species: {
      from: ['Species', 'Database'],
      first: true,
      values: { Ivory: 'Elephantidae', 'Rhino Horn': 'Rhinocerotidae', Birds: 'Aves', Reptiles: 'Reptilia' },
    },
    'Description of specimen': {
      from: ['Database'],
      values: { Ivory: 'IVP', 'Rhino Horn': 'HOR', Birds: 'LIV', Reptiles: 'LIV' },
    },
    'Location type': { from: [], otherwise: 'Airport' },
    Location: { from: ['Location', 'City, Country'], join: ', ' },
    'Country of seizure': { from: ['City, Country'] },
    'Country of origin': { from: ['Origin'] },
    'Countries of transit': { from: ['Transit'] },
    'Country of destination': { from: ['Destination'] },
    'Mode of transport': { from: ['Mode of Transport'] },
    'Detection method': { from: ['Method of Detection'] },
    'Additional information': { from: ['Obfuscation Method', 'Airline'], join: ' | ' },
  },
  quantities: [
    { when: 'Number', set: { Quantity: { copy: 'Number' }, Unit: '' } },
    { when: 'Weight (kg)', set: { Quantity: { copy: 'Weight (kg)' }, Unit: 'KIL' } },
  ],
};

export const MAPPING_PROFILES: readonly MappingProfile[] = [EIA_PANGOLIN, C4ADS_ROUTES];

/**
 * Whether a row is the header of a seizure table: a profile's signature, or enough of the template's columns in
 * any of its languages (three of them).
 */
export function isImportHeader(header: string[]): boolean {
  return (
    // Recognised so that the upload can be refused with the reason (other-file-kinds.ts).
    otherFileKindOf(header) !== null ||
    MAPPING_PROFILES.some((profile) => profileMatches(profile, header)) ||
    IMPORT_COLUMNS.length - headerMapper(header).missingColumns.length >= 3
  );
}
