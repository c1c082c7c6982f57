import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { IconKeyboard } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { SessionDetail } from '../../../../shared/api/channels/sessions';
import { useT } from '../../i18n/useT';

const SCORING_ROLES = new Set(['chair', 'vice_chair', 'member', 'member_secretary']);

/** Choose whose paper sheet, for which product, to type in. */
export function PaperPickPanel({ sessionId, detail }: { sessionId: number; detail: SessionDetail }) {
  const { t } = useT();
  const navigate = useNavigate();
  const [member, setMember] = useState<string | null>(null);
  const [product, setProduct] = useState<string | null>(null);
  const members = detail.members.filter((m) => SCORING_ROLES.has(m.role) && m.present !== false);
  const products = detail.agenda.filter((a) => member === null || !a.recusedMemberIds.includes(Number(member)));
  return (
    <Stack maw={640}>
      <Text size="lg">{t('scoring:paper.intro')}</Text>
      <Select
        label={t('scoring:paper.member')}
        data={members.map((m) => ({ value: String(m.memberId), label: m.fullName }))}
        value={member}
        onChange={setMember}
        searchable
        size="md"
      />
      <Select
        label={t('scoring:paper.product')}
        data={products.map((a) => ({ value: String(a.registrationId), label: `${a.position}. ${a.productName}` }))}
        value={product}
        onChange={setProduct}
        searchable
        size="md"
      />
      <Group>
        <Button
          size="md"
          leftSection={<IconKeyboard size={18} />}
          disabled={!member || !product}
          onClick={() => navigate(`/sessions/${sessionId}/scoring/paper/${member}/${product}`)}
        >
          {t('scoring:paper.open')}
        </Button>
      </Group>
      {(!member || !product) && <Text c="dimmed">{t('scoring:paper.pickFirst')}</Text>}
    </Stack>
  );
}
