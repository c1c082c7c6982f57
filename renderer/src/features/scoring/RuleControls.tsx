import { conditionBody, conditionSentence } from '../../../../shared/ocop/rule-text';
import { Alert, Button, Checkbox, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconBan, IconPlayerStop } from '@tabler/icons-react';
import { useState } from 'react';
import type { CriteriaRule, CriteriaSet, DisqualifyRule, StopRule } from '../../../../shared/ocop/criteria-set';
import { useT } from '../../i18n/useT';
import type { SheetEditor } from './useSheetEditor';

type Confirming = { rule: DisqualifyRule } | { rule: StopRule } | null;

/**
 * The rules a criterion's notes state, as controls: a disqualifying finding asks for a
 * confirmation and the reason; a "stops the evaluation" condition asks for a confirmation; a
 * conditional criterion has a box "the condition is absent". The core checks the same rules.
 */
export function CriterionRules({ set, rules, editor }: { set: CriteriaSet; rules: CriteriaRule[]; editor: SheetEditor }) {
  const { t } = useT();
  const [confirming, setConfirming] = useState<Confirming>(null);
  const visible = rules.filter((r) => r.kind !== 'caseChoice');
  if (visible.length === 0) return null;
  return (
    <Stack gap={6}>
      {visible.map((r) => (
        <RuleControl key={r.id} rule={r} editor={editor} onConfirm={(rule) => setConfirming({ rule } as Confirming)} t={t} />
      ))}
      <ConfirmModal confirming={confirming} onClose={() => setConfirming(null)} editor={editor} set={set} />
    </Stack>
  );
}

/** The set-level "Hồ sơ bị loại khi" paragraph at the top of the sheet, with its control. */
export function SetRules({ set, editor }: { set: CriteriaSet; editor: SheetEditor }) {
  const { t } = useT();
  const rules = set.rules.filter((r) => r.criterionCode === null);
  const [confirming, setConfirming] = useState<Confirming>(null);
  if (rules.length === 0) return null;
  return (
    <Alert color="gray" variant="light" title={t('scoring:sheet.setRules')}>
      <Stack gap={6}>
        {rules.map((r) => (
          <RuleControl key={r.id} rule={r} editor={editor} onConfirm={(rule) => setConfirming({ rule } as Confirming)} t={t} />
        ))}
      </Stack>
      <ConfirmModal confirming={confirming} onClose={() => setConfirming(null)} editor={editor} set={set} />
    </Alert>
  );
}

