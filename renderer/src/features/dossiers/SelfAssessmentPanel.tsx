import { Badge, Button, Group, Paper, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { toastDone } from '../../components/toast';
import { useMemo, useState } from 'react';
import type { CriteriaSet } from '../../../../shared/ocop/criteria-set';
import { allCriteria } from '../../../../shared/ocop/criteria-set-walk';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';
import { CriteriaLanguageNote } from '../../components/CriteriaLanguageNote';

interface Draft {
  levelIndex: number | null;
  evidenceNote: string;
}

/** Mẫu 02 part III: the producer's own level on each criterion of the pinned set, in form order. */
export function SelfAssessmentPanel({ registrationId }: { registrationId: number }) {
  const { t } = useT();
  const q = useApiQuery('registrations:selfAssessment', { registrationId });
  if (q.isError) return <ErrorAlert error={q.error} />;
  if (!q.data) return <Text>{t('common:loading')}</Text>;
  // A new form (fresh draft from the saved answers) each time the answers are read again.
  return <SelfAssessmentForm key={q.dataUpdatedAt} registrationId={registrationId} data={q.data} />;
}

type Data = NonNullable<ReturnType<typeof useApiQuery<'registrations:selfAssessment'>>['data']>;

function SelfAssessmentForm({ registrationId, data }: { registrationId: number; data: Data }) {
  const { t } = useT();
  const [draft, setDraft] = useState<Record<string, Draft>>(() =>
    Object.fromEntries(data.answers.map((a) => [a.criterionCode, { levelIndex: a.levelIndex, evidenceNote: a.evidenceNote }])),
  );
  const save = useApiMutation('registrations:saveSelfAssessment', {
    onSuccess: () => toastDone(t('dossiers:self.saved')),
  });
  const criteria = useMemo(() => allCriteria(data.content as CriteriaSet), [data.content]);
  const frozen = data.frozen;
  const saved = new Map(data.answers.map((a) => [a.criterionCode, a]));
  const changed = criteria
    .map((c) => c.criterion.code)
    .filter((code) => {
      const d = draft[code];
      const s = saved.get(code);
      return d !== undefined && (d.levelIndex !== (s?.levelIndex ?? null) || d.evidenceNote !== (s?.evidenceNote ?? ''));
    });
  const points = criteria.reduce((sum, c) => {
    const i = draft[c.criterion.code]?.levelIndex;
    return sum + (i === null || i === undefined ? 0 : (c.criterion.levels[i]?.points ?? 0));
  }, 0);
  const answered = criteria.filter((c) => (draft[c.criterion.code]?.levelIndex ?? null) !== null).length;
  const submit = () =>
    save.mutate({
      registrationId,
      answers: changed.map((code) => ({
        criterionCode: code,
        levelIndex: draft[code]!.levelIndex,
        evidenceNote: draft[code]!.evidenceNote,
      })),
    });
  const saveBar = !frozen && (
    <Group>
      <Button onClick={submit} disabled={changed.length === 0} loading={save.isPending}>
        {t('dossiers:actions.save')}
      </Button>
      <Text fw={600}>{t('dossiers:self.progress', { answered, total: criteria.length, points })}</Text>
    </Group>
  );

  return (
    <Stack>
      <Text>{t('dossiers:self.intro')}</Text>
      <CriteriaLanguageNote decision={(data.content as CriteriaSet).decision} />
      {saveBar}
      {save.error && <ErrorAlert error={save.error} />}
      {criteria.map(({ part, criterion: c, index }) => {
        const d = draft[c.code] ?? { levelIndex: null, evidenceNote: '' };
        const first = index === 0 || criteria[index - 1]!.part.code !== part.code;
        return (
          <Stack key={c.code} gap="xs">
            {first && (
              <Title order={3} mt="md">
                {t('dossiers:self.part', { code: part.code })} — {part.title} ({part.max})
              </Title>
            )}
            <Paper withBorder p="md">
              <Radio.Group
                label={
                  <Group gap="xs">
                    <Text fw={700} lang="vi">
                      {c.code}. {c.title}
                    </Text>
                    <Badge variant="light">{t('dossiers:self.points', { points: c.max })}</Badge>
                  </Group>
                }
                value={d.levelIndex === null ? null : String(d.levelIndex)}
                onChange={(v) => setDraft({ ...draft, [c.code]: { ...d, levelIndex: Number(v) } })}
              >
                <Stack gap={6} mt="xs">
                  {c.levels.map((l, i) => (
                    <Radio
                      key={i}
                      value={String(i)}
                      disabled={frozen}
                      label={`${l.text} — ${t('dossiers:self.points', { points: l.points })}${l.minForStars ? ` (${'★'.repeat(l.minForStars)})` : ''}`}
                    />
                  ))}
                </Stack>
              </Radio.Group>
              <Group mt="xs" align="flex-end">
                <TextInput
                  label={t('dossiers:self.evidence')}
                  value={d.evidenceNote}
                  onChange={(e) => setDraft({ ...draft, [c.code]: { ...d, evidenceNote: e.currentTarget.value } })}
                  disabled={frozen}
                  style={{ flex: 1 }}
                />
                {!frozen && d.levelIndex !== null && (
                  <Button variant="subtle" onClick={() => setDraft({ ...draft, [c.code]: { ...d, levelIndex: null } })}>
                    {t('dossiers:self.clear')}
                  </Button>
                )}
              </Group>
            </Paper>
          </Stack>
        );
      })}
      {saveBar}
    </Stack>
  );
}
