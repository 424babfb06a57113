/**
 * / — what the platform is: the Illegal Trade Database and the closed user groups, and what is usable today;
 * a welcome for the signed-in person, or the way in (sign in, request access) for anyone else.
 */
import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../features/auth/session.queries.ts';

export function HomePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.name'));
  return (
    <Stack gap="xl">
      <div>
        <Title order={1}>{t('home.title')}</Title>
        <Text size="lg" mt="sm" maw="48rem">
          {t('home.intro')}
        </Text>
      </div>
      <Welcome />
      {/* A plain CSS grid (app.css): Mantine's SimpleGrid and responsive props inject a <style> element. */}
      <div className="itd-home-halves">
        <Card withBorder padding="lg" component="section">
          <Title order={2} size="h3" mb="sm">
            {t('home.itdTitle')}
          </Title>
          <Text>{t('home.itdText')}</Text>
        </Card>
        <Card withBorder padding="lg" component="section">
          <Title order={2} size="h3" mb="sm">
            {t('home.cugTitle')}
          </Title>
          <Text>{t('home.cugText')}</Text>
        </Card>
      </div>
      <Card withBorder padding="lg" component="section" className="itd-home-checklist">
        <Title order={2} size="h4" mb="xs">
          {t('home.checklistTitle')}
        </Title>
        <Text mb="md">{t('home.checklistText')}</Text>
        <Button component={Link} to="/species" w="fit-content">
          {t('home.checklistAction')}
        </Button>
      </Card>
    </Stack>
  );
}

function Welcome() {
  const { t } = useTranslation();
  const session = useSession();
  if (session.isPending) return null;
  const current = session.data ?? null;
  if (current?.next === 'done') {
    const { user } = current;
    return (
      <Text size="lg" fw={600} data-testid="welcome">
        {t('home.welcome', {
          name: `${user.firstName} ${user.lastName}`,
          organisation: user.organisation.name,
        })}
      </Text>
    );
  }
  return (
    <Card withBorder padding="lg" component="section" className="itd-home-checklist">
      <Title order={2} size="h4" mb="xs">
        {t('home.accessTitle')}
      </Title>
      <Text mb="md">{t('home.accessText')}</Text>
      <Group gap="sm">
        <Button component={Link} to="/sign-in">
          {t('userMenu.signIn')}
        </Button>
        <Button component={Link} to="/register" variant="default">
          {t('home.requestAccess')}
        </Button>
      </Group>
    </Card>
  );
}
