import { Box, Button, Center, Group, Loader, ScrollArea, Stack } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { SheetContext, SheetView } from '../../../../shared/api/channels/scoring';
import { useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';
import { ContextPanel } from './ContextPanel';
import { FocusScreen } from './FocusScreen';
import { rememberedPin } from './member-pin';
import { SheetBody } from './SheetBody';
import { SheetHeader } from './SheetHeader';
import { SubmitModal } from './SubmitModal';
import { useOpenSheet } from './useOpenSheet';
import { useSheetScreen } from './useSheetScreen';

/** The member's scoring sheet for one product: opened (or created) in the current round. */
export function ScoringSheetPage() {
  const { t } = useT();
  const params = useParams();
  const sessionId = Number(params.id);
  const memberId = Number(params.memberId);
  const registrationId = Number(params.registrationId);
  const pin = rememberedPin(sessionId, memberId);
  const open = useOpenSheet({ sessionId, registrationId, memberId, ...(pin ? { pin } : {}) });
  const sheetId = open.data?.view.sheet.id ?? 0;
  const context = useApiQuery('scoring:context', { sheetId }, { enabled: sheetId > 0, staleTime: Infinity });
  const back = `/sessions/${sessionId}/scoring/member/${memberId}`;
  const navigate = useNavigate();

  let body;
  if (open.isError || context.isError) {
    body = (
      <Box p="xl">
        <ErrorAlert
          error={open.error ?? context.error}
          onRetry={() => void (open.isError ? open.refetch() : context.refetch())}
        />
        <Button mt="md" variant="default" leftSection={<IconArrowLeft size={18} />} onClick={() => navigate(back)}>
          {t('scoring:sheet.back')}
        </Button>
      </Box>
    );
  } else if (!open.data || !context.data) {
    body = (
      <Center h="100%">
        <Loader aria-label={t('common:loading')} />
      </Center>
    );
  } else {
    body = (
      <SheetScreen key={open.data.view.sheet.id} view={open.data.view} mark={open.data.mark} context={context.data} back={back} />
    );
  }
  return <FocusScreen label={t('scoring:sheet.total')}>{body}</FocusScreen>;
}

function SheetScreen({ view, mark, context, back }: { view: SheetView; mark: number; context: SheetContext; back: string }) {
  const navigate = useNavigate();
  const set = context.criteriaSet;
  const screen = useSheetScreen(view, set, { warnOnUnload: true, mark });
  const { editor } = screen;
  const [showDossier, setShowDossier] = useState(true);

  const leave = async () => {
    await editor.flush();
    navigate(back);
  };

  return (
    <>
      <SheetHeader
        view={view}
        context={context}
        editor={editor}
        onUndo={() => void screen.doUndo()}
        onSubmit={() => screen.setSubmitOpen(true)}
        onBack={() => void leave()}
        dossierShown={showDossier}
        onToggleDossier={() => setShowDossier((v) => !v)}
      />
      <Group align="stretch" gap={0} wrap="nowrap" style={{ flex: 1, minHeight: 0 }}>
        <ScrollArea style={{ flex: 1 }} type="auto" id="criteria-scroll">
          <Stack gap="md" p="md" maw={980} mx="auto">
            <SheetBody view={view} set={set} screen={screen} />
          </Stack>
        </ScrollArea>
        {showDossier && (
          <Box w={430} style={{ borderLeft: '1px solid var(--mantine-color-gray-3)', flexShrink: 0 }}>
            <ContextPanel context={context} code={screen.placed[screen.active]?.criterion.code ?? null} />
          </Box>
        )}
      </Group>
      <SubmitModal
        opened={screen.submitOpen}
        onClose={() => screen.setSubmitOpen(false)}
        view={view}
        editor={editor}
        onGoTo={screen.goTo}
        onSubmitted={() => navigate(back)}
      />
    </>
  );
}
