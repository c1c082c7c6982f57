import { Anchor, Badge, Button, Grid, Group, Paper, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { toastDone } from '../../components/toast';
import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ProductInput } from '../../../../shared/api/channels/dossiers-fields';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';
import { contractResolver, errorField } from './form-resolver';
import { STATUS_COLOR } from './labels';
import { SetPicker } from './SetPicker';
import { RegisterModal } from './RegisterModal';

interface Values {
  name: string;
  setKey: string;
  specification: string;
  packaging: string;
  productCode: string;
  note: string;
}
const empty: Values = { name: '', setKey: '', specification: '', packaging: '', productCode: '', note: '' };

/** "Sản phẩm": name, Phụ lục I classification (= criteria set), specification, product code; its registrations. */
export function ProductPage() {
  const { t } = useT();
  const navigate = useNavigate();
  const params = useParams();
  const [search] = useSearchParams();
  const id = params.id ? Number(params.id) : null;
  const existing = useApiQuery('products:get', { id: id ?? 0 }, { enabled: id !== null });
  const producerId = existing.data?.producerId ?? Number(search.get('producerId'));
  const producer = useApiQuery('producers:get', { id: producerId }, { enabled: producerId > 0 });
  const nextCode = useApiQuery('products:nextCode', { producerId }, { enabled: producerId > 0 && id === null });
  const regs = useApiQuery('registrations:list', { productId: id ?? 0, limit: 100 }, { enabled: id !== null });
  const [registering, setRegistering] = useState(false);
  const toInput = (v: Values) => ({ ...v, producerId });
  const form = useForm<Values>({ defaultValues: empty, resolver: contractResolver(ProductInput, t, toInput) });
  const { register, control, formState, handleSubmit, reset, setError } = form;
  useEffect(() => {
    if (existing.data) reset({ ...empty, ...existing.data, productCode: existing.data.productCode });
  }, [existing.data, reset]);
  const onError = (e: unknown) => {
    const f = errorField(e);
    if (f && f in empty) setError(f as keyof Values, { message: t('errors:CONFLICT') });
  };
  const create = useApiMutation('products:create', {
    onSuccess: (p) => {
      toastDone(t('dossiers:product.created'));
      void navigate(`/dossiers/products/${p.id}`);
    },
  });
  const update = useApiMutation('products:update', {
    onSuccess: () => toastDone(t('dossiers:product.saved')),
  });
  const submit = handleSubmit((v) => {
    const data = toInput(v);
    if (id === null) create.mutate(data, { onError });
    else update.mutate({ id, data }, { onError });
  });
  const err = (f: keyof Values) => formState.errors[f]?.message;

  return (
    <Stack maw={1180} gap="lg">
      <Anchor component={Link} to={producerId ? `/dossiers/producers/${producerId}` : '/dossiers'}>
        ← {producer.data?.name ?? t('dossiers:actions.back')}
      </Anchor>
      <Title order={2}>
        {id === null ? t('dossiers:product.newTitle') : t('dossiers:product.editTitle', { name: existing.data?.name ?? '' })}
      </Title>
      <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('dossiers:product.name')}>
        <Paper withBorder p="lg">
          <Grid>
            <Grid.Col span={12}>
              <Text>
                {t('dossiers:product.producer')}: <b>{producer.data?.name ?? '…'}</b>
              </Text>
            </Grid.Col>
            <Grid.Col span={7}>
              <TextInput label={t('dossiers:product.name')} required {...register('name')} error={err('name')} />
            </Grid.Col>
            <Grid.Col span={5}>
              <TextInput
                label={t('dossiers:product.productCode')}
                description={t('dossiers:product.productCodeHelp', {
                  next: nextCode.data?.productCode ?? existing.data?.productCode ?? '…',
                })}
                {...register('productCode')}
                error={err('productCode')}
              />
            </Grid.Col>
            <Grid.Col span={12}>
              <Controller
                control={control}
                name="setKey"
                render={({ field }) => <SetPicker value={field.value} onChange={field.onChange} error={err('setKey')} />}
              />
            </Grid.Col>
            <Grid.Col span={6}>
              <TextInput label={t('dossiers:product.specification')} {...register('specification')} />
            </Grid.Col>
            <Grid.Col span={6}>
              <TextInput label={t('dossiers:product.packaging')} {...register('packaging')} />
            </Grid.Col>
            <Grid.Col span={12}>
              <Textarea label={t('dossiers:product.note')} autosize minRows={2} {...register('note')} />
            </Grid.Col>
          </Grid>
          {(create.error ?? update.error) && <ErrorAlert error={create.error ?? update.error} />}
          <Group mt="md">
            <Button type="submit" size="md" loading={create.isPending || update.isPending}>
              {id === null ? t('dossiers:actions.create') : t('dossiers:actions.save')}
            </Button>
          </Group>
        </Paper>
      </form>
      {id !== null && (
        <Paper withBorder p="lg">
          <Group justify="space-between" mb="sm">
            <Title order={3}>{t('dossiers:product.registrations')}</Title>
            <Button variant="light" onClick={() => setRegistering(true)}>
              {t('dossiers:actions.register')}
            </Button>
          </Group>
          <Table striped>
            <Table.Tbody>
              {regs.data?.rows.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/dossiers/registrations/${r.id}`}>
                      {r.registrationNo}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{t('dossiers:round.label', { number: r.roundNumber, year: r.roundYear })}</Table.Td>
                  <Table.Td>{t(`dossiers:kinds.${r.kind}`)}</Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLOR[r.status]} variant="light">
                      {t(`dossiers:status.${r.status}`)}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {registering && <RegisterModal productId={id} onClose={() => setRegistering(false)} />}
        </Paper>
      )}
    </Stack>
  );
}
