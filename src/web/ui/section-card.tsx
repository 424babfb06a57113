/** A titled section of a page in a bordered card, with an optional short introduction under the title. */
import { Card, Text, Title, type MantineSize } from '@mantine/core';
import type { ReactNode } from 'react';

export function SectionCard(props: {
  id: string;
  title: ReactNode;
  intro?: ReactNode;
  titleSize?: 'h3' | 'h4' | MantineSize;
  children: ReactNode;
}) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={props.id}>
      <Title order={2} size={props.titleSize ?? 'h3'} mb="xs" id={props.id}>
        {props.title}
      </Title>
      {props.intro ? (
        <Text size="sm" c="dimmed" mb="md">
          {props.intro}
        </Text>
      ) : null}
      {props.children}
    </Card>
  );
}
