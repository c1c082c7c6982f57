import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { IconCheck, IconDeviceFloppy, IconNumber, IconRestore } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { isNumberedKind, type DocumentSettingsView, type SettingsKind } from '../../../../shared/api/channels/document-settings';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { DateFieldController } from '../../components/DateFieldController';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';
import { errorField } from '../dossiers/form-resolver';
import { CouncilSignersDialog } from './CouncilSignersDialog';
import { NumberSeriesDialog } from './NumberSeriesDialog';
import { settingsResolver, toSettings, toValues, type SettingsValues } from './settings-form';
import { TimeField } from '../../components/TimeField';

const KINDS: readonly SettingsKind[] = ['minutes', 'summary', 'decision', 'certificate'];

/**
 * "Thông tin in trên văn bản": the header lines, number, place, date, recipients, signer and (for
 * the minutes) the content the secretary writes, stored with the session and printed by the
 * document buttons. Editable after finalization until a document printing them is issued.
 */
export function DocumentSettingsPanel({ sessionId }: { sessionId: number }) {
  const { t } = useT();
  const [kind, setKind] = useState<SettingsKind>('minutes');
  const query = useApiQuery('documents:settings', { sessionId, kind });
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="document-settings-title">
      <Stack gap="md">
        <Title order={3} id="document-settings-title" style={{ scrollMarginTop: 72 }}>
          {t('documents:settingsPanel.title')}
        </Title>
        <Text>{t('documents:settingsPanel.intro')}</Text>
        <SegmentedControl
          aria-label={t('documents:settingsPanel.kind')}
          size="md"
          value={kind}
          onChange={(v) => setKind(v as SettingsKind)}
          data={KINDS.map((k) => ({ value: k, label: t(`documents:screen.${k}`) }))}
          w="fit-content"
        />
        {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
        {query.data && <SettingsForm key={`${sessionId}-${kind}`} view={query.data} />}
      </Stack>
    </Paper>
  );
}

