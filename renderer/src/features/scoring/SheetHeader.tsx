import { Button, Group, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowBackUp,
  IconArrowLeft,
  IconCircleCheck,
  IconCloudOff,
  IconLayoutSidebarRight,
  IconLoader2,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { SheetContext, SheetView } from '../../../../shared/api/channels/scoring';
import { useT } from '../../i18n/useT';
import { timeOf } from './format';
import type { SaveState, SheetEditor } from './useSheetEditor';

export function SaveBadge({ state, onRetry, onDiscard }: { state: SaveState; onRetry: () => void; onDiscard: () => void }) {
  const { t } = useT();
  const box = (children: ReactNode, kind: SaveState['kind'], color?: string) => (
    <Group
      gap={6}
      wrap="nowrap"
      miw={210}
      style={{ whiteSpace: 'nowrap' }}
      data-testid="save-state"
      data-state={kind}
      data-pending={'pending' in state ? state.pending : 0}
      role={kind === 'error' ? 'alert' : 'status'}
      c={color}
    >
      {children}
    </Group>
  );
  switch (state.kind) {
    case 'idle':
      return box(
        <Text size="sm" c="dimmed">
          {t('scoring:sheet.saveState.idle')}
        </Text>,
        'idle',
      );
    case 'saving':
      return box(
        <>
          <IconLoader2 size={20} />
          <Text fw={600}>{t('scoring:sheet.saveState.saving')}</Text>
        </>,
        'saving',
        'gray.7',
      );
    case 'saved':
      return box(
        <>
          <IconCircleCheck size={22} />
          <Text fw={600}>{t('scoring:sheet.saveState.savedAt', { time: timeOf(state.at) })}</Text>
        </>,
        'saved',
        // green.8 is 3.4:1 on white, under WCAG AA's 4.5:1 (axe on the device's sheet): a darker green, 6.5:1.
        '#226e31',
      );
    case 'waiting':
      return box(
        <Tooltip label={t('scoring:sheet.saveWaitingHelp')} multiline w={280}>
          <Group gap={4} wrap="nowrap">
            <IconCloudOff size={22} />
            <Text fw={700} data-testid="unsent-count">
              {t('scoring:sheet.saveState.unsent', { count: state.pending })}
            </Text>
          </Group>
        </Tooltip>,
        'waiting',
        // orange.9 is 4.3:1 on white, under WCAG AA's 4.5:1 (axe on the device's offline sheet): a darker orange, 5.3:1.
        '#ad390c',
      );
    case 'error':
      return box(
        <>
          <Tooltip label={t('scoring:sheet.saveErrorHelp')} multiline w={260}>
            <Group gap={4} wrap="nowrap">
              <IconAlertTriangle size={20} />
              <Text fw={700}>{t('scoring:sheet.saveState.error')}</Text>
            </Group>
          </Tooltip>
          <Button size="compact-sm" color="red" variant="light" onClick={onRetry}>
            {t('scoring:sheet.saveRetry')}
          </Button>
          <Button size="compact-sm" color="gray" variant="subtle" onClick={onDiscard}>
            {t('scoring:sheet.saveDiscard')}
          </Button>
        </>,
        'error',
        'red.8',
      );
  }
}

/**
 * The sheet's top bar: what is scored and by whom, the running totals (overall and per part),
 * how many criteria are done, whether every choice is saved, and the actions.
 */
export function SheetHeader(props: {
  view: SheetView;
  context: SheetContext;
  editor: SheetEditor;
  onUndo: () => void;
  onSubmit: () => void;
  onBack: () => void;
  dossierShown: boolean;
  onToggleDossier: () => void;
}) {
  const { t } = useT();
  const { view, context, editor } = props;
  const e = editor.evaluation;
  return (
    <Paper
      component="header"
      shadow="xs"
      radius={0}
      px="md"
      py={6}
      style={{ borderBottom: '1px solid var(--mantine-color-gray-3)', flexShrink: 0 }}
    >
      <Group justify="space-between" wrap="nowrap" gap="md">
        <Group gap="xs" wrap="nowrap" style={{ minWidth: 0, flex: 1 }}>
          <Button variant="subtle" px={6} onClick={props.onBack} aria-label={t('scoring:sheet.back')}>
            <IconArrowLeft size={24} />
          </Button>
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Title order={1} size="h3" lineClamp={1} title={context.dossier.productName}>
              {context.dossier.productName}
            </Title>
            <Text size="sm" c="dimmed" lineClamp={1}>
              {t('scoring:sheet.member', { name: view.sheet.memberName })} · {context.dossier.producerName}
            </Text>
          </Stack>
        </Group>
        <Stack gap={0} style={{ flexShrink: 0 }}>
          <Group gap={8} align="baseline" wrap="nowrap">
            <Text size="sm" c="dimmed" fw={600}>
              {t('scoring:sheet.total')}
            </Text>
            <Text fz={28} fw={700} lh={1.1} data-testid="sheet-total" aria-live="polite">
              {t('scoring:sheet.totalOf', { points: e.total, max: e.max })}
            </Text>
          </Group>
          <Text size="sm" data-testid="sheet-parts">
            {e.parts.map((p) => t('scoring:sheet.partShort', { code: p.code, points: p.points, max: p.max })).join(' · ')} ·{' '}
            <Text span size="sm" c="dimmed" data-testid="sheet-progress">
              {t('scoring:sheet.progress', { answered: e.answeredCount, applicable: e.applicableCount })}
            </Text>
          </Text>
        </Stack>
        <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
          <SaveBadge state={editor.save} onRetry={editor.retry} onDiscard={() => void editor.discard()} />
          {editor.editable && (
            <Tooltip label={t('scoring:sheet.undoHint')}>
              <Button
                variant="default"
                leftSection={<IconArrowBackUp size={18} />}
                onClick={props.onUndo}
                disabled={!editor.canUndo && editor.save.kind !== 'saving'}
              >
                {t('scoring:sheet.undo')}
              </Button>
            </Tooltip>
          )}
          <Tooltip label={t('scoring:sheet.dossierHint')}>
            <Button
              variant={props.dossierShown ? 'light' : 'default'}
              leftSection={<IconLayoutSidebarRight size={18} />}
              onClick={props.onToggleDossier}
              aria-pressed={props.dossierShown}
            >
              {t('scoring:sheet.dossierToggle')}
            </Button>
          </Tooltip>
          {editor.editable && <Button onClick={props.onSubmit}>{t('scoring:sheet.submit')}</Button>}
        </Group>
      </Group>
    </Paper>
  );
}
