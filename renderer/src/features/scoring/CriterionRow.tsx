import { Badge, Box, Button, Group, Paper, Stack, Text, Textarea, UnstyledButton } from '@mantine/core';
import { IconCheck, IconNote } from '@tabler/icons-react';
import { forwardRef, useId, useRef, useState } from 'react';
import type { SheetAnswer } from '../../../../shared/api/channels/scoring';
import type { CriteriaSet, Criterion } from '../../../../shared/ocop/criteria-set';
import { levelsByCase, rulesFor } from '../../../../shared/ocop/criteria-set-walk';
import type { CriterionState } from '../../../../shared/ocop/sheet-rules';
import { useT } from '../../i18n/useT';
import { StarMarkBadge } from '../criteria/StarMarkBadge';
import classes from './CriterionRow.module.css';
import { CriterionRules } from './RuleControls';
import type { SheetEditor } from './useSheetEditor';

interface Props {
  set: CriteriaSet;
  criterion: Criterion;
  state: CriterionState;
  editor: SheetEditor;
  active: boolean;
  previous: SheetAnswer | null;
  onActivate: () => void;
  /** A click or tap on a level: chosen like the digit key (the highlight moves on, the page stays). */
  onChoose: (levelIndex: number) => void;
  /** Why the last key chose nothing here (shown on the row, where the member is looking). */
  notice: string | null;
}

/**
 * One criterion of the phiếu: its levels as large buttons numbered as on paper (1 = first "□"),
 * points and star marks on each, the member's note, and the rules its notes state. The row is
 * one radio group that takes the focus; the keys are the sheet's (useSheetKeys), so they work
 * wherever the focus is, also after a click on a level.
 */