function SettingsForm({ view }: { view: DocumentSettingsView }) {
  const { t } = useT();
  const { kind, sessionId } = view;
  const form = useForm<SettingsValues>({ defaultValues: toValues(view), resolver: settingsResolver(t, kind) });
  const { register, handleSubmit, formState, reset, control, setError } = form;
  const number = useWatch({ control, name: 'number' });
  const [saved, setSaved] = useState(false);
  const [seriesOpen, setSeriesOpen] = useState(false);
  const [signersOpen, setSignersOpen] = useState(false);
  const save = useApiMutation('documents:saveSettings');
  const allocate = useApiMutation('documents:allocateNumber');
  const restore = useApiMutation('documents:resetSettings');
  const error = save.error ?? allocate.error ?? restore.error;

  // A fresh view (after saving, numbering, or another session) is the form's new starting point.
  useEffect(() => reset(toValues(view)), [view, reset]);

  const store = async (values: SettingsValues) => {
    allocate.reset();
    try {
      await save.mutateAsync({ sessionId, kind, settings: toSettings(values, kind) });
    } catch (e) {
      // A header line too wide to print on one line: say so beside the field.
      const field = errorField(e);
      if (field === 'parentLines' || field === 'bodyLines')
        setError(field, { message: t('documents:settingsPanel.errors.headerLine') });
      throw e;
    }
    setSaved(true);
  };
  const onSave = handleSubmit(store);
  const onAllocate = handleSubmit(async (values) => {
    await store(values);
    if (isNumberedKind(kind)) await allocate.mutateAsync({ sessionId, kind });
  });
  const err = (f: keyof SettingsValues) => formState.errors[f]?.message;
  const locked = view.locked;
  const numbered = isNumberedKind(kind);
  // The summary is the minutes' annex: no header of its own; it cites the minutes' number and date.
  const annex = kind === 'summary';
  const busy = save.isPending || allocate.isPending || restore.isPending;

  return (
    <form onSubmit={(e) => void onSave(e).catch(() => undefined)} noValidate>
      <Stack gap="md">
        {locked && (
          <Alert color="yellow" styles={{ message: { fontSize: 16 } }}>
            {t('documents:settingsPanel.locked', {
              kinds: view.lockedBy.map((k) => t(`documents:settingsPanel.lockedKinds.${k}`)).join(', '),
            })}
          </Alert>
        )}
        {!view.stored && !locked && <Text c="gray.8">{t('documents:settingsPanel.defaults')}</Text>}
        <fieldset disabled={locked || busy} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
          <Stack gap="md">
            {annex && <Text>{t('documents:settingsPanel.summaryNote')}</Text>}
            {!annex && (
              <>
                <SimpleGrid cols={2} spacing="md">
                  <Textarea
                    label={t('documents:settingsPanel.parentLines')}
                    description={t('documents:settingsPanel.parentLinesHelp')}
                    autosize
                    minRows={1}
                    size="md"
                    {...register('parentLines')}
                    error={err('parentLines')}
                  />
                  <Textarea
                    label={t('documents:settingsPanel.bodyLines')}
                    description={t('documents:settingsPanel.bodyLinesHelp')}
                    autosize
                    minRows={2}
                    size="md"
                    required
                    {...register('bodyLines')}
                    error={err('bodyLines')}
                  />
                </SimpleGrid>
                {numbered && (
                  <Stack gap={4}>
                    <Group align="flex-end" gap="md">
                      <TextInput
                        label={t('documents:settingsPanel.number')}
                        description={t('documents:settingsPanel.numberHelp')}
                        inputMode="numeric"
                        size="md"
                        w={200}
                        {...register('number')}
                        error={err('number')}
                      />
                      <TextInput
                        label={t('documents:settingsPanel.symbol')}
                        description={t('documents:settingsPanel.symbolHelp')}
                        size="md"
                        w={240}
                        required
                        {...register('symbol')}
                        error={err('symbol')}
                      />
                      <Button
                        size="md"
                        variant="light"
                        leftSection={<IconNumber />}
                        onClick={() => void onAllocate().catch(() => undefined)}
                        disabled={locked || busy || number.trim() !== ''}
                        loading={allocate.isPending}
                        title={t('documents:settingsPanel.allocateHelp')}
                      >
                        {t('documents:settingsPanel.allocate')}
                      </Button>
                    </Group>
                    <Text size="md" fw={600} data-testid="document-number-text">
                      {t('documents:settingsPanel.numberText', { text: view.numberText })}
                    </Text>
                    {view.series && (
                      <Group gap="md">
                        <Text c="gray.8">
                          {t('documents:settingsPanel.nextNumber', {
                            next: view.series.nextNumber,
                            pattern: view.series.pattern,
                            year: view.series.year,
                          })}
                        </Text>
                        <Button variant="subtle" size="sm" fz="md" onClick={() => setSeriesOpen(true)}>
                          {t('documents:settingsPanel.seriesOpen')}
                        </Button>
                      </Group>
                    )}
                    {seriesOpen && view.series && isNumberedKind(kind) && (
                      <NumberSeriesDialog kind={kind} series={view.series} onClose={() => setSeriesOpen(false)} />
                    )}
                  </Stack>
                )}
                <Group align="flex-end" gap="md">
                  <TextInput
                    label={t('documents:settingsPanel.place')}
                    size="md"
                    w={260}
                    required
                    {...register('place')}
                    error={err('place')}
                  />
                  <DateFieldController
                    control={control}
                    name="date"
                    label={t('documents:settingsPanel.date')}
                    description={t('documents:settingsPanel.dateHelp')}
                    size="md"
                    w={220}
                    error={err('date')}
                  />
                  {kind === 'minutes' && (
                    <Checkbox
                      label={t('documents:settingsPanel.showPlaceDate')}
                      size="md"
                      mb={10}
                      {...register('showPlaceDate')}
                    />
                  )}
                </Group>
                {kind !== 'certificate' && (
                  <Textarea
                    label={t('documents:settingsPanel.recipients')}
                    description={t('documents:settingsPanel.recipientsHelp')}
                    autosize
                    minRows={2}
                    size="md"
                    {...register('recipients')}
                    error={err('recipients')}
                  />
                )}
              </>
            )}
            {kind === 'decision' && (
              <Stack gap={4}>
                <Checkbox
                  label={t('documents:settingsPanel.decisionRecorded')}
                  description={t('documents:settingsPanel.decisionRecordedHelp')}
                  size="md"
                  disabled={!view.finalized}
                  {...register('decisionRecorded')}
                />
                {!view.finalized && <Text c="gray.8">{t('documents:settingsPanel.decisionNotFinalized')}</Text>}
              </Stack>
            )}
            {(kind === 'minutes' || kind === 'summary') && (
              <SignerFields form={form} prefix="secretary" legend={t('documents:settingsPanel.secretarySigner')} />
            )}
            <Fieldset legend={t('documents:settingsPanel.signer')} styles={{ legend: { fontSize: 16, fontWeight: 600 } }}>
              <SimpleGrid cols={4} spacing="md">
                <TextInput
                  label={t('documents:settingsPanel.signerAuthority')}
                  description={t('documents:settingsPanel.signerAuthorityHelp')}
                  size="md"
                  {...register('signerAuthority')}
                  error={err('signerAuthority')}
                />
                <TextInput
                  label={t('documents:settingsPanel.signerTitle')}
                  size="md"
                  required
                  {...register('signerTitle')}
                  error={err('signerTitle')}
                />
                <TextInput
                  label={t('documents:settingsPanel.signerOfficeLine')}
                  size="md"
                  {...register('signerOfficeLine')}
                  error={err('signerOfficeLine')}
                />
                <TextInput
                  label={t('documents:settingsPanel.signerName')}
                  description={t('documents:settingsPanel.signerNameHelp')}
                  size="md"
                  {...register('signerName')}
                  error={err('signerName')}
                />
              </SimpleGrid>
            </Fieldset>
            {kind === 'minutes' && <MinutesFields view={view} form={form} />}
          </Stack>
        </fieldset>
        {error && <ErrorAlert error={error} />}
        <Group gap="md">
          <Button type="submit" size="md" leftSection={<IconDeviceFloppy />} loading={save.isPending} disabled={locked || busy}>
            {t('documents:settingsPanel.save')}
          </Button>
          <Button variant="subtle" size="md" onClick={() => setSignersOpen(true)}>
            {t('documents:settingsPanel.councilSigners')}
          </Button>
          {signersOpen && <CouncilSignersDialog councilId={view.councilId} onClose={() => setSignersOpen(false)} />}
          {view.stored && (
            <Button
              size="md"
              variant="default"
              leftSection={<IconRestore />}
              disabled={locked || busy}
              loading={restore.isPending}
              onClick={() => restore.mutate({ sessionId, kind })}
              title={t('documents:settingsPanel.resetHelp')}
            >
              {t('documents:settingsPanel.reset')}
            </Button>
          )}
          <Text
            role="status"
            aria-live="polite"
            fw={600}
            c={saved && !formState.isDirty ? 'var(--mantine-color-green-light-color)' : 'gray.8'}
          >
            {saved && !formState.isDirty ? (
              <Group gap={4} component="span">
                <IconCheck size={18} aria-hidden />
                {t('documents:settingsPanel.saved')}
              </Group>
            ) : formState.isDirty ? (
              t('documents:settingsPanel.unsaved')
            ) : null}
          </Text>
        </Group>
      </Stack>
    </form>
  );
}

