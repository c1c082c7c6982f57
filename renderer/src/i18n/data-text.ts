import { useCallback } from 'react';
import { parseDefaultRoundName } from '../../../shared/ocop/round-deadlines';
import { useT } from './useT';

/**
 * A round's name as the screen's language writes it: the name the app gave by default ("Đợt 1 năm
 * 2026") is the app's text, so English shows "Round 1 of 2026"; a name someone wrote stays as written.
 */
export function useRoundName(): (name: string) => string {
  const { t } = useT();
  return useCallback(
    (name: string) => {
      const parsed = parseDefaultRoundName(name);
      return parsed ? t('dossiers:round.defaultName', parsed) : name;
    },
    [t],
  );
}
