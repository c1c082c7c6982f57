import { Select, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import type { CouncilLevel } from '../../../../shared/api/channels/councils';
import { DateField } from '../../components/DateField';
import { useT } from '../../i18n/useT';
import { COUNCIL_LEVELS } from './labels';

export interface CouncilFieldValues {
  name: string;
  level: CouncilLevel;
  parentCouncilId: number | null;
  issuerParent: string;
  issuerNameLines: string;
  docSymbol: string;
  placeName: string;
  decisionNo: string;
  decisionDate: string;
  decisionSigner: string;
  decisionSignerTitle: string;
  note: string;
}

export const emptyCouncilFields = (): CouncilFieldValues => ({
  name: '',
  level: 'provincial',
  parentCouncilId: null,
  issuerParent: '',
  issuerNameLines: 'HỘI ĐỒNG ĐÁNH GIÁ,\nPHÂN HẠNG SẢN PHẨM OCOP',
  docSymbol: 'HĐ',
  placeName: '',
  decisionNo: '',
  decisionDate: '',
  decisionSigner: '',
  decisionSignerTitle: '',
  note: '',
});

/** What the core expects from the form values (lines split, empty date = none). */
export const councilFieldsInput = (v: CouncilFieldValues) => ({
  name: v.name,
  issuerParent: v.issuerParent,
  issuerNameLines: v.issuerNameLines
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean),
  docSymbol: v.docSymbol,
  placeName: v.placeName,
  decisionNo: v.decisionNo,
  decisionDate: v.decisionDate || null,
  decisionSigner: v.decisionSigner,
  decisionSignerTitle: v.decisionSignerTitle,
  note: v.note,
});

/**
 * The council's identity: name and level, the establishing decision and the lines printed in
 * document headers. `parents` lists councils an advisory group can assist; `fixedLevel` hides
 * the level choice when editing.
 */
export function CouncilFields({
  value,
  onChange,
  parents,
  fixedLevel,
}: {
  value: CouncilFieldValues;
  onChange: (v: CouncilFieldValues) => void;
  parents: { id: number; name: string }[];
  fixedLevel?: boolean;
}) {
  const { t } = useT();
  const set = <K extends keyof CouncilFieldValues>(k: K, v: CouncilFieldValues[K]) => onChange({ ...value, [k]: v });
  return (
    <Stack gap="md">
      <TextInput
        label={t('councils:form.name')}
        placeholder={t('councils:form.namePlaceholder')}
        required
        value={value.name}
        onChange={(e) => set('name', e.currentTarget.value)}
      />
      {!fixedLevel && (
        <SimpleGrid cols={2}>
          <Select
            label={t('councils:form.level')}
            allowDeselect={false}
            value={value.level}
            data={COUNCIL_LEVELS.map((l) => ({ value: l, label: t(`councils:levels.${l}`) }))}
            onChange={(v) =>
              v &&
              onChange({
                ...value,
                level: v as CouncilLevel,
                parentCouncilId: v === 'advisory_group' ? value.parentCouncilId : null,
              })
            }
          />
          {value.level === 'advisory_group' && (
            <Select
              label={t('councils:form.parent')}
              required
              value={value.parentCouncilId === null ? null : String(value.parentCouncilId)}
              data={parents.map((p) => ({ value: String(p.id), label: p.name }))}
              onChange={(v) => set('parentCouncilId', v ? Number(v) : null)}
            />
          )}
        </SimpleGrid>
      )}
      <Title order={3} size="h4">
        {t('councils:form.sectionDecision')}
      </Title>
      <SimpleGrid cols={2}>
        <TextInput
          label={t('councils:form.decisionNo')}
          placeholder={t('councils:form.decisionNoPlaceholder')}
          value={value.decisionNo}
          onChange={(e) => set('decisionNo', e.currentTarget.value)}
        />
        <DateField
          label={t('councils:form.decisionDate')}
          value={value.decisionDate}
          onChange={(iso) => set('decisionDate', iso)}
        />
        <TextInput
          label={t('councils:form.decisionSigner')}
          value={value.decisionSigner}
          onChange={(e) => set('decisionSigner', e.currentTarget.value)}
        />
        <TextInput
          label={t('councils:form.decisionSignerTitle')}
          value={value.decisionSignerTitle}
          onChange={(e) => set('decisionSignerTitle', e.currentTarget.value)}
        />
      </SimpleGrid>
      <Title order={3} size="h4">
        {t('councils:form.sectionHeader')}
      </Title>
      <SimpleGrid cols={2}>
        <TextInput
          label={t('councils:form.issuerParent')}
          placeholder={t('councils:form.issuerParentPlaceholder')}
          value={value.issuerParent}
          onChange={(e) => set('issuerParent', e.currentTarget.value)}
        />
        <Textarea
          label={t('councils:form.issuerNameLines')}
          description={t('councils:form.issuerNameLinesHelp')}
          autosize
          minRows={2}
          value={value.issuerNameLines}
          onChange={(e) => set('issuerNameLines', e.currentTarget.value)}
        />
        <TextInput
          label={t('councils:form.docSymbol')}
          description={t('councils:form.docSymbolHelp')}
          value={value.docSymbol}
          onChange={(e) => set('docSymbol', e.currentTarget.value)}
        />
        <TextInput
          label={t('councils:form.placeName')}
          placeholder={t('councils:form.placeNamePlaceholder')}
          value={value.placeName}
          onChange={(e) => set('placeName', e.currentTarget.value)}
        />
      </SimpleGrid>
    </Stack>
  );
}
