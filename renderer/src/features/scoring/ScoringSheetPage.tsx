import { Alert, Box, Button, Center, Group, Loader, ScrollArea, Stack, Text, Textarea } from '@mantine/core';
import { toastDone } from '../../components/toast';
import { IconArrowLeft, IconFileDescription, IconLock } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { SheetContext, SheetView } from '../../../../shared/api/channels/scoring';
import { allCriteria } from '../../../../shared/ocop/criteria-set-walk';
import { useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';
import { ContextPanel } from './ContextPanel';
import { CriteriaList } from './CriteriaList';
import { FocusScreen } from './FocusScreen';
import { timeOf } from './format';
import { rememberedPin } from './member-pin';
import { SheetHeader } from './SheetHeader';
import { SubmitModal } from './SubmitModal';
import { useSheetEditor, type ChooseOutcome } from './useSheetEditor';
import { nextEvaluated, useSheetKeys } from './useSheetKeys';

/** The member's scoring sheet for one product: opened (or created) in the current round. */
export function ScoringSheetPage() {
  const { t } = useT();
  const params = useParams();
  const sessionId = Number(params.id);
  const memberId = Number(params.memberId);
  const registrationId = Number(params.registrationId);
  const pin = rememberedPin(sessionId, memberId);
  const open = useApiQuery(
    'scoring:open',
    { sessionId, registrationId, memberId, ...(pin ? { pin } : {}) },
    { staleTime: Infinity, gcTime: 0 },
  );
  const sheetId = open.data?.sheet.id ?? 0;
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
    body = <SheetScreen key={open.data.sheet.id} view={open.data} context={context.data} back={back} />;
  }
  return <FocusScreen label={t('scoring:sheet.total')}>{body}</FocusScreen>;
}

