import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Grid,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { toastDone } from '../../components/toast';
import { useEffect } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { Link, useNavigate, useParams } from 'react-router';
import { ProducerInput, type Producer } from '../../../../shared/api/channels/dossiers-fields';
import { GENDERS, PRODUCER_KINDS } from '../../../../shared/ocop/dossier-model';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { BackLink } from '../../components/BackLink';
import { DateFieldController } from '../../components/DateFieldController';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLegalNames } from '../../i18n/legal-names';
import { useT } from '../../i18n/useT';
import { contractResolver, errorField } from './form-resolver';
import { setName } from './labels';
import { PlaceFields } from './PlaceFields';

interface Values {
  kind: string;
  name: string;
  taxCode: string;
  registrationNo: string;
  foundedOn: string;
  representativeName: string;
  representativePosition: string;
  representativeGender: string;
  representativeEthnicity: string;
  representativeEthnicMinority: boolean;
  representativeDisability: boolean;
  address: string;
  communeCode: string;
  communeName: string;
  provinceCode: string;
  provinceName: string;
  phone: string;
  email: string;
  note: string;
}

const empty: Values = {
  kind: 'cooperative',
  name: '',
  taxCode: '',
  registrationNo: '',
  foundedOn: '',
  representativeName: '',
  representativePosition: '',
  representativeGender: '',
  representativeEthnicity: '',
  representativeEthnicMinority: false,
  representativeDisability: false,
  address: '',
  communeCode: '',
  communeName: '',
  provinceCode: '',
  provinceName: '',
  phone: '',
  email: '',
  note: '',
};

const fromProducer = (p: Producer): Values => ({
  ...empty,
  ...Object.fromEntries(
    Object.entries(p)
      .filter(([k]) => k in empty)
      .map(([k, v]) => [k, v ?? (typeof empty[k as keyof Values] === 'boolean' ? false : '')]),
  ),
});

const toInput = (v: Values) => ({ ...v, representativeGender: v.representativeGender || null });

