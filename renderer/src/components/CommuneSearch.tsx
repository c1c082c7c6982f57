import { Anchor, Autocomplete, type ComboboxItem, type ComboboxParsedItem, Select, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { CommuneHit } from '../../../shared/api/channels/places';
import { PROVINCES_2008, PROVINCES_2025 } from '../../../shared/ocop/admin-units';
import { foldForSearch } from '../../../shared/text/normalize';
import { useApiQuery } from '../api/hooks';
import { useT } from '../i18n/useT';

/** Search without accents in a Select: "ha tinh" finds "Tỉnh Hà Tĩnh", "42" its code. */
export const foldedFilter = ({ options, search }: { options: ComboboxParsedItem[]; search: string }) => {
  const q = foldForSearch(search).trim();
  return q === '' ? options : options.filter((o) => 'label' in o && foldForSearch((o as ComboboxItem).label).includes(q));
};

/** The 34 provinces in force since 1/7/2025 as Select options ("Tỉnh Hà Tĩnh — 42"). */
export const provinceOptions = (): { value: string; label: string }[] =>
  PROVINCES_2025.map((p) => ({ value: p.code, label: `${p.name} — ${p.code}` }));

/** A province by code, current or former (a record saved before the 2025 merger keeps its own). */
export const provinceByCode = (code: string) =>
  PROVINCES_2025.find((x) => x.code === code) ?? PROVINCES_2008.find((x) => x.code === code);

const hitLabel = (c: CommuneHit) => `${c.name} — ${c.code}${c.districtName ? ` (${c.districtName})` : ''}`;

/**
 * Find a commune or ward by its name typed without accents ("tan thanh") in the imported list,
 * within a province when one is given; choosing one hands its code and name to `onPick`. Without
 * an imported list it says where to get one (Cài đặt › Danh mục xã, phường). Used wherever a
 * commune is entered or filtered on, so nobody has to know a 5-digit code.
 */
export function CommuneSearch({
  provinceCode,
  onPick,
  label,
  description,
  w,
  testId = 'commune-search',
}: {
  provinceCode?: string | undefined;
  onPick: (c: CommuneHit) => void;
  label?: string;
  description?: string | null;
  w?: number | string;
  testId?: string;
}) {
  const { t } = useT();
  const [query, setQuery] = useState('');
  const hits = useApiQuery(
    'places:searchCommunes',
    { query, limit: 20, ...(provinceCode && /^\d{2}$/u.test(provinceCode) ? { provinceCode } : {}) },
    { placeholderData: (prev) => prev },
  );
  const communes = hits.data?.communes ?? [];
  if (hits.data?.listLoaded === false)
    return (
      <Text size="sm" data-testid="commune-no-list" w={w}>
        {t('dossiers:producer.communeNoList')}{' '}
        <Anchor component={Link} to="/settings">
          {t('settings:places.title')}
        </Anchor>
      </Text>
    );
  return (
    <Autocomplete
      label={label ?? t('dossiers:producer.communeSearch')}
      placeholder={t('dossiers:producer.communeSearchPlaceholder')}
      description={description === null ? undefined : (description ?? t('dossiers:producer.communeSearchHelp'))}
      value={query}
      onChange={setQuery}
      data={communes.map(hitLabel)}
      // The core already searched (accent-free, by words or code prefix): show its hits as they are.
      filter={({ options }) => options}
      limit={20}
      w={w}
      onOptionSubmit={(picked) => {
        const c = communes.find((x) => hitLabel(x) === picked);
        if (!c) return;
        onPick(c);
        setQuery('');
      }}
      data-testid={testId}
    />
  );
}

/** A province chosen from the 34 (plus a former one still on a record), searched without accents. */
export function ProvinceSelect({
  value,
  onChange,
  label,
  placeholder,
  required,
  clearable,
  error,
  w,
  testId,
}: {
  value: string;
  onChange: (code: string) => void;
  label: string;
  placeholder?: string;
  required?: boolean;
  clearable?: boolean;
  error?: string | undefined;
  w?: number | string;
  testId?: string;
}) {
  const { t } = useT();
  const options = provinceOptions();
  const former = PROVINCES_2008.find((p) => p.code === value && !PROVINCES_2025.some((c) => c.code === p.code));
  if (former)
    options.push({
      value: former.code,
      label: t('dossiers:producer.provinceFormer', { name: `${former.name} — ${former.code}` }),
    });
  return (
    <Select
      label={label}
      placeholder={placeholder}
      required={required}
      clearable={clearable}
      clearButtonProps={{ 'aria-label': t('dossiers:producers.clearProvince', { name: label }) }}
      searchable
      filter={foldedFilter}
      data={options}
      value={value || null}
      onChange={(code) => onChange(code ?? '')}
      error={error}
      w={w}
      data-testid={testId}
    />
  );
}
