import { Box, Button, Center, Drawer, Group, Loader, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconArrowLeft, IconFileDescription } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { RoomMe } from '../../../shared/api/channels/room';
import type { SheetContext, SheetView } from '../../../shared/api/channels/scoring';
import { useApiQuery } from '../api/hooks';
import { ErrorAlert } from '../components/ErrorAlert';
import { ContextPanel } from '../features/scoring/ContextPanel';
import { SheetBody } from '../features/scoring/SheetBody';
import { SaveBadge } from '../features/scoring/SheetHeader';
import { SubmitModal } from '../features/scoring/SubmitModal';
import { useOpenSheet } from '../features/scoring/useOpenSheet';
import { useSheetScreen } from '../features/scoring/useSheetScreen';
import { useT } from '../i18n/useT';

/** The member's sheet on their own device: the same sheet and queue as the desktop, laid out for a phone or tablet. */
export function DeviceSheetPage({ me }: { me: RoomMe }) {
  const { t } = useT();
  const navigate = useNavigate();
  const registrationId = Number(useParams().registrationId);
  const open = useOpenSheet({ sessionId: me.sessionId, registrationId, memberId: me.memberId });
  const sheetId = open.data?.view.sheet.id ?? 0;
  const context = useApiQuery('scoring:context', { sheetId }, { enabled: sheetId > 0, staleTime: Infinity });
  if (open.isError || context.isError)
    return (
      <Stack p="md">
        <ErrorAlert
          error={open.error ?? context.error}
          onRetry={() => void (open.isError ? open.refetch() : context.refetch())}
        />
        <Button variant="default" size="lg" leftSection={<IconArrowLeft size={18} />} onClick={() => navigate('/')}>
          {t('room:device.sheet.back')}
        </Button>
      </Stack>
    );
  if (!open.data || !context.data)
    return (
      <Center h="100dvh">
        <Loader aria-label={t('common:loading')} />
      </Center>
    );
  return <DeviceSheet key={open.data.view.sheet.id} view={open.data.view} mark={open.data.mark} context={context.data} />;
}

function DeviceSheet({ view, mark, context }: { view: SheetView; mark: number; context: SheetContext }) {
  const { t } = useT();
  const navigate = useNavigate();
  const phone = useMediaQuery('(max-width: 600px)') ?? false;
  const wide = useMediaQuery('(min-width: 1100px)') ?? false;
  const set = context.criteriaSet;
  // A device keeps unsent changes in IndexedDB: leaving the page loses nothing, so no warning.
  const screen = useSheetScreen(view, set, { warnOnUnload: false, mark });
  const { editor } = screen;
  const e = editor.evaluation;
  const [dossierOpen, setDossierOpen] = useState(false);
  const code = screen.placed[screen.active]?.criterion.code ?? null;
  const back = async () => {
    await editor.flush();
    navigate('/');
  };
  return (
    <Box style={{ height: '100dvh', display: 'flex', flexDirection: 'column' }}>
      <Box
        component="header"
        px="sm"
        py={6}
        style={{ borderBottom: '1px solid var(--mantine-color-gray-3)', flexShrink: 0, background: 'var(--mantine-color-body)' }}
      >
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Group gap={4} wrap="nowrap" style={{ minWidth: 0, flex: 1 }}>
            <Button variant="subtle" px={8} h={48} onClick={() => void back()} aria-label={t('room:device.sheet.back')}>
              <IconArrowLeft size={26} />
            </Button>
            <Title order={1} size={phone ? 'h5' : 'h4'} lineClamp={2} style={{ minWidth: 0 }}>
              {context.dossier.productName}
            </Title>
          </Group>
          <Stack gap={0} align="flex-end" style={{ flexShrink: 0 }}>
            <Text fz={phone ? 24 : 28} fw={700} lh={1.1} data-testid="sheet-total" aria-live="polite">
              {t('scoring:sheet.totalOf', { points: e.total, max: e.max })}
            </Text>
            <Text size="xs" c="dimmed" data-testid="sheet-progress">
              {t('scoring:sheet.progress', { answered: e.answeredCount, applicable: e.applicableCount })}
            </Text>
          </Stack>
          {!wide && (
            <Button
              variant="light"
              h={48}
              px={phone ? 10 : 'md'}
              leftSection={<IconFileDescription size={22} />}
              onClick={() => setDossierOpen(true)}
              data-testid="open-dossier"
            >
              {t('room:device.sheet.dossier')}
            </Button>
          )}
        </Group>
        <Group justify="space-between" wrap="nowrap" mt={4}>
          <SaveBadge state={editor.save} onRetry={editor.retry} onDiscard={() => void editor.discard()} />
          {editor.editable && !phone && (
            <Button size="md" onClick={() => screen.setSubmitOpen(true)}>
              {t('room:device.sheet.submit')}
            </Button>
          )}
        </Group>
      </Box>
      <Group align="stretch" gap={0} wrap="nowrap" style={{ flex: 1, minHeight: 0 }}>
        <ScrollArea style={{ flex: 1 }} type="auto">
          <Stack gap="md" p={phone ? 'xs' : 'md'} maw={980} mx="auto">
            <SheetBody view={view} set={set} screen={screen} keyboardHelp={wide} />
          </Stack>
        </ScrollArea>
        {wide && (
          <Box w={400} style={{ borderLeft: '1px solid var(--mantine-color-gray-3)', flexShrink: 0 }}>
            <ContextPanel context={context} code={code} />
          </Box>
        )}
      </Group>
      <Drawer
        opened={dossierOpen}
        onClose={() => setDossierOpen(false)}
        position={phone ? 'bottom' : 'right'}
        size={phone ? '85%' : 480}
        title={t('room:device.sheet.dossierTitle')}
        closeButtonProps={{ 'aria-label': t('room:device.sheet.close'), size: 'xl' }}
        padding={0}
      >
        <Box h={phone ? '75dvh' : 'calc(100dvh - 70px)'}>
          <ContextPanel context={context} code={code} />
        </Box>
      </Drawer>
      <SubmitModal
        opened={screen.submitOpen}
        onClose={() => screen.setSubmitOpen(false)}
        view={view}
        editor={editor}
        onGoTo={screen.goTo}
        onSubmitted={() => navigate('/')}
      />
    </Box>
  );
}
