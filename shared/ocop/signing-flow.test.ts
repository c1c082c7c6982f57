import { describe, expect, it } from 'vitest';
import { isSignable, scanAllowed, signingFlow, signingProgress, whyCannotSign } from './signing-flow';

const roles = (kind: string, organisationSigns: boolean) => signingFlow(kind, { organisationSigns })?.map((s) => s.role) ?? null;

describe('signing flows: document kind → who signs, in which order', () => {
  it('minutes and summary: secretary, chair, then the organisation only where the office signs', () => {
    expect(roles('minutes', false)).toEqual(['secretary', 'chair']);
    expect(roles('minutes', true)).toEqual(['secretary', 'chair', 'organisation']);
    expect(roles('summary', false)).toEqual(['secretary', 'chair']);
    expect(roles('summary', true)).toEqual(['secretary', 'chair', 'organisation']);
  });

  it('a scoring sheet is signed by its member alone, organisation or not', () => {
    expect(roles('sheet', true)).toEqual(['member']);
    expect(roles('sheet', false)).toEqual(['member']);
  });

  it('the seal goes over the chair on the minutes; on the annex only the info line, top-right', () => {
    expect(signingFlow('minutes', { organisationSigns: true })!.at(-1)!.placement).toBe('seal');
    expect(signingFlow('summary', { organisationSigns: true })!.at(-1)!.placement).toBe('annex-corner');
    expect(signingFlow('sheet', { organisationSigns: true })![0]!.placement).toBe('signature-block');
  });

  it('decisions, certificates and the batch of sheets are not signed in the app', () => {
    for (const k of ['decision', 'certificate', 'sheets', 'blank-sheet', '']) {
      expect(signingFlow(k, { organisationSigns: true })).toBeNull();
      expect(isSignable(k)).toBe(false);
    }
  });
});

describe('signing progress', () => {
  const minutes = signingFlow('minutes', { organisationSigns: false })!;
  const withOrg = signingFlow('minutes', { organisationSigns: true })!;

  it('walks unsigned → partial → complete in order', () => {
    expect(signingProgress(minutes, [])).toMatchObject({ state: 'unsigned', next: { role: 'secretary' }, done: [] });
    expect(signingProgress(minutes, ['secretary'])).toMatchObject({ state: 'partial', next: { role: 'chair' } });
    expect(signingProgress(minutes, ['secretary', 'chair'])).toMatchObject({ state: 'complete', next: null });
    expect(signingProgress(withOrg, ['secretary', 'chair'])).toMatchObject({ state: 'partial', next: { role: 'organisation' } });
    expect(signingProgress(withOrg, ['secretary', 'chair', 'organisation']).state).toBe('complete');
  });

  it('a chair step recorded without the secretary’s does not count (order is the flow’s)', () => {
    expect(signingProgress(minutes, ['chair'])).toMatchObject({ state: 'unsigned', next: { role: 'secretary' } });
  });

  it('the office stopping after it signed leaves the document complete; starting later makes it next', () => {
    expect(signingProgress(minutes, ['secretary', 'chair', 'organisation']).state).toBe('complete');
    expect(signingProgress(withOrg, ['secretary', 'chair']).next?.role).toBe('organisation');
  });

  it('a scan ends the flow whatever was signed before', () => {
    expect(signingProgress(minutes, ['secretary', 'scan'])).toEqual({ state: 'scanned', next: null, done: [] });
    expect(scanAllowed(minutes, [])).toBe(true);
    expect(scanAllowed(minutes, ['secretary'])).toBe(true);
    expect(scanAllowed(minutes, ['secretary', 'chair'])).toBe(false);
    expect(scanAllowed(minutes, ['scan'])).toBe(false);
  });

  it('says why a role cannot sign', () => {
    expect(whyCannotSign(minutes, [], 'secretary')).toBeNull();
    expect(whyCannotSign(minutes, [], 'chair')).toMatch(/the secretary signs next .*not the chair/u);
    expect(whyCannotSign(minutes, ['secretary', 'chair'], 'chair')).toMatch(/every signature is there/u);
    expect(whyCannotSign(minutes, [], 'member')).toMatch(/the member does not sign this document/u);
    expect(whyCannotSign(minutes, [], 'organisation')).toMatch(/does not sign/u);
    expect(whyCannotSign(minutes, ['scan'], 'secretary')).toMatch(/scanned paper copy/u);
    expect(whyCannotSign(signingFlow('sheet', { organisationSigns: false })!, [], 'member')).toBeNull();
  });
});
