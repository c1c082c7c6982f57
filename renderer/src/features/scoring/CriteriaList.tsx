import { Stack, Text, Title } from '@mantine/core';
import { Fragment, useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { SheetView } from '../../../../shared/api/channels/scoring';
import type { CriteriaSet } from '../../../../shared/ocop/criteria-set';
import { allCriteria, isSingleCriterionGroup } from '../../../../shared/ocop/criteria-set-walk';
import { useT } from '../../i18n/useT';
import { CriterionRow } from './CriterionRow';
import { SetRules } from './RuleControls';
import type { SheetEditor } from './useSheetEditor';
import { CriteriaLanguageNote } from '../../components/CriteriaLanguageNote';

/**
 * The criteria in the official order with part and group headings, as on the printed phiếu.
 * One criterion is "active" (highlighted, focused): number keys choose its level and move on,
 * ↑/↓, Enter and Tab move (useSheetKeys). The active row drives the dossier panel beside the list.
 */
export function CriteriaList(props: {
  set: CriteriaSet;
  editor: SheetEditor;
  previous: SheetView['previous'];
  active: number;
  onActive: (i: number) => void;
  registerFocus: (f: (index: number) => void) => void;
  notice: { index: number; text: string } | null;
  onChoose: (index: number, levelIndex: number) => void;
}) {
  const { t } = useT();
  const { set, editor, active, onActive } = props;
  const placed = useMemo(() => allCriteria(set), [set]);
  const rows = useRef<(HTMLDivElement | null)[]>([]);
  const previousLevels = useMemo(
    () => new Map((props.previous?.answers ?? []).filter((a) => a.levelIndex !== null).map((a) => [a.criterionCode, a])),
    [props.previous],
  );

  const focus = useCallback(
    (i: number) => {
      const clamped = Math.max(0, Math.min(placed.length - 1, i));
      onActive(clamped);
      const el = rows.current[clamped];
      el?.focus({ preventScroll: true });
      // A short row is brought to the middle (the rows around it stay in view); a long one to the top.
      if (el) el.scrollIntoView({ block: el.offsetHeight < window.innerHeight * 0.5 ? 'center' : 'start', behavior: 'smooth' });
    },
    [onActive, placed.length],
  );
  const { registerFocus } = props;
  useEffect(() => {
    registerFocus(focus);
  }, [focus, registerFocus]);
  // Start on the first unscored criterion, as soon as the rows exist (keys work before that too).
  useLayoutEffect(() => {
    focus(active);
    // Only once, when the sheet opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const byCode = useMemo(() => new Map(editor.evaluation.criteria.map((c) => [c.code, c])), [editor.evaluation]);

  return (
    <Stack gap="sm" role="group" aria-label={set.name} data-criteria-list>
      <CriteriaLanguageNote decision={set.decision} />
      <SetRules set={set} editor={editor} />
      {set.parts.map((part) => (
        <Fragment key={part.code}>
          <Title order={2} size="h4" mt="md" c="red.9">
            {t('scoring:sheet.part', { code: part.code })} — <span lang="vi">{part.title}</span> (
            {t('scoring:sheet.points', { count: part.max })})
          </Title>
          {part.groups.map((group) => (
            <Fragment key={group.code}>
              {!isSingleCriterionGroup(group) && (
                <Text fw={700} size="md" mt={4}>
                  {group.code}. <span lang="vi">{group.title}</span> ({t('scoring:sheet.points', { count: group.max })})
                </Text>
              )}
              {group.criteria.map((criterion) => {
                const index = placed.findIndex((p) => p.criterion === criterion);
                return (
                  <CriterionRow
                    key={criterion.code}
                    ref={(el) => {
                      rows.current[index] = el;
                    }}
                    set={set}
                    criterion={criterion}
                    state={byCode.get(criterion.code)!}
                    editor={editor}
                    active={index === active}
                    previous={previousLevels.get(criterion.code) ?? null}
                    onActivate={() => onActive(index)}
                    onChoose={(levelIndex) => props.onChoose(index, levelIndex)}
                    notice={props.notice?.index === index ? props.notice.text : null}
                  />
                );
              })}
            </Fragment>
          ))}
        </Fragment>
      ))}
    </Stack>
  );
}
