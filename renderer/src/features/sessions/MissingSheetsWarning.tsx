import { Alert, Button, Checkbox, Group, List, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import type { SessionDetail } from '../../../../shared/api/channels/sessions';
import { useApiQuery } from '../../api/hooks';
import { useT } from '../../i18n/useT';
import { RescoringModal } from '../scoring/RescoringModal';

export interface MissingSheets {
  registrationId: number;
  productName: string;
  memberNames: string[];
}

export interface OverLimit {
  registrationId: number;
  productName: string;
  spread: number;
  limit: number;
}

/**
 * What ending the session would leave unresolved (results:session): products whose expected
 * members have not all submitted, and products whose members' totals differ by more than the
 * council's spread limit. Closing ends the scoring — such products have no result and block
 * finalizing until the session is reopened with a reason — so the close dialog lists them, offers
 * the re-scoring round for a spread, and asks for a conscious confirmation instead of refusing:
 * closing is still the right step when the council adjourns.
 */
export function useCloseChecks(
  sessionId: number,
  enabled: boolean,
): { loading: boolean; missing: MissingSheets[]; overLimit: OverLimit[] } {
  // Always fresh: sheets are submitted on other screens (and machines) while this page is open.
  const q = useApiQuery('results:session', { sessionId, marginPoints: 1 }, { enabled, staleTime: 0, refetchOnMount: 'always' });
  if (!enabled || !q.data || q.isFetching)
    return { loading: enabled && (q.isPending || q.isFetching), missing: [], overLimit: [] };
  const names = new Map(q.data.members.map((m) => [m.memberId, m.fullName]));
  const missing = q.data.products
    .filter((p) => p.missingSheetMemberIds.length > 0)
    .map((p) => ({
      registrationId: p.registrationId,
      productName: p.productName,
      memberNames: p.missingSheetMemberIds.map((id) => names.get(id) ?? `#${id}`),
    }));
  const overLimit = q.data.products
    .filter((p) => p.missingSheetMemberIds.length === 0 && p.spread !== null && !p.spread.withinLimit)
    .map((p) => ({
      registrationId: p.registrationId,
      productName: p.productName,
      spread: p.spread!.points,
      limit: p.spread!.limitPoints,
    }));
  return { loading: false, missing, overLimit };
}

export function CloseChecksWarning({
  detail,
  missing,
  overLimit,
  acknowledged,
  onAcknowledge,
}: {
  detail: SessionDetail;
  missing: MissingSheets[];
  overLimit: OverLimit[];
  acknowledged: boolean;
  onAcknowledge: (v: boolean) => void;
}) {
  const { t } = useT();
  const [rescoring, setRescoring] = useState<OverLimit | null>(null);
  if (missing.length === 0 && overLimit.length === 0) return null;
  // The light alert prints its title in the pale accent colour; dark text keeps the contrast.
  const titleStyle = { title: { color: 'var(--mantine-color-dark-7)' } };
  return (
    <Stack gap="sm">
      {overLimit.length > 0 && (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle />}
          title={t('sessions:actions.overLimitTitle', { count: overLimit.length })}
          styles={titleStyle}
          data-testid="close-over-limit"
        >
          <Stack gap="xs">
            {overLimit.map((p) => (
              <Group key={p.registrationId} justify="space-between" wrap="nowrap" gap="sm">
                <Text size="sm">
                  {t('sessions:actions.overLimitItem', { product: p.productName, spread: p.spread, limit: p.limit })}
                </Text>
                {detail.session.status === 'in_progress' && (
                  <Button
                    size="compact-md"
                    leftSection={<IconRefresh size={16} />}
                    onClick={() => setRescoring(p)}
                    style={{ flexShrink: 0 }}
                  >
                    {t('scoring:spread.openRescoring')}
                  </Button>
                )}
              </Group>
            ))}
            <Text size="sm">{t('sessions:actions.overLimitExplain')}</Text>
          </Stack>
        </Alert>
      )}
      {missing.length > 0 && (
        <Alert
          color="yellow"
          variant="light"
          icon={<IconAlertTriangle />}
          title={t('sessions:actions.missingTitle', { count: missing.length })}
          styles={titleStyle}
          data-testid="close-missing-sheets"
        >
          <Stack gap="xs">
            <List size="sm">
              {missing.map((m) => (
                <List.Item key={m.registrationId}>
                  {t('sessions:actions.missingItem', { product: m.productName, members: m.memberNames.join(', ') })}
                </List.Item>
              ))}
            </List>
            <Text size="sm">{t('sessions:actions.missingExplain')}</Text>
          </Stack>
        </Alert>
      )}
      <Checkbox
        label={t('sessions:actions.missingConfirm')}
        checked={acknowledged}
        onChange={(e) => onAcknowledge(e.currentTarget.checked)}
      />
      {rescoring && (
        <RescoringModal
          sessionId={detail.session.id}
          product={{ ...rescoring, withinLimit: false }}
          detail={detail}
          onClose={() => setRescoring(null)}
        />
      )}
    </Stack>
  );
}
