import { Alert, Button, Group, List, Modal, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { RegistryEntryDetail } from '../../../../shared/api/channels/registry';
import { formatDateVi } from '../../../../shared/ocop/format-vi';
import { vnToday } from '../../../../shared/ocop/vn-time';
import { PRODUCER_KINDS } from '../../../../shared/ocop/dossier-model';
import { parseDocNumber } from '../../../../shared/ocop/document-number';
import { REVOKE_GROUNDS } from '../../../../shared/ocop/registry-status';
import { NGANH_NOS } from '../../../../shared/ocop/registry-sectors';
import { useApiMutation } from '../../api/hooks';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { toastDone } from '../../components/toast';
import { CommuneSearch } from '../../components/CommuneSearch';
import { useT } from '../../i18n/useT';
import rawTree from '../../../../resources/criteria/classification.json';
import { nhomKey } from './labels';

interface ModalProps {
  opened: boolean;
  onClose: () => void;
}

/** A number typed in full that is not "125/QĐ-UBND"-like; the core refuses it too. */
const badNumber = (no: string) => no.trim() !== '' && parseDocNumber(no) === null;

/** Records the province's decision for proposed entries (one, several, or a session's). */
export function DecisionModal({ opened, onClose, ids, today }: ModalProps & { ids: number[]; today: string }) {
  const { t } = useT();
  const [no, setNo] = useState('');
  const [date, setDate] = useState('');
  const [signer, setSigner] = useState('');
  const [certificateNo, setCertificateNo] = useState('');
  const m = useApiMutation('registry:recordDecision', {
    onSuccess: (r) => {
      const until = r.recognised[0]?.validTo;
      toastDone(t('registry:decision.saved', { date: until ? formatDateVi(until) : '' }));
      onClose();
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('registry:decision.title')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          m.mutate({
            ids,
            decisionNo: no,
            decisionDate: date,
            signer,
            ...(ids.length === 1 && certificateNo.trim() ? { certificateNos: { [String(ids[0])]: certificateNo } } : {}),
          });
        }}
      >
        <Stack>
          <Text>{t('registry:decision.intro')}</Text>
          {ids.length > 1 && <Text fw={600}>{t('registry:decision.count', { count: ids.length })}</Text>}
          <TextInput
            label={t('registry:decision.no')}
            description={t('registry:decision.noHint')}
            value={no}
            onChange={(e) => setNo(e.currentTarget.value)}
            error={badNumber(no) ? t('registry:decision.noFormat') : undefined}
            required
            data-autofocus
          />
          <DateField label={t('registry:decision.date')} value={date} onChange={setDate} max={today} required />
          <TextInput label={t('registry:decision.signer')} value={signer} onChange={(e) => setSigner(e.currentTarget.value)} />
          {ids.length === 1 && (
            <TextInput
              label={t('registry:decision.certificateNo')}
              value={certificateNo}
              onChange={(e) => setCertificateNo(e.currentTarget.value)}
            />
          )}
          {m.error && <ErrorAlert error={m.error} />}
          <Group justify="flex-end">
            <Button type="submit" loading={m.isPending} disabled={!no.trim() || !date || badNumber(no)}>
              {t('registry:decision.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * Corrects the decision of a recognised entry. Once the session's decision or a certificate was
 * issued, it says that those documents keep the old value and how to issue a corrected version,
 * and asks why (the correction is recorded).
 */
export function CorrectDecisionModal({
  opened,
  onClose,
  entry,
  today,
}: ModalProps & { entry: RegistryEntryDetail; today: string }) {
  const { t } = useT();
  const [no, setNo] = useState(entry.decisionNo ?? '');
  const [date, setDate] = useState(entry.decisionDate ?? '');
  const [signer, setSigner] = useState(entry.decisionSigner);
  const [certificateNo, setCertificateNo] = useState(entry.certificateNo ?? '');
  const [reason, setReason] = useState('');
  const issued = entry.issuedDocuments;
  const m = useApiMutation('registry:updateDecision', {
    onSuccess: () => {
      toastDone(t('registry:correct.saved'));
      onClose();
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('registry:correct.title')} size="xl" yOffset="3vh">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          m.mutate({
            id: entry.id,
            decisionNo: no,
            decisionDate: date,
            signer,
            certificateNo: certificateNo.trim() ? certificateNo : null,
            reason,
          });
        }}
      >
        <Stack>
          {issued.length === 0 && <Text>{t('registry:correct.intro')}</Text>}
          {issued.length > 0 && (
            <Alert
              color="yellow"
              variant="light"
              title={t('registry:correct.issuedTitle')}
              styles={{ message: { fontSize: 16 } }}
            >
              <Stack gap="xs">
                <Text size="md">{t('registry:correct.issued')}</Text>
                <List size="md" spacing={2}>
                  {issued.map((d) => (
                    <List.Item key={d.id}>
                      {t('registry:correct.issuedItem', {
                        title: d.title,
                        number: d.number ? ` số ${d.number}` : '',
                        date: formatDateVi(vnToday(new Date(d.issuedAt))),
                      })}
                    </List.Item>
                  ))}
                </List>
                <Text size="md" fw={600}>
                  {t('registry:correct.howTo')}
                </Text>
              </Stack>
            </Alert>
          )}
          <Group grow align="flex-start">
            <TextInput
              label={t('registry:decision.no')}
              description={t('registry:decision.noHint')}
              value={no}
              onChange={(e) => setNo(e.currentTarget.value)}
              error={badNumber(no) ? t('registry:decision.noFormat') : undefined}
              required
              data-autofocus
            />
            <DateField label={t('registry:decision.date')} value={date} onChange={setDate} max={today} required />
          </Group>
          <Group grow align="flex-start">
            <TextInput label={t('registry:decision.signer')} value={signer} onChange={(e) => setSigner(e.currentTarget.value)} />
            <TextInput
              label={t('registry:decision.certificateNo')}
              value={certificateNo}
              onChange={(e) => setCertificateNo(e.currentTarget.value)}
            />
          </Group>
          <TextInput
            label={t('registry:correct.reason')}
            description={t('registry:correct.reasonHint')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            required={issued.length > 0}
            maxLength={1000}
          />
          {m.error && <ErrorAlert error={m.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:cancel')}
            </Button>
            <Button
              type="submit"
              loading={m.isPending}
              disabled={!no.trim() || !date || badNumber(no) || (issued.length > 0 && !reason.trim())}
            >
              {t('registry:correct.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function RevokeModal({ opened, onClose, entry, today }: ModalProps & { entry: RegistryEntryDetail; today: string }) {
  const { t } = useT();
  const [date, setDate] = useState('');
  const [ground, setGround] = useState<string | null>(null);
  const [no, setNo] = useState('');
  const [note, setNote] = useState('');
  const m = useApiMutation('registry:revoke', { onSuccess: onClose });
  return (
    <Modal opened={opened} onClose={onClose} title={t('registry:revoke.title')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (ground)
            m.mutate({
              id: entry.id,
              revokedOn: date,
              ground: ground as RegistryEntryDetail['revokeGround'] & string,
              decisionNo: no,
              note,
            });
        }}
      >
        <Stack>
          <DateField
            label={t('registry:revoke.date')}
            value={date}
            onChange={setDate}
            min={entry.validFrom ?? undefined}
            max={today}
            required
          />
          <Select
            label={t('registry:revoke.ground')}
            data={REVOKE_GROUNDS.map((g) => ({ value: g, label: t(`registry:grounds.${g}`) }))}
            value={ground}
            onChange={setGround}
            required
          />
          <TextInput
            label={t('registry:revoke.no')}
            description={t('registry:decision.noHint')}
            value={no}
            onChange={(e) => setNo(e.currentTarget.value)}
            error={badNumber(no) ? t('registry:decision.noFormat') : undefined}
            required
          />
          <Textarea
            label={t('registry:revoke.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          {m.error && <ErrorAlert error={m.error} />}
          <Group justify="flex-end">
            <Button color="red" type="submit" loading={m.isPending} disabled={!date || !ground || !no.trim() || badNumber(no)}>
              {t('registry:revoke.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function WithdrawModal({ opened, onClose, entry }: ModalProps & { entry: RegistryEntryDetail }) {
  const { t } = useT();
  const [reason, setReason] = useState('');
  const m = useApiMutation('registry:withdraw', { onSuccess: onClose });
  return (
    <Modal opened={opened} onClose={onClose} title={t('registry:withdraw.title')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          m.mutate({ id: entry.id, note: reason });
        }}
      >
        <Stack>
          <TextInput
            label={t('registry:withdraw.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            required
          />
          {m.error && <ErrorAlert error={m.error} />}
          <Group justify="flex-end">
            <Button type="submit" loading={m.isPending} disabled={!reason.trim()}>
              {t('registry:withdraw.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

const tree = rawTree as { nganh: { no: string; nhom: { name: string }[] }[] };
const triState = (v: boolean | null) => (v === null ? 'unknown' : v ? 'yes' : 'no');
const fromTri = (v: string | null) => (v === 'yes' ? true : v === 'no' ? false : null);

/** What the office completes later: the current commune, the kind of producer, the classification, inclusion, a note. */
export function EditModal({ opened, onClose, entry }: ModalProps & { entry: RegistryEntryDetail }) {
  const { t } = useT();
  const [communeCode, setCommuneCode] = useState(entry.communeCode ?? '');
  const [communeName, setCommuneName] = useState(entry.communeName);
  const [kind, setKind] = useState<string | null>(entry.producerKind);
  const [nganh, setNganh] = useState<string | null>(entry.nganhNo);
  const [nhom, setNhom] = useState<string | null>(entry.nhom);
  const [women, setWomen] = useState<string | null>(triState(entry.womenLed));
  const [minority, setMinority] = useState<string | null>(triState(entry.ethnicMinority));
  const [note, setNote] = useState(entry.note);
  const m = useApiMutation('registry:update', { onSuccess: onClose });
  const yesNo = ['yes', 'no', 'unknown'].map((v) => ({
    value: v,
    label: t(v === 'unknown' ? 'registry:entry.notRecorded' : `registry:entry.${v as 'yes' | 'no'}`),
  }));
  const nhoms = tree.nganh.find((n) => n.no === nganh)?.nhom.map((m) => m.name) ?? [];
  return (
    <Modal opened={opened} onClose={onClose} title={t('registry:edit.title')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          m.mutate({
            id: entry.id,
            communeCode: communeCode.trim() === '' ? null : communeCode.trim(),
            communeName,
            producerKind: (kind as RegistryEntryDetail['producerKind']) ?? null,
            ...(nganh ? { nganhNo: nganh as NonNullable<RegistryEntryDetail['nganhNo']>, nhom } : {}),
            womenLed: fromTri(women),
            ethnicMinority: fromTri(minority),
            note,
          });
        }}
      >
        <Stack>
          {/* The current commune by its name typed without accents; the code fields stay editable. */}
          <CommuneSearch
            onPick={(c) => {
              setCommuneCode(c.code);
              setCommuneName(c.name);
            }}
            testId="registry-commune-search"
          />
          <Group grow>
            <TextInput
              label={t('registry:edit.communeCode')}
              value={communeCode}
              onChange={(e) => setCommuneCode(e.currentTarget.value)}
              maxLength={5}
            />
            <TextInput
              label={t('registry:edit.communeName')}
              value={communeName}
              onChange={(e) => setCommuneName(e.currentTarget.value)}
            />
          </Group>
          <Select
            label={t('registry:edit.kind')}
            data={PRODUCER_KINDS.map((k) => ({ value: k, label: t(`dossiers:producerKinds.${k}`) }))}
            value={kind}
            onChange={setKind}
            clearable
          />
          <Group grow>
            <Select
              label={t('registry:edit.nganh')}
              data={NGANH_NOS.map((n) => ({ value: n, label: `${n}. ${t(`stats:sectors.${n}`)}` }))}
              value={nganh}
              onChange={(v) => {
                setNganh(v);
                setNhom(null);
              }}
            />
            <Select
              label={t('registry:edit.nhom')}
              data={nhoms.map((n) => ({ value: n, label: nhomKey(n) ? t(nhomKey(n) as 'stats:nhom.n1') : n }))}
              value={nhom}
              onChange={setNhom}
              clearable
              disabled={!nganh}
            />
          </Group>
          <Group grow>
            <Select label={t('registry:edit.womenLed')} data={yesNo} value={women} onChange={setWomen} allowDeselect={false} />
            <Select
              label={t('registry:edit.ethnicMinority')}
              data={yesNo}
              value={minority}
              onChange={setMinority}
              allowDeselect={false}
            />
          </Group>
          <Textarea
            label={t('registry:edit.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          {m.error && <ErrorAlert error={m.error} />}
          <Group justify="flex-end">
            <Button type="submit" loading={m.isPending}>
              {t('registry:edit.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
