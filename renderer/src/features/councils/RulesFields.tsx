import { Checkbox, Group, NumberInput, Select, Stack, Text } from '@mantine/core';
import type { CouncilRulesInput } from '../../../../shared/api/channels/councils';
import { useT } from '../../i18n/useT';

/** Editable rules; every setting has a visible label and the effect is explained beside the form. */
export function RulesFields({ value, onChange }: { value: CouncilRulesInput; onChange: (v: CouncilRulesInput) => void }) {
  const { t } = useT();
  const set = <K extends keyof CouncilRulesInput>(k: K, v: CouncilRulesInput[K]) => onChange({ ...value, [k]: v });
  const int = (v: string | number, fallback: number) => (typeof v === 'number' && Number.isInteger(v) ? v : fallback);
  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="xs">
        <NumberInput
          label={t('councils:rules.quorumNumerator')}
          min={1}
          max={100}
          w={230}
          value={value.quorumNumerator}
          onChange={(v) => set('quorumNumerator', int(v, value.quorumNumerator))}
        />
        <Text pb={8}>/</Text>
        <NumberInput
          label={t('councils:rules.quorumDenominator')}
          min={1}
          max={100}
          w={120}
          value={value.quorumDenominator}
          onChange={(v) => set('quorumDenominator', int(v, value.quorumDenominator))}
        />
      </Group>
      <Checkbox
        label={t('councils:rules.chairRequired')}
        checked={value.chairRequired}
        onChange={(e) => set('chairRequired', e.currentTarget.checked)}
      />
      <NumberInput
        label={t('councils:rules.spreadLimit')}
        min={0}
        max={100}
        w={380}
        value={value.spreadLimit}
        onChange={(v) => set('spreadLimit', int(v, value.spreadLimit))}
      />
      <Checkbox
        label={t('councils:rules.spreadLimitAllowed')}
        checked={value.spreadLimitAllowed}
        onChange={(e) => set('spreadLimitAllowed', e.currentTarget.checked)}
      />
      <Checkbox
        label={t('councils:rules.showInfoAggregates')}
        checked={value.showInfoAggregates}
        onChange={(e) => set('showInfoAggregates', e.currentTarget.checked)}
      />
      <Select
        label={t('councils:rules.minimaRule')}
        w={380}
        allowDeselect={false}
        value={value.minimaRule}
        data={(['mean', 'every_member'] as const).map((m) => ({ value: m, label: t(`councils:rules.minimaRules.${m}`) }))}
        onChange={(v) => v && set('minimaRule', v as CouncilRulesInput['minimaRule'])}
      />
      <NumberInput
        label={t('councils:rules.displayDecimals')}
        min={0}
        max={3}
        w={380}
        value={value.displayDecimals}
        onChange={(v) => set('displayDecimals', int(v, value.displayDecimals))}
      />
      <Checkbox
        label={t('councils:rules.membersSeeOthersBeforeSubmit')}
        checked={value.membersSeeOthersBeforeSubmit}
        onChange={(e) => set('membersSeeOthersBeforeSubmit', e.currentTarget.checked)}
      />
    </Stack>
  );
}
