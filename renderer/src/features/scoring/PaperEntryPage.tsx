import {
  Alert,
  Badge,
  Button,
  Center,
  Checkbox,
  Group,
  Loader,
  NumberInput,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { toastDone } from '../../components/toast';
import { IconArrowRight, IconCheck, IconDeviceFloppy } from '@tabler/icons-react';
import { useMemo, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { PaperState, SessionProgress } from '../../../../shared/api/channels/scoring';
import type { CriteriaSet } from '../../../../shared/ocop/criteria-set';
import { allCriteria } from '../../../../shared/ocop/criteria-set-walk';
import { parseTypedLevel } from '../../../../shared/ocop/paper-entry';
import { declarationRules, evaluateSheet } from '../../../../shared/ocop/sheet-rules';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { BackLink } from '../../components/BackLink';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';
import { conditionBody, conditionSentence } from '../../../../shared/ocop/rule-text';
import { codeList } from './format';
import { nextPaperSheet, type PaperKey } from './next-paper-sheet';
import { CriteriaLanguageNote } from '../../components/CriteriaLanguageNote';
import { useLegalNames } from '../../i18n/legal-names';

/** The secretary's keyboard grid for a member's paper sheet, double entry and resolution. */
export function PaperEntryPage() {
  const { t } = useT();
  const legal = useLegalNames();
  const params = useParams();
  const key = { sessionId: Number(params.id), memberId: Number(params.memberId), registrationId: Number(params.registrationId) };
  const state = useApiQuery('scoring:paperGet', key, { staleTime: 0 });
  const setQ = useApiQuery(
    'criteria:get',
    { id: state.data?.criteriaSetVersionId ?? 0 },
    { enabled: !!state.data, staleTime: Infinity },
  );
  const back = `/sessions/${key.sessionId}/scoring?tab=paper`;
  // The entry the secretary last saved, kept while the editor reloads from the saved state (it
  // used to fall back to "Lần nhập 1" after the second entry was saved).
  const [lastEntry, setLastEntry] = useState<1 | 2 | null>(null);
  const progress = useApiQuery('scoring:progress', { sessionId: key.sessionId });
  if (state.isError || setQ.isError) return <ErrorAlert error={state.error ?? setQ.error} onRetry={() => void state.refetch()} />;
  if (!state.data || !setQ.data) {
    return (
      <Center h={200}>
        <Loader aria-label={t('common:loading')} />
      </Center>
    );
  }
  const productName = progress.data?.products.find((p) => p.registrationId === key.registrationId)?.productName;
  return (
    <Stack maw={1100} gap="md">
      <BackLink to={back} label={t('scoring:hub.back')} />
      <Title order={2}>{t('scoring:paper.title', { member: state.data.memberName })}</Title>
      <Stack gap={0}>
        <Text size="lg" fw={700} data-testid="paper-product">
          {t('scoring:paper.productLine', { product: productName ?? '…' })}
        </Text>
        <Text c="dimmed">{t('scoring:paper.setLine', { set: legal.set(setQ.data.name) })}</Text>
      </Stack>
      {state.data.committedSheet ? (
        <>
          <Alert color="green" icon={<IconCheck />} data-testid="paper-committed">
            {state.data.committedSheet.source === 'paper'
              ? t('scoring:paper.committedInfo', {
                  total: state.data.committedSheet.totalPoints,
                  names: state.data.committedSheet.enteredBy ?? '',
                })
              : // The member scored this product on screen (or a device): nothing to type from paper.
                t('scoring:paper.onScreenInfo', {
                  member: state.data.memberName,
                  state: t(`scoring:products.state.${state.data.committedSheet.status}`),
                  total: state.data.committedSheet.totalPoints,
                })}
          </Alert>
          <PaperOnward sessionId={key.sessionId} current={key} progress={progress.data} />
        </>
      ) : (
        <PaperEditor
          key={state.dataUpdatedAt}
          paper={state.data}
          set={setQ.data.content}
          initialEntry={lastEntry}
          onSaved={setLastEntry}
        />
      )}
    </Stack>
  );
}

/**
 * After a sheet is confirmed: the next paper sheet still to enter (the same member's next product,
 * then the next member's), the pick list, and the progress board.
 */
function PaperOnward({
  sessionId,
  current,
  progress,
}: {
  sessionId: number;
  current: PaperKey;
  progress: SessionProgress | undefined;
}) {
  const { t } = useT();
  const navigate = useNavigate();
  const next = progress ? nextPaperSheet(progress, current) : null;
  return (
    <Group data-testid="paper-onward">
      {next && (
        <Button
          size="md"
          rightSection={<IconArrowRight size={18} />}
          onClick={() => navigate(`/sessions/${sessionId}/scoring/paper/${next.memberId}/${next.registrationId}`)}
          data-testid="paper-next"
        >
          {t('scoring:paper.next', { member: next.memberName, product: next.productName })}
        </Button>
      )}
      <Button
        size="md"
        variant={next ? 'default' : 'filled'}
        onClick={() => navigate(`/sessions/${sessionId}/scoring?tab=paper`)}
      >
        {t('scoring:paper.pickOther')}
      </Button>
      <Button size="md" variant="default" onClick={() => navigate(`/sessions/${sessionId}/scoring?tab=progress`)}>
        {t('scoring:paper.toProgress')}
      </Button>
    </Group>
  );
}

type Typed = Record<string, string>;

function PaperEditor({
  paper,
  set,
  initialEntry,
  onSaved,
}: {
  paper: PaperState;
  set: CriteriaSet;
  initialEntry: 1 | 2 | null;
  onSaved: (entryNo: 1 | 2) => void;
}) {
  const { t } = useT();
  const settings = useApiQuery('settings:get', {});
  const placed = useMemo(() => allCriteria(set), [set]);
  const nextEntry = paper.entries.some((e) => e.entryNo === 1) && !paper.entries.some((e) => e.entryNo === 2) ? 2 : 1;
  // After saving entry 1 the grid moves on to entry 2; once both exist it stays on the one just saved.
  const bothSaved = paper.entries.some((e) => e.entryNo === 2);
  const [entryNo, setEntryNo] = useState<1 | 2>(initialEntry !== null && bothSaved ? initialEntry : nextEntry);
  const existing = paper.entries.find((e) => e.entryNo === entryNo);
  const init = (): Typed => Object.fromEntries((existing?.answers ?? []).map((a) => [a.criterionCode, String(a.levelIndex + 1)]));
  const [typed, setTyped] = useState<Typed>(init);
  const [enteredBy, setEnteredBy] = useState(existing?.enteredBy ?? (entryNo === 1 ? (settings.data?.operatorName ?? '') : ''));
  const [written, setWritten] = useState<number | string>(existing?.writtenTotal ?? '');
  const [decl, setDecl] = useState<Record<string, string | null>>(
    Object.fromEntries((existing?.declarations ?? []).map((d) => [d.ruleId, d.reason ?? ''])),
  );
  const inputs = useRef<(HTMLInputElement | null)[]>([]);

  const switchEntry = (n: 1 | 2) => {
    const e = paper.entries.find((x) => x.entryNo === n);
    setEntryNo(n);
    setTyped(Object.fromEntries((e?.answers ?? []).map((a) => [a.criterionCode, String(a.levelIndex + 1)])));
    setEnteredBy(e?.enteredBy ?? '');
    setWritten(e?.writtenTotal ?? '');
    setDecl(Object.fromEntries((e?.declarations ?? []).map((d) => [d.ruleId, d.reason ?? ''])));
    setTimeout(() => inputs.current[0]?.focus(), 0);
  };

  const parsed = placed.map((p) => ({ p, r: parseTypedLevel(p.criterion, typed[p.criterion.code] ?? '') }));
  const answers = new Map(
    parsed.flatMap(({ p, r }) => (r.ok && r.levelIndex !== null ? [[p.criterion.code, r.levelIndex] as const] : [])),
  );
  const declarations = new Map(
    Object.entries(decl).map(([ruleId, reason]) => [
      ruleId,
      { holds: set.rules.find((r) => r.id === ruleId)?.kind !== 'conditional', reason: reason || null },
    ]),
  );
  const e = evaluateSheet(set, { answers, declarations });
  const writtenTotal = written === '' ? null : Number(written);
  const invalid = parsed.some(({ r }) => !r.ok);

  const save = useApiMutation('scoring:paperSave', {
    onSuccess: () => {
      toastDone(t('scoring:paper.saved', { n: entryNo }));
      onSaved(entryNo);
    },
  });
  const doSave = () =>
    save.mutate({
      ...paperKey(paper),
      entryNo,
      enteredBy,
      writtenTotal,
      answers: [...answers].map(([criterionCode, levelIndex]) => ({ criterionCode, levelIndex })),
      declarations: [...declarations].map(([ruleId, d]) => ({ ruleId, holds: d.holds, reason: d.reason })),
    });

  const move = (i: number) => {
    const el = inputs.current[Math.max(0, Math.min(placed.length, i))];
    el?.focus();
    el?.select();
  };

  return (
    <Stack gap="md">
      <Text c="dimmed">{t('scoring:paper.keyboardHelp')}</Text>
      <Group align="flex-end">
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('scoring:paper.entry')}
          </Text>
          <SegmentedControl
            value={String(entryNo)}
            onChange={(v) => switchEntry(Number(v) as 1 | 2)}
            data={[1, 2].map((n) => ({
              value: String(n),
              label: `${t('scoring:paper.entryN', { n })}${paper.entries.some((x) => x.entryNo === n) ? ' ✓' : ''}`,
            }))}
            size="md"
          />
        </Stack>
        <TextInput
          label={t('scoring:paper.enteredBy')}
          value={enteredBy}
          onChange={(ev) => setEnteredBy(ev.currentTarget.value)}
          required
          size="md"
          w={280}
          data-testid="paper-entered-by"
        />
      </Group>
      <Text size="sm" c="dimmed">
        {t('scoring:paper.entryHelp')}
      </Text>
      <CriteriaLanguageNote decision={set.decision} />

      <Table withTableBorder verticalSpacing={4} fz="md" data-testid="paper-grid">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={60}>{t('scoring:paper.code')}</Table.Th>
            <Table.Th>{t('scoring:paper.criterion')}</Table.Th>
            <Table.Th w={110}>{t('scoring:paper.level')}</Table.Th>
            <Table.Th>{t('scoring:paper.chosen')}</Table.Th>
            <Table.Th w={70}>{t('scoring:paper.points')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {parsed.map(({ p, r }, i) => {
            const c = p.criterion;
            const state = e.criteria[i]!;
            const level = r.ok && r.levelIndex !== null ? c.levels[r.levelIndex] : undefined;
            return (
              <Table.Tr key={c.code} data-testid={`paper-row-${c.code}`}>
                <Table.Td fw={700}>{c.code}</Table.Td>
                <Table.Td>
                  <Text lineClamp={1} title={c.title} lang="vi">
                    {c.title}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <TextInput
                    ref={(el) => {
                      inputs.current[i] = el;
                    }}
                    aria-label={t('scoring:paper.levelInput', { code: c.code })}
                    value={typed[c.code] ?? ''}
                    inputMode="numeric"
                    size="md"
                    w={80}
                    error={
                      !r.ok
                        ? r.reason === 'OUT_OF_RANGE'
                          ? t('scoring:paper.outOfRange', { count: r.levelCount })
                          : t('scoring:paper.notNumber')
                        : undefined
                    }
                    onFocus={(ev) => ev.currentTarget.select()}
                    onChange={(ev) => {
                      const v = ev.currentTarget.value.replace(/\s/g, '');
                      setTyped((x) => ({ ...x, [c.code]: v }));
                      const pr = parseTypedLevel(c, v);
                      // One digit is a whole answer when the criterion has fewer than 10 levels.
                      if (pr.ok && pr.levelIndex !== null && c.levels.length < 10) move(i + 1);
                    }}
                    onKeyDown={(ev) => {
                      if (ev.key === 'ArrowDown' || ev.key === 'Enter') {
                        ev.preventDefault();
                        move(i + 1);
                      } else if (ev.key === 'ArrowUp') {
                        ev.preventDefault();
                        move(i - 1);
                      }
                    }}
                  />
                </Table.Td>
                <Table.Td>
                  <Text
                    size="sm"
                    lineClamp={1}
                    c={state.status === 'stopped' || state.status === 'skipped' ? 'orange.9' : undefined}
                  >
                    {state.status === 'stopped' || state.status === 'skipped'
                      ? t('scoring:sheet.notEvaluated', { why: '' })
                      : level?.text}
                  </Text>
                </Table.Td>
                <Table.Td fw={700}>{level ? state.points : ''}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>

      {declarationRules(set).length > 0 && (
        <Stack gap={6}>
          {declarationRules(set).map((rule) => {
            const on = rule.id in decl;
            const label =
              rule.kind === 'disqualify'
                ? t('scoring:rules.disqualifyFound', { condition: rule.condition })
                : rule.kind === 'conditional'
                  ? t('scoring:rules.conditionalLabel', { condition: conditionBody(rule.condition) })
                  : t('scoring:rules.stopQuestion', {
                      condition: conditionSentence(
                        rule.kind === 'stop' && rule.trigger.type === 'condition' ? rule.trigger.condition : '',
                      ),
                    });
            return (
              <Group key={rule.id} gap="sm" wrap="nowrap" align="flex-start">
                <Checkbox
                  label={`${rule.criterionCode ?? ''} ${label}`}
                  checked={on}
                  onChange={(ev) => {
                    const checked = ev.currentTarget.checked;
                    setDecl((d) => {
                      const next = { ...d };
                      if (checked) next[rule.id] = '';
                      else delete next[rule.id];
                      return next;
                    });
                  }}
                />
                {on && rule.kind === 'disqualify' && (
                  <TextInput
                    placeholder={t('scoring:rules.reason')}
                    value={decl[rule.id] ?? ''}
                    onChange={(ev) => {
                      const v = ev.currentTarget.value;
                      setDecl((d) => ({ ...d, [rule.id]: v }));
                    }}
                    style={{ flex: 1 }}
                  />
                )}
              </Group>
            );
          })}
        </Stack>
      )}

      <Group align="flex-end" gap="xl">
        <NumberInput
          ref={(el) => {
            inputs.current[placed.length] = el;
          }}
          label={t('scoring:paper.writtenTotal')}
          value={written}
          onChange={setWritten}
          min={0}
          max={100}
          allowDecimal={false}
          size="md"
          w={220}
          data-testid="paper-written-total"
        />
        <Stack gap={2}>
          <Text size="sm">{t('scoring:paper.computedTotal')}</Text>
          <Text fz={26} fw={700} data-testid="paper-computed-total">
            {e.total}
          </Text>
        </Stack>
        {writtenTotal !== null &&
          (writtenTotal === e.total ? (
            <Badge color="green" size="xl" tt="none" leftSection={<IconCheck size={16} />} data-testid="paper-total-check">
              {t('scoring:paper.totalAgrees')}
            </Badge>
          ) : (
            <Badge color="red" size="xl" tt="none" data-testid="paper-total-check">
              {t('scoring:paper.totalDiffers', { diff: e.total - writtenTotal })}
            </Badge>
          ))}
      </Group>
      {e.missing.length > 0 && <Text c="orange.9">{t('scoring:paper.missing', { codes: codeList(e.missing) })}</Text>}
      {save.isError && <ErrorAlert error={save.error} />}
      <Group>
        <Button
          size="md"
          leftSection={<IconDeviceFloppy size={18} />}
          onClick={doSave}
          loading={save.isPending}
          disabled={invalid || enteredBy.trim() === ''}
          data-testid="paper-save"
        >
          {t('scoring:paper.save', { n: entryNo })}
        </Button>
      </Group>
      <ResolvePanel paper={paper} set={set} />
    </Stack>
  );
}

const paperKey = (p: PaperState) => ({ sessionId: p.sessionId, registrationId: p.registrationId, memberId: p.memberId });

/** When both entries exist: every difference, with the value read on the paper; then confirm. */
function ResolvePanel({ paper, set }: { paper: PaperState; set: CriteriaSet }) {
  const { t } = useT();
  const settings = useApiQuery('settings:get', {});
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [writtenChoice, setWrittenChoice] = useState<number | string>('');
  const [acceptMismatch, setAcceptMismatch] = useState(false);
  const commit = useApiMutation('scoring:paperCommit', {
    onSuccess: (v) => toastDone(t('scoring:paper.committed', { total: v.sheet.totalPoints })),
  });
  const d = paper.diff;
  const single = paper.entries.length === 1;
  if (paper.entries.length === 0) return null;
  const levelsOf = (code: string) => allCriteria(set).find((p) => p.criterion.code === code)!.criterion;
  const unresolved = d
    ? d.mismatches.filter((c) => !parseOk(levelsOf(c), chosen[c])).length + (d.writtenTotal.agree || writtenChoice !== '' ? 0 : 1)
    : 0;
  const submit = () =>
    commit.mutate({
      ...paperKey(paper),
      resolvedBy: settings.data?.operatorName ?? '',
      allowSingleEntry: single,
      acceptTotalMismatch: acceptMismatch,
      resolutions: {
        criteria: d ? d.mismatches.map((c) => ({ criterionCode: c, levelIndex: Number(chosen[c]) - 1 })) : [],
        declarations: [],
        ...(d && !d.writtenTotal.agree && writtenChoice !== '' ? { writtenTotal: Number(writtenChoice) } : {}),
      },
    });
  return (
    <Stack gap="sm" mt="md" data-testid="paper-resolve">
      <Title order={3} size="h4">
        {t('scoring:paper.compare')}
      </Title>
      {d === null ? null : d.identical ? (
        <Alert color="green">{t('scoring:paper.identical')}</Alert>
      ) : (
        <>
          {d.mismatches.length > 0 && (
            <Alert color="yellow">{t('scoring:paper.mismatches', { count: d.mismatches.length })}</Alert>
          )}
          {d.mismatches.length > 0 && (
            <Table withTableBorder fz="md" verticalSpacing={4} data-testid="paper-mismatches">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('scoring:paper.code')}</Table.Th>
                  <Table.Th>{t('scoring:paper.criterion')}</Table.Th>
                  <Table.Th>{t('scoring:paper.first')}</Table.Th>
                  <Table.Th>{t('scoring:paper.second')}</Table.Th>
                  <Table.Th>{t('scoring:paper.resolved')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.criteria
                  .filter((c) => !c.agree)
                  .map((c) => (
                    <Table.Tr key={c.code}>
                      <Table.Td fw={700}>{c.code}</Table.Td>
                      <Table.Td>{levelsOf(c.code).title}</Table.Td>
                      <Table.Td>
                        <LevelCell criterion={levelsOf(c.code)} index={c.first} />
                      </Table.Td>
                      <Table.Td>
                        <LevelCell criterion={levelsOf(c.code)} index={c.second} />
                      </Table.Td>
                      <Table.Td>
                        <TextInput
                          aria-label={t('scoring:paper.levelInput', { code: c.code })}
                          value={chosen[c.code] ?? ''}
                          onChange={(ev) => {
                            const v = ev.currentTarget.value.trim();
                            setChosen((x) => ({ ...x, [c.code]: v }));
                          }}
                          inputMode="numeric"
                          w={80}
                          size="md"
                          error={
                            chosen[c.code] && !parseOk(levelsOf(c.code), chosen[c.code])
                              ? t('scoring:paper.outOfRange', { count: levelsOf(c.code).levels.length })
                              : undefined
                          }
                        />
                      </Table.Td>
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          )}
          {!d.writtenTotal.agree && (
            <Group align="flex-end">
              <Text>
                {t('scoring:paper.writtenTotalDiffers', {
                  first: d.writtenTotal.first ?? '—',
                  second: d.writtenTotal.second ?? '—',
                })}
              </Text>
              <NumberInput
                label={t('scoring:paper.writtenTotal')}
                value={writtenChoice}
                onChange={setWrittenChoice}
                min={0}
                max={100}
                w={160}
              />
            </Group>
          )}
        </>
      )}
      {paper.entries.some((e) => e.totalAgrees === false) && (
        <Checkbox
          label={t('scoring:paper.acceptMismatch')}
          checked={acceptMismatch}
          onChange={(e) => setAcceptMismatch(e.currentTarget.checked)}
        />
      )}
      {unresolved > 0 && <Text c="orange.9">{t('scoring:paper.unresolved', { count: unresolved })}</Text>}
      {commit.isError && <ErrorAlert error={commit.error} />}
      <Group>
        <Button
          size="md"
          color="green"
          leftSection={<IconCheck size={18} />}
          onClick={submit}
          loading={commit.isPending}
          disabled={unresolved > 0}
          data-testid="paper-commit"
        >
          {single ? t('scoring:paper.commitSingle') : t('scoring:paper.commit')}
        </Button>
      </Group>
    </Stack>
  );
}

function parseOk(c: CriteriaSet['parts'][number]['groups'][number]['criteria'][number], v: string | undefined): boolean {
  if (!v) return false;
  const r = parseTypedLevel(c, v);
  return r.ok && r.levelIndex !== null;
}

/** A level as typed (its number) with its text, so the person checking can read it against the paper. */
function LevelCell({
  criterion,
  index,
}: {
  criterion: CriteriaSet['parts'][number]['groups'][number]['criteria'][number];
  index: number | null;
}) {
  if (index === null) return <Text>—</Text>;
  return (
    <Stack gap={0}>
      <Text fw={700}>{index + 1}</Text>
      <Text size="sm" c="dimmed" lineClamp={2}>
        {criterion.levels[index]?.text}
      </Text>
    </Stack>
  );
}