function SheetScreen({ view, context, back }: { view: SheetView; context: SheetContext; back: string }) {
  const { t } = useT();
  const navigate = useNavigate();
  const set = context.criteriaSet;
  const editor = useSheetEditor(view, set);
  const placed = useMemo(() => allCriteria(set), [set]);
  const [active, setActiveState] = useState(() => {
    const firstMissing = placed.findIndex((p) => !editor.local.answers.has(p.criterion.code));
    return firstMissing >= 0 ? firstMissing : 0;
  });
  // Keys read and move the highlight synchronously; the state only draws it.
  const activeRef = useRef(active);
  const setActive = useCallback((i: number) => {
    activeRef.current = i;
    setActiveState(i);
  }, []);
  const [notice, setNotice] = useState<{ index: number; text: string } | null>(null);
  const [showDossier, setShowDossier] = useState(true);
  const [submitOpen, setSubmitOpen] = useState(false);
  const focusRow = useRef<(index: number) => void>(() => {});
  const sessionOpen = view.sheet.status === 'draft';

  const doUndo = useCallback(async () => {
    const r = await editor.undo();
    const message =
      r === 'undone'
        ? t('scoring:sheet.undone')
        : r === 'pending'
          ? t('scoring:sheet.undoPending')
          : t('scoring:sheet.nothingToUndo');
    toastDone(message, 'neutral');
  }, [editor, t]);

  const refuse = (index: number, outcome: Exclude<ChooseOutcome, { ok: true }>, key: string) => {
    const code = placed[index]!.criterion.code;
    const text =
      outcome.reason === 'noSuchLevel'
        ? t('scoring:sheet.keyNoSuchLevel', { code, key, levels: outcome.levels })
        : outcome.reason === 'notEvaluated'
          ? t('scoring:sheet.keyNotEvaluated', { code, key })
          : t('scoring:sheet.keyReadOnly', { key });
    setNotice({ index, text });
  };

  /** A click or tap on a level: chosen, and the highlight moves on without scrolling the page. */
  const chooseByPointer = (index: number, levelIndex: number) => {
    const outcome = editor.setLevel(placed[index]!.criterion.code, levelIndex);
    if (!outcome.ok) {
      refuse(index, outcome, String(levelIndex + 1));
      return;
    }
    setNotice(null);
    setActive(nextEvaluated(placed, editor, index));
  };

  useSheetKeys({
    placed,
    editor,
    activeRef,
    moveTo: (i) => {
      setNotice(null);
      focusRow.current(i);
    },
    onChosen: () => setNotice(null),
    onRefused: refuse,
    onUndo: () => void doUndo(),
    paused: submitOpen,
  });

  // Warn before closing the window while a change has not reached the host.
  const unsent = editor.save.kind === 'saving' || editor.save.kind === 'waiting' || editor.save.kind === 'error';
  useEffect(() => {
    const onUnload = (e: BeforeUnloadEvent) => {
      if (unsent) e.preventDefault();
    };
    window.addEventListener('beforeunload', onUnload);
    return () => window.removeEventListener('beforeunload', onUnload);
  }, [unsent]);

  const leave = async () => {
    await editor.flush();
    navigate(back);
  };

  const readOnlyReason =
    view.sheet.status === 'submitted'
      ? t('scoring:sheet.submitted', { time: timeOf(view.sheet.submittedAt) })
      : view.sheet.status === 'superseded'
        ? t('scoring:sheet.superseded')
        : null;

  return (
    <>
      <SheetHeader
        view={view}
        context={context}
        editor={editor}
        onUndo={() => void doUndo()}
        onSubmit={() => setSubmitOpen(true)}
        onBack={() => void leave()}
        dossierShown={showDossier}
        onToggleDossier={() => setShowDossier((v) => !v)}
      />
      <Group align="stretch" gap={0} wrap="nowrap" style={{ flex: 1, minHeight: 0 }}>
        <ScrollArea style={{ flex: 1 }} type="auto" id="criteria-scroll">
          <Stack gap="md" p="md" maw={980} mx="auto">
            {readOnlyReason && (
              <Alert color="gray" icon={<IconLock />} data-testid="sheet-locked">
                {readOnlyReason}
              </Alert>
            )}
            {!readOnlyReason && !sessionOpen && <Alert color="gray">{t('scoring:sheet.readOnlySession')}</Alert>}
            {view.sheet.source === 'paper' && (
              <Alert color="blue" variant="light" icon={<IconFileDescription />}>
                {t('scoring:sheet.paperSource', { names: view.sheet.enteredBy ?? '' })}
              </Alert>
            )}
            {view.sheet.rescoringRound > 0 && view.sheet.status === 'draft' && (
              <Alert color="orange" variant="light">
                {t('scoring:sheet.revisionBanner', { round: view.sheet.rescoringRound })}
              </Alert>
            )}
            {editor.evaluation.disqualified && (
              <Alert color="red" variant="light" data-testid="sheet-disqualified">
                {t('scoring:sheet.disqualifiedBanner', {
                  reason: editor.evaluation.disqualifiedBy.map((d) => d.reason ?? '').join('; '),
                })}
              </Alert>
            )}
            <Text size="sm" c="dimmed">
              {t('scoring:sheet.keyboardHelp')}
            </Text>
            <CriteriaList
              set={set}
              editor={editor}
              previous={view.previous}
              active={active}
              onActive={setActive}
              registerFocus={(f) => (focusRow.current = f)}
              notice={notice}
              onChoose={chooseByPointer}
            />
            <Textarea
              label={t('scoring:sheet.opinion')}
              description={t('scoring:sheet.opinionHelp')}
              value={editor.local.opinion}
              onChange={(e) => editor.setOpinion(e.currentTarget.value)}
              onBlur={() => void editor.flush()}
              readOnly={!editor.editable}
              autosize
              minRows={3}
              size="md"
            />
            {editor.editable && (
              <Group justify="flex-end" pb="xl">
                <Button size="lg" onClick={() => setSubmitOpen(true)}>
                  {t('scoring:sheet.submit')}
                </Button>
              </Group>
            )}
          </Stack>
        </ScrollArea>
        {showDossier && (
          <Box w={430} style={{ borderLeft: '1px solid var(--mantine-color-gray-3)', flexShrink: 0 }}>
            <ContextPanel context={context} code={placed[active]?.criterion.code ?? null} />
          </Box>
        )}
      </Group>
      <SubmitModal
        opened={submitOpen}
        onClose={() => setSubmitOpen(false)}
        view={view}
        editor={editor}
        onGoTo={(code) => {
          setSubmitOpen(false);
          const i = placed.findIndex((p) => p.criterion.code === code);
          if (i >= 0) {
            setActive(i);
            setTimeout(() => focusRow.current(i), 50);
          }
        }}
        onSubmitted={() => navigate(back)}
      />
    </>
  );
}