export const CriterionRow = forwardRef<HTMLDivElement, Props>(function CriterionRow(props, ref) {
  const { t } = useT();
  const { criterion, state, editor, active } = props;
  const headingId = useId();
  const chosen = editor.local.answers.get(criterion.code) ?? null;
  const note = editor.local.notes.get(criterion.code) ?? '';
  const [noteOpen, setNoteOpen] = useState(note !== '');
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const evaluable = state.status === 'answered' || state.status === 'missing';
  const canChoose = editor.editable && evaluable;

  const choose = (levelIndex: number) => props.onChoose(levelIndex);

  const why =
    state.status === 'skipped'
      ? t('scoring:sheet.whySkipped')
      : state.status === 'stopped'
        ? t('scoring:sheet.whyStopped', {
            code: props.set.rules.find((r) => state.notEvaluatedBecause.includes(r.id))?.criterionCode ?? '',
          })
        : '';

  return (
    <Paper
      ref={ref}
      role="radiogroup"
      aria-labelledby={headingId}
      aria-current={active ? 'step' : undefined}
      tabIndex={0}
      onFocus={props.onActivate}
      data-testid={`criterion-${criterion.code}`}
      data-active={active || undefined}
      withBorder
      p="sm"
      radius="md"
      style={{
        borderWidth: active ? 3 : 1,
        borderColor: active ? 'var(--mantine-color-blue-6)' : undefined,
        opacity: evaluable ? 1 : 0.6,
        outline: 'none',
        scrollMarginTop: 12,
      }}
    >
      <Stack gap={8}>
        <div className={classes.head}>
          <Text id={headingId} fw={700} fz={18} lang="vi">
            {active && <span aria-hidden="true">▶ </span>}
            {criterion.parent ? `${criterion.parent.code} ${criterion.parent.title} › ` : ''}
            {criterion.code}. {criterion.title}
          </Text>
          <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
            {state.status === 'answered' && (
              <Badge color="green" variant="light" size="lg" tt="none" leftSection={<IconCheck size={14} />}>
                {t('scoring:sheet.points', { count: state.points })}
              </Badge>
            )}
            <Text size="sm" c="dimmed">
              {t('scoring:sheet.criterionMax', { max: criterion.max })}
            </Text>
          </Group>
        </div>
        {criterion.notes.length > 0 && (
          <Stack gap={2}>
            {criterion.notes.map((n, i) => (
              <Text key={i} size="sm" fs="italic" c="dimmed" lang="vi">
                {n}
              </Text>
            ))}
          </Stack>
        )}
        {props.notice && (
          <Text fw={700} c="red.9" role="alert" data-testid={`key-notice-${criterion.code}`}>
            {props.notice}
          </Text>
        )}
        {!evaluable && (
          <Text fw={600} c="orange.9" data-testid={`not-evaluated-${criterion.code}`}>
            {t('scoring:sheet.notEvaluated', { why })}
          </Text>
        )}
        {levelsByCase(criterion).map((group) => (
          <Stack key={group.case ?? '-'} gap={6}>
            {group.case && (
              <Text size="sm" fw={600} lang="vi">
                {group.case}
              </Text>
            )}
            {group.levels.map(({ level, index }) => {
              const selected = chosen === index;
              return (
                <UnstyledButton
                  key={index}
                  role="radio"
                  aria-checked={selected}
                  aria-label={t('scoring:sheet.levelButton', { n: index + 1, text: level.text, count: level.points })}
                  tabIndex={-1}
                  disabled={!canChoose}
                  onClick={() => choose(index)}
                  data-testid={`level-${criterion.code}-${index + 1}`}
                  className={classes.level}
                  style={{
                    border: selected ? '2px solid var(--mantine-color-blue-7)' : '1px solid var(--mantine-color-gray-4)',
                    background: selected ? 'var(--mantine-color-blue-0)' : 'var(--mantine-color-body)',
                    cursor: canChoose ? 'pointer' : 'default',
                  }}
                >
                  <Box
                    aria-hidden="true"
                    style={{
                      flexShrink: 0,
                      width: 32,
                      height: 32,
                      borderRadius: 16,
                      display: 'grid',
                      placeItems: 'center',
                      fontWeight: 700,
                      background: selected ? 'var(--mantine-color-blue-7)' : 'var(--mantine-color-gray-2)',
                      color: selected ? 'white' : 'var(--mantine-color-black)',
                    }}
                  >
                    {index + 1}
                  </Box>
                  <Text fz={16} lang="vi">
                    {level.text}
                    {level.note && (
                      <Text span size="sm" fs="italic" c="dimmed">
                        {' '}
                        — {level.note}
                      </Text>
                    )}
                  </Text>
                  <span className={classes.meta}>
                    {level.minForStars !== undefined && <StarMarkBadge stars={level.minForStars} />}
                    <Text span fw={700} fz={16} miw={64} ta="right">
                      {t('scoring:sheet.points', { count: level.points })}
                    </Text>
                    {selected && (
                      <Badge color="blue" variant="filled" tt="none" style={{ flexShrink: 0 }}>
                        {t('scoring:sheet.chosen')}
                      </Badge>
                    )}
                  </span>
                </UnstyledButton>
              );
            })}
          </Stack>
        ))}
        {props.previous && (
          <Text size="sm" c="dimmed">
            {t('scoring:sheet.previousRound', { n: (props.previous.levelIndex ?? 0) + 1, points: props.previous.points ?? 0 })}
          </Text>
        )}
        <CriterionRules set={props.set} rules={rulesFor(props.set, criterion.code)} editor={editor} />
        {noteOpen || note !== '' ? (
          <Textarea
            ref={noteRef}
            aria-label={t('scoring:sheet.notePlaceholder', { code: criterion.code })}
            placeholder={t('scoring:sheet.notePlaceholder', { code: criterion.code })}
            value={note}
            onChange={(e) => editor.setNote(criterion.code, e.currentTarget.value)}
            onBlur={() => void editor.flush()}
            onKeyDown={(e) => {
              if (e.key === 'Escape') (e.currentTarget.closest('[role="radiogroup"]') as HTMLElement | null)?.focus();
            }}
            readOnly={!editor.editable}
            autosize
            minRows={1}
          />
        ) : (
          editor.editable && (
            <Button
              variant="subtle"
              size="compact-sm"
              w="fit-content"
              leftSection={<IconNote size={16} />}
              tabIndex={-1}
              data-note-open
              onClick={() => {
                setNoteOpen(true);
                setTimeout(() => noteRef.current?.focus(), 0);
              }}
            >
              {t('scoring:sheet.addNote')}
            </Button>
          )
        )}
      </Stack>
    </Paper>
  );
});
