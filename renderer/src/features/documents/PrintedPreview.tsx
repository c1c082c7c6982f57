import { Group, Paper, Stack, Text } from '@mantine/core';
import { LazyPdfViewer } from '../../components/PdfViewerLazy';
import { useT } from '../../i18n/useT';
import type { PrintedPdf } from './pdf-blob';
import { SaveButton } from './SaveButton';

/** The document just printed: its name and pages, save, and the pdf.js preview. */
export function PrintedPreview({ printed }: { printed: PrintedPdf }) {
  const { t } = useT();
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={600}>{t('documents:screen.preview', { name: printed.fileName, pages: printed.pages })}</Text>
          <Group gap="sm">
            <SaveButton printed={printed} />
          </Group>
        </Group>
        <LazyPdfViewer bytes={printed.bytes} height={640} />
      </Stack>
    </Paper>
  );
}
