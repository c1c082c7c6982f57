import { Button, Grid, Paper, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { toastDone } from '../../components/toast';
import { useState } from 'react';
import type { CommuneReport } from '../../../../shared/api/channels/dossiers-fields';
import { COMMUNE_RECOMMENDATIONS } from '../../../../shared/ocop/dossier-model';
import { useApiMutation } from '../../api/hooks';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';

const FIELDS = ['localMaterials', 'localLabour', 'ideaOrigin', 'localIdentity'] as const;

/** Mẫu 03: the commune's assessment of four contents of the dossier and its proposal (Đ7.2). */
export function CommuneReportPanel({
  registrationId,
  report,
  frozen,
}: {
  registrationId: number;
  report: CommuneReport | null;
  frozen: boolean;
}) {
  const { t } = useT();
  const [v, setV] = useState({
    reportNo: report?.reportNo ?? '',
    reportDate: report?.reportDate ?? '',
    localMaterials: report?.localMaterials ?? '',
    localLabour: report?.localLabour ?? '',
    ideaOrigin: report?.ideaOrigin ?? '',
    localIdentity: report?.localIdentity ?? '',
    recommendation: report?.recommendation ?? null,
    proposal: report?.proposal ?? '',
    signerName: report?.signerName ?? '',
    signerPosition: report?.signerPosition ?? '',
  });
  const save = useApiMutation('registrations:saveCommuneReport', {
    onSuccess: () => toastDone(t('dossiers:commune.saved')),
  });
  const set = (k: keyof typeof v) => (e: { currentTarget: { value: string } }) => setV({ ...v, [k]: e.currentTarget.value });
  return (
    <Paper withBorder p="lg">
      <Stack>
        <Grid>
          <Grid.Col span={4}>
            <TextInput label={t('dossiers:commune.reportNo')} value={v.reportNo} onChange={set('reportNo')} disabled={frozen} />
          </Grid.Col>
          <Grid.Col span={4}>
            <DateField
              label={t('dossiers:commune.reportDate')}
              value={v.reportDate}
              onChange={(iso) => setV({ ...v, reportDate: iso })}
              disabled={frozen}
            />
          </Grid.Col>
        </Grid>
        {FIELDS.map((f) => (
          <Textarea
            key={f}
            label={t(`dossiers:commune.${f}`)}
            autosize
            minRows={2}
            value={v[f]}
            onChange={set(f)}
            disabled={frozen}
          />
        ))}
        <Grid>
          <Grid.Col span={5}>
            <Select
              label={t('dossiers:commune.recommendation')}
              data={COMMUNE_RECOMMENDATIONS.map((c) => ({ value: c, label: t(`dossiers:commune.recommendations.${c}`) }))}
              value={v.recommendation}
              onChange={(x) => setV({ ...v, recommendation: x as typeof v.recommendation })}
              clearable
              disabled={frozen}
            />
          </Grid.Col>
          <Grid.Col span={7}>
            <Textarea
              label={t('dossiers:commune.proposal')}
              autosize
              value={v.proposal}
              onChange={set('proposal')}
              disabled={frozen}
            />
          </Grid.Col>
          <Grid.Col span={6}>
            <TextInput
              label={t('dossiers:commune.signerName')}
              value={v.signerName}
              onChange={set('signerName')}
              disabled={frozen}
            />
          </Grid.Col>
          <Grid.Col span={6}>
            <TextInput
              label={t('dossiers:commune.signerPosition')}
              value={v.signerPosition}
              onChange={set('signerPosition')}
              disabled={frozen}
            />
          </Grid.Col>
        </Grid>
        {save.error && <ErrorAlert error={save.error} />}
        {!frozen && (
          <Button w="fit-content" loading={save.isPending} onClick={() => save.mutate({ registrationId, ...v })}>
            {t('dossiers:actions.save')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
