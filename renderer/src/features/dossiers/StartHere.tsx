import { Button, Group, List, Paper, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useT } from '../../i18n/useT';

/**
 * The first screen of an empty database: what a dossier is and the two ways in (by hand, from
 * Excel), plus the training data for a first try — instead of "nothing matches", which reads as
 * if a filter had failed.
 */
export function StartHere() {
  const { t } = useT();
  return (
    <Paper withBorder p="lg" bg="gray.0" data-testid="start-here">
      <Title order={3} mb="xs">
        {t('dossiers:start.title')}
      </Title>
      <Text mb="xs">{t('dossiers:start.body')}</Text>
      <List spacing="xs" mb="md">
        <List.Item>{t('dossiers:start.byHand')}</List.Item>
        <List.Item>{t('dossiers:start.byExcel')}</List.Item>
      </List>
      <Group gap="sm" mb="md">
        <Button component={Link} to="/dossiers/producers/new" size="md">
          {t('dossiers:start.addProducer')}
        </Button>
        <Button component={Link} to="/dossiers/import" size="md" variant="default">
          {t('dossiers:start.import')}
        </Button>
        <Button component={Link} to="/guide" size="md" variant="subtle">
          {t('dossiers:start.guide')}
        </Button>
      </Group>
      <Group gap="sm">
        <Text>{t('dossiers:start.training')}</Text>
        <Button component={Link} to="/councils" variant="subtle">
          {t('dossiers:start.councils')}
        </Button>
      </Group>
    </Paper>
  );
}