function RuleControl({
  rule,
  editor,
  onConfirm,
  t,
}: {
  rule: CriteriaRule;
  editor: SheetEditor;
  onConfirm: (r: DisqualifyRule | StopRule) => void;
  t: ReturnType<typeof useT>['t'];
}) {
  const d = editor.local.declarations.get(rule.id);
  switch (rule.kind) {
    case 'disqualify':
      return d?.holds ? (
        <Alert color="red" icon={<IconBan />} p="xs" data-testid={`rule-active-${rule.id}`}>
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">
              <b>{t('scoring:rules.disqualifyActive')}</b>: {d.reason}
            </Text>
            {editor.editable && (
              <Button size="compact-sm" variant="white" color="red" onClick={() => editor.setDeclaration(rule.id, null)}>
                {t('scoring:rules.withdraw')}
              </Button>
            )}
          </Group>
        </Alert>
      ) : (
        <Group gap="sm" wrap="nowrap" justify="space-between">
          <Text size="sm">{t('scoring:rules.disqualifyFound', { condition: rule.condition })}</Text>
          {editor.editable && (
            <Button
              size="compact-sm"
              variant="outline"
              // red.8 (the default shade) is 4.05:1 on the grey card; red.9 is 4.9:1 (WCAG AA, axe).
              color="red.9"
              tabIndex={-1}
              leftSection={<IconBan size={14} />}
              onClick={() => onConfirm(rule)}
              style={{ flexShrink: 0 }}
            >
              {t('scoring:rules.disqualifyAction')}
            </Button>
          )}
        </Group>
      );
    case 'stop':
      if (rule.trigger.type === 'levels') {
        return (
          <Text size="sm" c="orange.9">
            {t('scoring:rules.stopByLevel', { codes: [...new Set(rule.trigger.levels.map((l) => l.criterionCode))].join(', ') })}
          </Text>
        );
      }
      return d?.holds ? (
        <Alert color="orange" icon={<IconPlayerStop />} p="xs" data-testid={`rule-active-${rule.id}`}>
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm" fw={600}>
              {t('scoring:rules.stopActive')}
            </Text>
            {editor.editable && (
              <Button size="compact-sm" variant="white" color="orange" onClick={() => editor.setDeclaration(rule.id, null)}>
                {t('scoring:rules.withdraw')}
              </Button>
            )}
          </Group>
        </Alert>
      ) : (
        <Group gap="sm" wrap="nowrap" justify="space-between">
          <Text size="sm">{t('scoring:rules.stopQuestion', { condition: conditionSentence(rule.trigger.condition) })}</Text>
          {editor.editable && (
            <Button
              size="compact-sm"
              variant="outline"
              color="orange"
              tabIndex={-1}
              leftSection={<IconPlayerStop size={14} />}
              onClick={() => onConfirm(rule)}
              style={{ flexShrink: 0 }}
            >
              {t('scoring:rules.stopAction')}
            </Button>
          )}
        </Group>
      );
    case 'conditional':
      return (
        <Checkbox
          size="md"
          tabIndex={-1}
          label={t('scoring:rules.conditionalLabel', { condition: conditionBody(rule.condition) })}
          checked={d?.holds === false}
          disabled={!editor.editable}
          onChange={(e) => editor.setDeclaration(rule.id, e.currentTarget.checked ? { holds: false, reason: null } : null)}
          data-testid={`conditional-${rule.id}`}
        />
      );
    case 'caseChoice':
      return null;
  }
}

function ConfirmModal({
  confirming,
  onClose,
  editor,
}: {
  confirming: Confirming;
  onClose: () => void;
  editor: SheetEditor;
  set: CriteriaSet;
}) {
  const { t } = useT();
  const [reason, setReason] = useState('');
  const rule = confirming?.rule ?? null;
  const disqualify = rule?.kind === 'disqualify';
  const close = () => {
    setReason('');
    onClose();
  };
  const confirm = () => {
    if (!rule) return;
    if (disqualify && reason.trim() === '') return;
    editor.setDeclaration(rule.id, { holds: true, reason: reason.trim() || null });
    close();
  };
  return (
    <Modal
      opened={rule !== null}
      onClose={close}
      title={disqualify ? t('scoring:rules.disqualifyTitle') : t('scoring:rules.stopTitle')}
      size="lg"
      centered
    >
      {rule && (
        <Stack>
          <Text>
            {rule.kind === 'disqualify'
              ? t('scoring:rules.disqualifyText', { condition: rule.condition })
              : t('scoring:rules.stopText', {
                  condition: rule.trigger.type === 'condition' ? rule.trigger.condition : '',
                  which: rule.skip === 'following' ? t('scoring:rules.stopFollowing') : t('scoring:rules.stopOthers'),
                })}
          </Text>
          <Textarea
            label={disqualify ? t('scoring:rules.reason') : t('scoring:sheet.note')}
            placeholder={t('scoring:rules.reasonPlaceholder')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            required={disqualify}
            data-autofocus
            autosize
            minRows={2}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common:cancel')}
            </Button>
            <Button color={disqualify ? 'red' : 'orange'} onClick={confirm} disabled={disqualify && reason.trim() === ''}>
              {disqualify ? t('scoring:rules.confirmDisqualify') : t('scoring:rules.confirmStop')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
