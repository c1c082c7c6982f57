import { Alert, Checkbox, List, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useApiQuery } from '../../api/hooks';
import { useT } from '../../i18n/useT';

export interface MissingSheets {
  registrationId: number;
  productName: string;
  memberNames: string[];
}

/**
 * Products whose expected members have not all submitted a sheet (results:session). Closing a
 * session ends the scoring — such products stay "chờ phiếu" and block finalizing until the
 * session is reopened with a reason — so the close dialog lists them and asks for a conscious
 * confirmation instead of refusing: closing is still the right step when the council adjourns.
 */
export function useMissingSheets(sessionId: number, enabled: boolean): { loading: boolean; missing: MissingSheets[] } {
  // Always fresh: sheets are submitted on other screens (and machines) while this page is open.
  const q = useApiQuery('results:session', { sessionId, marginPoints: 1 }, { enabled, staleTime: 0, refetchOnMount: 'always' });
  if (!enabled || !q.data || q.isFetching) return { loading: enabled && (q.isPending || q.isFetching), missing: [] };
  const names = new Map(q.data.members.map((m) => [m.memberId, m.fullName]));
  const missing = q.data.products
    .filter((p) => p.missingSheetMemberIds.length > 0)
    .map((p) => ({
      registrationId: p.registrationId,
      productName: p.productName,
      memberNames: p.missingSheetMemberIds.map((id) => names.get(id) ?? `#${id}`),
    }));
  return { loading: false, missing };
}

export function MissingSheetsWarning({
  missing,
  acknowledged,
  onAcknowledge,
}: {
  missing: MissingSheets[];
  acknowledged: boolean;
  onAcknowledge: (v: boolean) => void;
}) {
  const { t } = useT();
  if (missing.length === 0) return null;
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconAlertTriangle />}
      title={t('sessions:actions.missingTitle', { count: missing.length })}
      // The light alert prints its title in the pale accent colour; dark text keeps the contrast.
      styles={{ title: { color: 'var(--mantine-color-dark-7)' } }}
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
        <Checkbox
          label={t('sessions:actions.missingConfirm')}
          checked={acknowledged}
          onChange={(e) => onAcknowledge(e.currentTarget.checked)}
        />
      </Stack>
    </Alert>
  );
}
