import { Anchor, Autocomplete, type ComboboxItem, type ComboboxParsedItem, Grid, Select, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { Link } from 'react-router';
import type { CommuneHit } from '../../../../shared/api/channels/places';
import { PROVINCES_2008, PROVINCES_2025 } from '../../../../shared/ocop/admin-units';
import { foldForSearch } from '../../../../shared/text/normalize';
import { useApiQuery } from '../../api/hooks';
import { useT } from '../../i18n/useT';

interface PlaceValues {
  communeCode: string;
  communeName: string;
  provinceCode: string;
  provinceName: string;
}

/** Province search without accents: "ha tinh" finds "Tỉnh Hà Tĩnh", "42" its code. */
const foldedFilter = ({ options, search }: { options: ComboboxParsedItem[]; search: string }) => {
  const q = foldForSearch(search).trim();
  return q === '' ? options : options.filter((o) => 'label' in o && foldForSearch((o as ComboboxItem).label).includes(q));
};

const hitLabel = (c: CommuneHit) => `${c.name} — ${c.code}${c.districtName ? ` (${c.districtName})` : ''}`;

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
  const [query, setQuery] = useState('');
  const hits = useApiQuery(
    'places:searchCommunes',
    { query, limit: 20, ...(/^\d{2}$/u.test(provinceCode) ? { provinceCode } : {}) },
    { placeholderData: (prev) => prev },
  );
  const provinceOptions = PROVINCES_2025.map((p) => ({ value: p.code, label: `${p.name} — ${p.code}` }));
  const former = PROVINCES_2008.find((p) => p.code === provinceCode && !PROVINCES_2025.some((c) => c.code === p.code));
  if (former)
    provinceOptions.push({
      value: former.code,
      label: t('dossiers:producer.provinceFormer', { name: `${former.name} — ${former.code}` }),
    });
  const listLoaded = hits.data?.listLoaded !== false;
  const communes = hits.data?.communes ?? [];
  const set = (k: keyof PlaceValues, v: string) =>
    f.setValue(k, v, { shouldDirty: true, shouldValidate: f.formState.isSubmitted });

  return (
    <>
      <Grid.Col span={12}>
        <Select
          label={t('dossiers:producer.province')}
          placeholder={t('dossiers:producer.provincePlaceholder')}
          required
          searchable
          filter={foldedFilter}
          data={provinceOptions}
          value={provinceCode || null}
          onChange={(code) => {
            const p = PROVINCES_2025.find((x) => x.code === code) ?? PROVINCES_2008.find((x) => x.code === code);
            set('provinceCode', p?.code ?? '');
            set('provinceName', p?.name ?? '');
          }}
          error={err('provinceCode') ?? err('provinceName')}
          data-testid="producer-province"
        />
      </Grid.Col>
      <Grid.Col span={12}>
        {listLoaded ? (
          <Autocomplete
            label={t('dossiers:producer.communeSearch')}
            placeholder={t('dossiers:producer.communeSearchPlaceholder')}
            description={t('dossiers:producer.communeSearchHelp')}
            value={query}
            onChange={setQuery}
            data={communes.map(hitLabel)}
            filter={({ options }) => options}
            limit={20}
            onOptionSubmit={(label) => {
              const c = communes.find((x) => hitLabel(x) === label);
              if (!c) return;
              set('communeCode', c.code);
              set('communeName', c.name);
              if (!provinceCode) {
                const p =
                  PROVINCES_2025.find((x) => x.code === c.provinceCode) ?? PROVINCES_2008.find((x) => x.code === c.provinceCode);
                set('provinceCode', c.provinceCode);
                set('provinceName', p?.name ?? c.provinceName);
              }
              setQuery('');
            }}
            data-testid="commune-search"
          />
        ) : (
          <Text size="sm" data-testid="commune-no-list">
            {t('dossiers:producer.communeNoList')}{' '}
            <Anchor component={Link} to="/settings">
              {t('settings:places.title')}
            </Anchor>
          </Text>
        )}
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
