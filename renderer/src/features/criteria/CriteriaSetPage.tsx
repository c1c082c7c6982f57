import { Alert, Anchor, Badge, Button, Center, Code, Group, Loader, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { toastDone, toastError } from '../../components/toast';
import { IconAlertTriangle, IconArrowLeft, IconDownload, IconLock } from '@tabler/icons-react';
import { useDeferredValue } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { CriteriaSetVersion } from '../../../../shared/ocop/criteria-set';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { useT } from '../../i18n/useT';
import { CriteriaForm } from './CriteriaForm';
import { downloadFile } from '../../components/file-io';
import { RuleLine } from './RuleLine';
import { QueryFallback } from '../../components/QueryFallback';
import { CriteriaLanguageNote } from '../../components/CriteriaLanguageNote';
import { useLegalNames } from '../../i18n/legal-names';

/** One version of a set as the official form; `?c=1.5` scrolls to and highlights a criterion. */
export function CriteriaSetPage() {
  const id = Number(useParams().id);
  const [params] = useSearchParams();
  const focus = params.get('c');
  const q = useApiQuery('criteria:get', { id }, { enabled: Number.isInteger(id) && id > 0 });

  if (q.isPending || q.isError) return <QueryFallback query={q} />;
  return <SetView v={q.data} focus={focus} />;
}

function SetView({ v, focus }: { v: CriteriaSetVersion; focus: string | null }) {
  const { t } = useT();
  const legal = useLegalNames();
  const s = v.content;
  const navigate = useNavigate();
  const versions = useApiQuery('criteria:list', { allVersions: true });
  const siblings = (versions.data ?? []).filter((x) => x.setKey === v.setKey);
  const setAnomalies = s.anomalies.filter((a) => a.target.kind !== 'criterion');
  // The set-level disqualifier rules restate the "Hồ sơ bị loại khi" paragraph printed above them:
  // show only those that come from elsewhere (a rule written by hand in an imported file).
  // The form is ~150 table rows: let the header paint first and render the form just after.
  const formSet = useDeferredValue<typeof s | null>(s, null);
  const setRules = s.rules.filter((r) => r.criterionCode === null && !s.disqualifiers.includes(r.sourceText));

  const exportAs = async (format: 'json' | 'xlsx') => {
    try {
      const file = await call('criteria:export', { id: v.id, format });
      downloadFile(file);
      toastDone(t('criteria:exported', { fileName: file.fileName }));
    } catch (e) {
      toastError(t('common:errorTitle'), e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Stack maw={1180} gap="md">
      <Anchor component={Link} to="/criteria" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={16} />
          {t('criteria:actions.back')}
        </Group>
      </Anchor>

      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4}>
          <Text c="dimmed" fw={600}>
            {s.setNo !== null ? `${t('criteria:setNo', { no: s.setNo })} · ` : ''}
            {t('criteria:form.decision', { decision: s.decision })}
          </Text>
          <Title order={2}>{legal.set(s.name)}</Title>
          {s.classificationLine && (
            <Text c="dimmed" lang="vi">
              {s.classificationLine}
            </Text>
          )}
        </Stack>
        <Group gap="xs" wrap="nowrap">
          <Button variant="default" leftSection={<IconDownload size={18} />} onClick={() => void exportAs('json')}>
            {t('criteria:actions.exportJson')}
          </Button>
          <Button variant="default" leftSection={<IconDownload size={18} />} onClick={() => void exportAs('xlsx')}>
            {t('criteria:actions.exportXlsx')}
          </Button>
        </Group>
      </Group>

      <CriteriaLanguageNote decision={s.decision} />

      <Paper withBorder p="sm">
        <Stack gap={6}>
          {s.classification && (
            <Text>
              <Text span fw={600}>
                {t('criteria:form.classification')}:{' '}
              </Text>
              <span lang="vi">
                {[s.classification.nganh, s.classification.nhom, s.classification.phanNhom].filter(Boolean).join(' › ')}
              </span>
              <Text span c="dimmed">
                {' '}
                — {t('criteria:form.ministries')}: {s.classification.ministries.map((m) => legal.ministry(m)).join('; ')}
              </Text>
            </Text>
          )}
          <Group gap="sm">
            {siblings.length > 1 ? (
              <Select
                label={t('criteria:form.versions')}
                size="sm"
                w={230}
                value={String(v.id)}
                data={siblings.map((x) => ({
                  value: String(x.id),
                  label: `${t('criteria:version', { version: x.version })}${x.latest ? ` (${t('criteria:latest')})` : ''}`,
                }))}
                onChange={(val) => val && navigate(`/criteria/${val}`)}
                allowDeselect={false}
              />
            ) : (
              <Badge variant="light" size="lg" tt="none">
                {t('criteria:version', { version: v.version })}
              </Badge>
            )}
            <Badge variant="outline" color="gray" size="lg" tt="none">
              {v.builtIn ? t('criteria:builtIn') : t('criteria:imported')}
            </Badge>
            <Text size="sm" c="dimmed">
              {t('criteria:form.hash')}: <Code>{v.contentHash.slice(0, 16)}</Code>
            </Text>
            {v.locked && (
              <Badge
                color="teal"
                variant="light"
                size="lg"
                tt="none"
                leftSection={<IconLock size={14} />}
                title={t('criteria:form.locked')}
              >
                {t('criteria:used')}
              </Badge>
            )}
          </Group>
        </Stack>
      </Paper>

      {(s.disqualifiers.length > 0 || setRules.length > 0) && (
        <Paper
          withBorder
          p="sm"
          style={{ borderColor: 'var(--mantine-color-red-4)' }}
          aria-label={t('criteria:form.disqualifiers')}
        >
          <Stack gap={6}>
            {s.disqualifiers.map((d, i) => (
              <Text key={i} fw={600} lang="vi">
                {d}
              </Text>
            ))}
            {setRules.map((r) => (
              <RuleLine key={r.id} rule={r} />
            ))}
          </Stack>
        </Paper>
      )}

      {setAnomalies.length > 0 && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle />} title={t('criteria:review.setTitle')}>
          <Stack gap={4}>
            {setAnomalies.map((a, i) => (
              <Text key={i} size="sm" lang="vi">
                {a.text}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}

      {s.formHeaderFields.length > 0 && (
        <Paper withBorder p="sm" aria-label={t('criteria:form.headerFields')}>
          <Stack gap={2}>
            {s.formHeaderFields.map((f, i) => (
              <Text key={i} size="sm" lang="vi">
                {f}: …………………………
              </Text>
            ))}
          </Stack>
        </Paper>
      )}

      {formSet ? (
        <CriteriaForm set={formSet} focusCode={focus} />
      ) : (
        <Center h={160}>
          <Loader aria-label={t('common:loading')} />
        </Center>
      )}

      {s.starRule && (
        <Text size="sm" fs="italic" lang="vi">
          {s.starRule}
        </Text>
      )}
      <Text size="sm" c="dimmed">
        {t('criteria:form.starLegend')}
      </Text>
      {s.formFooterFields.length > 0 && (
        <Paper withBorder p="sm" aria-label={t('criteria:form.footerFields')}>
          <Stack gap={2}>
            {s.formFooterFields.map((f, i) => (
              <Text key={i} size="sm" lang="vi">
                {f}
              </Text>
            ))}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
