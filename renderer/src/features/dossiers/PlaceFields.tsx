import { Grid, TextInput } from '@mantine/core';
import type { UseFormReturn } from 'react-hook-form';
import { CommuneSearch, ProvinceSelect, provinceByCode } from '../../components/CommuneSearch';
import { useT } from '../../i18n/useT';

interface PlaceValues {
  communeCode: string;
  communeName: string;
  provinceCode: string;
  provinceName: string;
}

/**
 * The producer's commune and province (Mẫu 01): the province is chosen from the 34 built in
 * (a producer saved before the 2025 merger keeps its former province as a choice), the commune is
 * found by its name typed without accents in the imported list and fills its code and name; the
 * code fields stay editable, so the form works without a list (and says where to get one).
 */
export function PlaceFields<V extends PlaceValues>({
  form,
  err,
}: {
  form: UseFormReturn<V>;
  err: (f: keyof PlaceValues) => string | undefined;
}) {
  const { t } = useT();
  // One generic form of any shape with these four fields: reach them through a narrowed view.
  const f = form as unknown as UseFormReturn<PlaceValues>;
  const provinceCode = f.watch('provinceCode');
  const set = (k: keyof PlaceValues, v: string) =>
    f.setValue(k, v, { shouldDirty: true, shouldValidate: f.formState.isSubmitted });

  return (
    <>
      <Grid.Col span={12}>
        <ProvinceSelect
          label={t('dossiers:producer.province')}
          placeholder={t('dossiers:producer.provincePlaceholder')}
          required
          value={provinceCode}
          onChange={(code) => {
            set('provinceCode', code);
            set('provinceName', provinceByCode(code)?.name ?? '');
          }}
          error={err('provinceCode') ?? err('provinceName')}
          testId="producer-province"
        />
      </Grid.Col>
      <Grid.Col span={12}>
        <CommuneSearch
          provinceCode={provinceCode}
          onPick={(c) => {
            set('communeCode', c.code);
            set('communeName', c.name);
            if (!provinceCode) {
              set('provinceCode', c.provinceCode);
              set('provinceName', provinceByCode(c.provinceCode)?.name ?? c.provinceName);
            }
          }}
        />
      </Grid.Col>
      <Grid.Col span={4}>
        <TextInput
          label={t('dossiers:producer.communeCode')}
          required
          {...f.register('communeCode')}
          error={err('communeCode')}
          inputMode="numeric"
        />
      </Grid.Col>
      <Grid.Col span={8}>
        <TextInput
          label={t('dossiers:producer.communeName')}
          required
          {...f.register('communeName')}
          error={err('communeName')}
        />
      </Grid.Col>
    </>
  );
}
