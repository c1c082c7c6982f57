import { describe, expect, it } from 'vitest';
import type { SessionProgress } from '../../../../shared/api/channels/scoring';
import { nextPaperSheet } from './next-paper-sheet';

type Cell = SessionProgress['cells'][number];
const cell = (memberId: number, registrationId: number, state: Cell['state']): Cell => ({
  memberId,
  registrationId,
  state,
  answered: 0,
  applicable: 30,
  rescoringRound: 0,
  source: null,
});
const member = (memberId: number, fullName: string, present: boolean | null = true) => ({
  memberId,
  fullName,
  role: 'member',
  present,
  submitted: 0,
  assigned: 2,
});
const product = (registrationId: number, position: number, productName: string) => ({
  registrationId,
  position,
  productName,
  currentRound: 0,
  submitted: 0,
  expected: 3,
});

const progress = (cells: Cell[]): SessionProgress => ({
  members: [member(1, 'An'), member(2, 'Bình', false), member(3, 'Cường')],
  // Listed out of agenda order on purpose: the next product follows the agenda positions.
  products: [product(20, 2, 'Trà'), product(10, 1, 'Mứt')],
  cells,
});
const key = (memberId: number, registrationId: number) => ({ sessionId: 1, memberId, registrationId });

describe('the next paper sheet after one is confirmed', () => {
  it("goes to the same member's next product first", () => {
    const p = progress([cell(1, 10, 'submitted'), cell(1, 20, 'not_started'), cell(3, 10, 'not_started')]);
    expect(nextPaperSheet(p, key(1, 10))).toEqual({ memberId: 1, memberName: 'An', registrationId: 20, productName: 'Trà' });
  });
  it('then to the following present member, skipping the absent one, submitted, draft and recused sheets', () => {
    const p = progress([
      cell(1, 10, 'submitted'),
      cell(1, 20, 'draft'),
      cell(2, 10, 'not_started'),
      cell(3, 10, 'recused'),
      cell(3, 20, 'not_started'),
    ]);
    expect(nextPaperSheet(p, key(1, 10))).toMatchObject({ memberId: 3, registrationId: 20 });
  });
  it('wraps round to earlier members and says nothing is left when every sheet is in', () => {
    expect(nextPaperSheet(progress([cell(1, 10, 'not_started'), cell(3, 20, 'submitted')]), key(3, 20))).toMatchObject({
      memberId: 1,
      registrationId: 10,
    });
    expect(nextPaperSheet(progress([cell(1, 10, 'submitted'), cell(3, 20, 'submitted')]), key(1, 10))).toBeNull();
  });
  it('does not offer the sheet just confirmed while the board still shows it unstarted', () => {
    expect(nextPaperSheet(progress([cell(1, 10, 'not_started')]), key(1, 10))).toBeNull();
  });
});
