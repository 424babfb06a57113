import { Group, Loader, Text } from '@mantine/core';

/** A spinner with its words, announced politely to screen readers. */
export function PageLoader({ label }: { label: string }) {
  return (
    <Group gap="sm" py="lg" aria-live="polite">
      <Loader size="sm" />
      <Text>{label}</Text>
    </Group>
  );
}
