import { Anchor, Badge, Divider, List, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { IconFile } from '@tabler/icons-react';
import { useState } from 'react';
import type { SheetContext } from '../../../../shared/api/channels/scoring';
import { findCriterion } from '../../../../shared/ocop/criteria-set-walk';
import { useT } from '../../i18n/useT';
import { EvidenceViewer } from '../../components/EvidenceViewer';

type Attachment = SheetContext['attachments'][number];

/**
 * Beside the criteria: the dossier summary, and for the active criterion what the producer
 * claimed (self-assessment), the evidence files filed under it and the commune's report.
 */
export function ContextPanel({ context, code }: { context: SheetContext; code: string | null }) {
  const { t } = useT();
  const [viewing, setViewing] = useState<Attachment | null>(null);
  const d = context.dossier;
  const placed = code ? findCriterion(context.criteriaSet, code) : undefined;
  const self = context.selfAssessment.find((a) => a.criterionCode === code);
  const files = context.attachments.filter((a) => a.criterionCode === code);
  const r = context.communeReport;
  return (
    <ScrollArea h="100%" type="auto">
      <Stack gap="sm" p="md" aria-label={t('scoring:sheet.dossier')}>
        <Title order={2} size="h5">
          {t('scoring:context.dossier')}
        </Title>
        <Stack gap={2}>
          <Text fw={700}>{d.productName}</Text>
          <Text size="sm">
            {t('scoring:context.code')}: {d.productCode}
          </Text>
          <Text size="sm">
            {t('scoring:context.producer')}: {d.producerName}
          </Text>
          <Text size="sm" c="dimmed">
            {[d.address, d.communeName, d.provinceName].filter(Boolean).join(', ')}
          </Text>
          <Text size="sm" c="dimmed">
            {t('scoring:context.registration')}: {d.registrationNo}
          </Text>
          {d.currentStars !== null && <Text size="sm">{t('scoring:context.currentStars', { stars: d.currentStars })}</Text>}
        </Stack>

        {placed && (
          <>
            <Divider />
            <Title order={3} size="h5" data-testid="context-criterion">
              {t('scoring:context.focus', { code: placed.criterion.code })} — {placed.criterion.title}
            </Title>
            <Text fw={600} size="sm">
              {t('scoring:context.selfAssessment')}
            </Text>
            {self ? (
              <Stack gap={2}>
                <Badge variant="light" color="grape" size="lg" tt="none" w="fit-content">
                  {t('scoring:context.selfLevel', { n: self.levelIndex + 1, points: self.points })}
                </Badge>
                <Text size="sm">{placed.criterion.levels[self.levelIndex]?.text}</Text>
                {self.evidenceNote && (
                  <Text size="sm" c="dimmed">
                    {t('scoring:context.evidenceNote', { note: self.evidenceNote })}
                  </Text>
                )}
              </Stack>
            ) : (
              <Text size="sm" c="dimmed">
                {t('scoring:context.selfNone')}
              </Text>
            )}
            <Text fw={600} size="sm">
              {t('scoring:context.evidence')}
            </Text>
            {files.length > 0 ? (
              <List size="sm" spacing={4} icon={<IconFile size={16} />}>
                {files.map((f) => (
                  <List.Item key={f.id}>
                    <Anchor component="button" type="button" onClick={() => setViewing(f)}>
                      {f.originalName}
                    </Anchor>
                    {f.note && (
                      <Text span size="sm" c="dimmed">
                        {' '}
                        — {f.note}
                      </Text>
                    )}
                  </List.Item>
                ))}
              </List>
            ) : (
              <Text size="sm" c="dimmed">
                {t('scoring:context.evidenceNone')}
              </Text>
            )}
          </>
        )}

        <Divider />
        <Title order={3} size="h5">
          {t('scoring:context.communeReport')}
        </Title>
        {r ? (
          <Stack gap={4}>
            {(['localMaterials', 'localLabour', 'ideaOrigin', 'localIdentity'] as const).map((k) =>
              r[k] ? (
                <Text key={k} size="sm">
                  <b>{t(`scoring:context.${k}`)}:</b> {r[k]}
                </Text>
              ) : null,
            )}
            {r.recommendation && (
              <Text size="sm">
                <b>{t('scoring:context.recommendation')}:</b>{' '}
                {t(`scoring:context.recommendations.${r.recommendation as 'propose' | 'not_propose'}`)}
              </Text>
            )}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t('scoring:context.communeNone')}
          </Text>
        )}
        {context.attachments.length > 0 && (
          <>
            <Divider />
            <Text fw={600} size="sm">
              {t('scoring:context.allEvidence', { count: context.attachments.length })}
            </Text>
            <List size="sm" spacing={4} icon={<IconFile size={16} />}>
              {context.attachments.map((f) => (
                <List.Item key={f.id}>
                  <Anchor component="button" type="button" onClick={() => setViewing(f)}>
                    {f.criterionCode ? `${f.criterionCode} · ` : ''}
                    {f.originalName}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          </>
        )}
      </Stack>
      {viewing && (
        <EvidenceViewer
          file={viewing}
          title={viewing.originalName}
          noPreview={t('scoring:context.noPreview')}
          onClose={() => setViewing(null)}
        />
      )}
    </ScrollArea>
  );
}
