import { Select, Stack, Text, type ComboboxItem, type OptionsFilter } from '@mantine/core';
import { useMemo, useState } from 'react';
import { findSets, setChoiceLabel, setChoicePath, setChoices } from '../../../../shared/ocop/set-finder';
import { useT } from '../../i18n/useT';
import { classificationTree } from './labels';

const CHOICES = setChoices(classificationTree);
const BY_KEY = new Map(CHOICES.map((c) => [c.setKey, c]));

/**
 * The product's criteria set, found by typing what the product is ("kẹo", "bánh", "Thuc pham"):
 * the search covers each set's name, its whole Phụ lục I path and example products, without
 * accents (shared/ocop/set-finder). Each option shows its path, and the examples that matched.
 */
export function SetPicker({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (setKey: string) => void;
  error?: string | undefined;
}) {
  const { t } = useT();
  const [search, setSearch] = useState('');
  const data = useMemo(() => CHOICES.map((c) => ({ value: c.setKey, label: setChoiceLabel(c) })), []);
  const selected = BY_KEY.get(value);
  // While the field shows the chosen set's own label, the list is not narrowed to it.
  const query = selected && search === setChoiceLabel(selected) ? '' : search;
  const matches = useMemo(() => new Map(findSets(CHOICES, query).map((m) => [m.choice.setKey, m])), [query]);
  const filter: OptionsFilter = ({ options }) => {
    const items = options as ComboboxItem[];
    return [...matches.keys()].map((k) => items.find((o) => o.value === k)).filter((o): o is ComboboxItem => !!o);
  };
  return (
    <Select
      label={t('dossiers:product.setKey')}
      description={selected ? setChoicePath(selected) : t('dossiers:product.setKeyHelp')}
      placeholder={t('dossiers:product.setKeyPlaceholder')}
      required
      searchable
      data={data}
      filter={filter}
      searchValue={search}
      onSearchChange={setSearch}
      value={value || null}
      onChange={(v) => onChange(v ?? '')}
      error={error}
      maxDropdownHeight={380}
      nothingFoundMessage={t('dossiers:product.setKeyNothing')}
      renderOption={({ option }) => {
        const c = BY_KEY.get(option.value);
        const examples = matches.get(option.value)?.matchedExamples ?? [];
        return (
          <Stack gap={0}>
            <Text fw={600}>{option.label}</Text>
            {c && (
              <Text size="sm" c="dimmed">
                {setChoicePath(c)}
              </Text>
            )}
            {examples.length > 0 && (
              <Text size="sm">{t('dossiers:product.setKeyExamples', { examples: examples.join(', ') })}</Text>
            )}
          </Stack>
        );
      }}
    />
  );
}
