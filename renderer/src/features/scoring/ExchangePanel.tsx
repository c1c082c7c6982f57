import { Alert, Button, FileInput, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { toastDone } from '../../components/toast';
import { IconDownload, IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import type { ImportPreview } from '../../../../shared/api/channels/scoring';
import type { SessionDetail } from '../../../../shared/api/channels/sessions';
import { call } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';
import { downloadJson } from '../../components/file-io';
import { ImportPreviewView } from './ImportPreviewView';

/**
 * Trao đổi phiếu (secretary): export the session's sheets and re-scoring rounds as the JSON
 * exchange file, and import one from another computer — preview first (scoring:importPreview,
 * nothing written), then all or nothing (scoring:import).
 */
export function ExchangePanel({ sessionId, detail }: { sessionId: number; detail: SessionDetail }) {
  const { t } = useT();
  const [exportError, setExportError] = useState<unknown>(null);
  const [exporting, setExporting] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [document, setDocument] = useState<unknown>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [readProblem, setReadProblem] = useState<string | null>(null);
  const [checkError, setCheckError] = useState<unknown>(null);
  const [checking, setChecking] = useState(false);
  const [applied, setApplied] = useState<string | null>(null);

  const exportFile = async () => {
    setExporting(true);
    setExportError(null);
    try {
      const doc = await call('scoring:export', { sessionId });
      const name = `phieu-cham-diem-phien-${detail.session.number}-${detail.session.date}.json`;
      downloadJson(name, doc);
      toastDone(t('scoringExchange:exported', { count: doc.sheets.length, rounds: doc.rounds.length, file: name }));
    } catch (e) {
      setExportError(e);
    } finally {
      setExporting(false);
    }
  };

  const choose = async (f: File | null) => {
    setFile(f);
    setPreview(null);
    setDocument(null);
    setReadProblem(null);
    setCheckError(null);
    setApplied(null);
    if (!f) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(await f.text());
    } catch (e) {
      setReadProblem(t('scoringExchange:notJson', { name: f.name, detail: e instanceof Error ? e.message : String(e) }));
      return;
    }
    setChecking(true);
    try {
      setPreview(await call('scoring:importPreview', { document: parsed }));
      setDocument(parsed);
    } catch (e) {
      setCheckError(e);
    } finally {
      setChecking(false);
    }
  };

  const apply = useApiMutation('scoring:import', {
    onSuccess: (r) => {
      // The preview said which sheets are written (new, or filling a draft); identical ones are skipped.
      const written = preview?.sheets.filter((s) => s.action === 'new' || s.action === 'update').length ?? r.sheets.length;
      const message = t('scoringExchange:applied', { sheets: written, rounds: r.rounds.filter((x) => x.created).length });
      setApplied(message);
      setPreview(null);
      setDocument(null);
      setFile(null);
      toastDone(message);
    },
  });

  const writes = preview
    ? preview.sheets.some((s) => s.action === 'new' || s.action === 'update') || preview.rounds.some((r) => r.action === 'new')
    : false;

  return (
    <Stack gap="lg">
      <Paper withBorder p="lg">
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t('scoringExchange:exportTitle')}
          </Title>
          <Text size="md">{t('scoringExchange:exportIntro')}</Text>
          <Button
            w="fit-content"
            size="md"
            leftSection={<IconDownload size={18} />}
            loading={exporting}
            onClick={() => void exportFile()}
          >
            {t('scoringExchange:exportButton')}
          </Button>
          {exportError ? <ErrorAlert error={exportError} /> : null}
        </Stack>
      </Paper>

      <Paper withBorder p="lg">
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t('scoringExchange:importTitle')}
          </Title>
          <Text size="md">{t('scoringExchange:importIntro')}</Text>
          <FileInput
            label={t('scoringExchange:file')}
            placeholder={t('scoringExchange:filePlaceholder')}
            accept=".json,application/json"
            value={file}
            onChange={(f) => void choose(f)}
            clearable
            size="md"
            w={460}
            data-testid="exchange-file"
          />
          {checking && <Text c="dimmed">{t('scoringExchange:checking')}</Text>}
          {readProblem && (
            <Alert color="red" role="alert">
              {readProblem}
            </Alert>
          )}
          {checkError ? <ErrorAlert error={checkError} /> : null}
          {applied && (
            <Alert color="green" role="status">
              {applied}
            </Alert>
          )}
        </Stack>
      </Paper>

      {preview && (
        <Paper withBorder p="lg" data-testid="exchange-preview">
          <Stack gap="md">
            <ImportPreviewView preview={preview} />
            {preview.canApply ? (
              <Alert color={writes ? 'green' : 'gray'} role="status">
                {writes ? t('scoringExchange:canApply') : t('scoringExchange:nothingToApply')}
              </Alert>
            ) : (
              <Alert color="red" role="alert">
                {t('scoringExchange:cannotApply', { count: preview.errors.length })}
              </Alert>
            )}
            {apply.error && <ErrorAlert error={apply.error} />}
            <Group>
              <Button
                size="md"
                leftSection={<IconFileImport size={18} />}
                disabled={!preview.canApply || !writes}
                loading={apply.isPending}
                onClick={() => apply.mutate({ document, dryRun: false })}
              >
                {t('scoringExchange:apply')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