/** THƯ KÝ's block (minutes, summary): authority, title, office line, name. */
function SignerFields({
  form,
  prefix,
  legend,
}: {
  form: ReturnType<typeof useForm<SettingsValues>>;
  prefix: 'secretary';
  legend: string;
}) {
  const { t } = useT();
  const { register, formState } = form;
  const err = (f: keyof SettingsValues) => formState.errors[f]?.message;
  return (
    <Fieldset legend={legend} styles={{ legend: { fontSize: 16, fontWeight: 600 } }}>
      <SimpleGrid cols={4} spacing="md">
        <TextInput
          label={t('documents:settingsPanel.signerAuthority')}
          size="md"
          {...register(`${prefix}Authority`)}
          error={err(`${prefix}Authority`)}
        />
        <TextInput
          label={t('documents:settingsPanel.signerTitle')}
          size="md"
          required
          {...register(`${prefix}Title`)}
          error={err(`${prefix}Title`)}
        />
        <TextInput
          label={t('documents:settingsPanel.signerOfficeLine')}
          size="md"
          {...register(`${prefix}OfficeLine`)}
          error={err(`${prefix}OfficeLine`)}
        />
        <TextInput
          label={t('documents:settingsPanel.signerName')}
          description={t('documents:settingsPanel.signerNameHelp')}
          size="md"
          {...register(`${prefix}Name`)}
          error={err(`${prefix}Name`)}
        />
      </SimpleGrid>
    </Fieldset>
  );
}

