/**
 * The reason that a change of a report or a record needs (a return to draft, new sharing answers, a correction):
 * the same limits as the API's reasonSchema, 3 to 2,000 characters.
 */
import { Textarea } from '@mantine/core';

const REASON_MIN = 3;
const REASON_MAX = 2000;

export const isReasonGiven = (reason: string) => reason.trim().length >= REASON_MIN;

export function ReasonField(props: {
  label: string;
  description?: string;
  value: string;
  onChange: (reason: string) => void;
}) {
  return (
    <Textarea
      label={props.label}
      description={props.description}
      required
      minLength={REASON_MIN}
      maxLength={REASON_MAX}
      autosize
      minRows={2}
      value={props.value}
      onChange={(event) => props.onChange(event.currentTarget.value)}
    />
  );
}