/** "Chủ thể": the producer form (Mẫu 01 part 1, Mẫu 02 part I) and, once saved, its products. */
export function ProducerPage() {
  const { t } = useT();
  const legal = useLegalNames();
  const navigate = useNavigate();
  const params = useParams();
  const id = params.id ? Number(params.id) : null;
  const existing = useApiQuery('producers:get', { id: id ?? 0 }, { enabled: id !== null });
  const products = useApiQuery('products:list', { producerId: id ?? 0, limit: 500 }, { enabled: id !== null });
  const form = useForm<Values>({ defaultValues: empty, resolver: contractResolver(ProducerInput, t, toInput) });
  const { register, control, formState, handleSubmit, reset, setError } = form;
  useEffect(() => {
    if (existing.data) reset(fromProducer(existing.data));
  }, [existing.data, reset]);

  const onError = (e: unknown) => {
    const f = errorField(e);
    if (f && f in empty) setError(f as keyof Values, { message: t(`errors:${(e as { code: 'CONFLICT' }).code}`) });
  };
  const create = useApiMutation('producers:create', {
    onSuccess: (p) => {
      toastDone(t('dossiers:producer.created'));
      void navigate(`/dossiers/producers/${p.id}`);
    },
  });
  const update = useApiMutation('producers:update', {
    onSuccess: () => toastDone(t('dossiers:producer.saved')),
  });
  const submit = handleSubmit((v) => {
    const data = toInput(v) as Parameters<typeof create.mutate>[0];
    if (id === null) create.mutate(data, { onError });
    else update.mutate({ id, data }, { onError });
  });
  const err = (f: keyof Values) => formState.errors[f]?.message;
  const failure = create.error ?? update.error;

  return (
    <Stack maw={1180} gap="lg">
      <BackLink to="/dossiers/producers" label={t('dossiers:producers.back')} />
      <Title order={2}>
        {id === null ? t('dossiers:producer.newTitle') : t('dossiers:producer.editTitle', { name: existing.data?.name ?? '' })}
      </Title>
      {existing.isError && <ErrorAlert error={existing.error} />}
      <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('dossiers:producer.sectionOrg')}>
        <Stack gap="lg">
          <Paper withBorder p="lg">
            <Title order={3} mb="sm">
              {t('dossiers:producer.sectionOrg')}
            </Title>
            <Grid>
              <Grid.Col span={4}>
                <Controller
                  control={control}
                  name="kind"
                  render={({ field }) => (
                    <Select
                      label={t('dossiers:producer.kind')}
                      required
                      data={PRODUCER_KINDS.map((k) => ({ value: k, label: t(`dossiers:producerKinds.${k}`) }))}
                      value={field.value}
                      onChange={(v) => field.onChange(v ?? 'cooperative')}
                      allowDeselect={false}
                    />
                  )}
                />
              </Grid.Col>
              <Grid.Col span={8}>
                <TextInput label={t('dossiers:producer.name')} required {...register('name')} error={err('name')} />
              </Grid.Col>
              <Grid.Col span={4}>
                <TextInput
                  label={t('dossiers:producer.taxCode')}
                  description={t('dossiers:producer.taxCodeHelp')}
                  {...register('taxCode')}
                  error={err('taxCode')}
                />
              </Grid.Col>
              <Grid.Col span={4}>
                <TextInput
                  label={t('dossiers:producer.registrationNo')}
                  {...register('registrationNo')}
                  error={err('registrationNo')}
                />
              </Grid.Col>
              <Grid.Col span={4}>
                <DateFieldController
                  control={control}
                  name="foundedOn"
                  label={t('dossiers:producer.foundedOn')}
                  error={err('foundedOn')}
                />
              </Grid.Col>
            </Grid>
          </Paper>
          <Paper withBorder p="lg">
            <Title order={3} mb="sm">
              {t('dossiers:producer.sectionRep')}
            </Title>
            <Grid>
              <Grid.Col span={5}>
                <TextInput
                  label={t('dossiers:producer.representativeName')}
                  {...register('representativeName')}
                  error={err('representativeName')}
                />
              </Grid.Col>
              <Grid.Col span={4}>
                <TextInput label={t('dossiers:producer.representativePosition')} {...register('representativePosition')} />
              </Grid.Col>
              <Grid.Col span={3}>
                <Controller
                  control={control}
                  name="representativeGender"
                  render={({ field }) => (
                    <Select
                      label={t('dossiers:producer.representativeGender')}
                      data={GENDERS.map((g) => ({ value: g, label: t(`dossiers:genders.${g}`) }))}
                      value={field.value || null}
                      onChange={(v) => field.onChange(v ?? '')}
                      clearable
                    />
                  )}
                />
              </Grid.Col>
              <Grid.Col span={4}>
                <TextInput label={t('dossiers:producer.representativeEthnicity')} {...register('representativeEthnicity')} />
              </Grid.Col>
              <Grid.Col span={8}>
                <Stack gap={6} mt={24}>
                  <Group gap="xl">
                    <Checkbox
                      label={t('dossiers:producer.representativeEthnicMinority')}
                      {...register('representativeEthnicMinority')}
                    />
                    <Checkbox label={t('dossiers:producer.representativeDisability')} {...register('representativeDisability')} />
                  </Group>
                  <Text size="sm" c="dimmed">
                    {t('dossiers:producer.criterion32')}
                  </Text>
                </Stack>
              </Grid.Col>
            </Grid>
          </Paper>
          <SimpleGrid cols={2}>
            <Paper withBorder p="lg">
              <Title order={3} mb="sm">
                {t('dossiers:producer.sectionAddress')}
              </Title>
              <Grid>
                <Grid.Col span={12}>
                  <TextInput label={t('dossiers:producer.address')} {...register('address')} />
                </Grid.Col>
                <PlaceFields form={form} err={err} />
                <Grid.Col span={12}>
                  <Text size="sm" c="dimmed">
                    {t('dossiers:producer.codesHelp')}
                  </Text>
                </Grid.Col>
              </Grid>
            </Paper>
            <Paper withBorder p="lg">
              <Title order={3} mb="sm">
                {t('dossiers:producer.sectionContact')}
              </Title>
              <Stack>
                <TextInput label={t('dossiers:producer.phone')} type="tel" {...register('phone')} error={err('phone')} />
                <TextInput label={t('dossiers:producer.email')} type="email" {...register('email')} error={err('email')} />
                <Textarea label={t('dossiers:producer.note')} autosize minRows={2} {...register('note')} />
              </Stack>
            </Paper>
          </SimpleGrid>
          {failure && <ErrorAlert error={failure} />}
          <Group>
            <Button type="submit" size="md" loading={create.isPending || update.isPending}>
              {id === null ? t('dossiers:actions.create') : t('dossiers:actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
      {id !== null && (
        <Paper withBorder p="lg">
          <Group justify="space-between" mb="sm">
            <Title order={3}>{t('dossiers:producer.products')}</Title>
            <Button component={Link} to={`/dossiers/products/new?producerId=${id}`} variant="light">
              {t('dossiers:actions.newProduct')}
            </Button>
          </Group>
          {products.data?.rows.length === 0 && <Text c="dimmed">{t('dossiers:producer.noProducts')}</Text>}
          {products.data && products.data.rows.length > 0 && (
            <Table striped>
              <Table.Tbody>
                {products.data.rows.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/dossiers/products/${p.id}`}>
                        {p.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{p.productCode}</Table.Td>
                    <Table.Td>{setName(p.setKey, legal.set)}</Table.Td>
                    <Table.Td>
                      <Badge variant="light">{p.registrationCount}</Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
      )}
    </Stack>
  );
}