function MinutesFields({ view, form }: { view: DocumentSettingsView; form: ReturnType<typeof useForm<SettingsValues>> }) {
  const { t } = useT();
  const { register, formState, control } = form;
  const err = (f: keyof SettingsValues) => formState.errors[f]?.message;
  const voteHeld = useWatch({ control, name: 'voteHeld' });
  return (
    <Fieldset legend={t('documents:settingsPanel.minutesContent')} styles={{ legend: { fontSize: 16, fontWeight: 600 } }}>
      <Stack gap="md">
        <Controller
          control={control}
          name="endTime"
          render={({ field }) => (
            <TimeField
              ref={field.ref}
              name={field.name}
              label={t('documents:settingsPanel.endTime')}
              size="md"
              w={200}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={err('endTime')}
            />
          )}
        />
        {view.discussionProducts.length === 0 && <Text c="gray.8">{t('documents:settingsPanel.noDiscussion')}</Text>}
        {view.discussionProducts.map((p, i) => (
          <Textarea
            key={p.registrationId}
            label={t('documents:settingsPanel.discussion', { product: p.productName, producer: p.producerName })}
            autosize
            minRows={2}
            size="md"
            {...register(`discussions.${i}.text`)}
          />
        ))}
        <Textarea
          label={t('documents:settingsPanel.opinions')}
          description={t('documents:settingsPanel.opinionsHelp')}
          autosize
          minRows={2}
          size="md"
          {...register('opinions')}
          error={err('opinions')}
        />
        <Textarea
          label={t('documents:settingsPanel.conclusions')}
          description={t('documents:settingsPanel.conclusionsHelp')}
          autosize
          minRows={2}
          size="md"
          {...register('conclusions')}
          error={err('conclusions')}
        />
        <Checkbox label={t('documents:settingsPanel.voteHeld')} size="md" {...register('voteHeld')} />
        {voteHeld && (
          <Group gap="md">
            <TextInput
              label={t('documents:settingsPanel.voteFor')}
              inputMode="numeric"
              size="md"
              w={220}
              {...register('voteFor')}
              error={err('voteFor')}
            />
            <TextInput
              label={t('documents:settingsPanel.voteAgainst')}
              inputMode="numeric"
              size="md"
              w={220}
              {...register('voteAgainst')}
              error={err('voteAgainst')}
            />
            <TextInput
              label={t('documents:settingsPanel.voteAbstain')}
              inputMode="numeric"
              size="md"
              w={220}
              {...register('voteAbstain')}
              error={err('voteAbstain')}
            />
          </Group>
        )}
      </Stack>
    </Fieldset>
  );
}
