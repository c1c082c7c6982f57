import { describe, expect, it } from 'vitest';
import { channelNames, type Channel } from './contract';
import { CHANNEL_DATA, isMutation, staleAfter } from './invalidation';

/**
 * What the screens invalidated by hand before the map existed (41 `invalidates` lists, collected
 * from renderer/src/features when they were removed): the map must still stale all of it.
 */
const HAND_WRITTEN: Partial<Record<Channel, Channel[]>> = {
  'attachments:add': ['registrations:get'],
  'attachments:remove': ['registrations:get'],
  'backup:create': ['backup:list'],
  'councils:addMember': ['councils:get', 'councils:list', 'sessions:get'],
  'councils:changeMember': ['councils:get', 'councils:list', 'sessions:get'],
  'councils:correctMember': ['councils:get', 'councils:list', 'sessions:get'],
  'councils:create': ['councils:list'],
  'councils:endMember': ['councils:get', 'councils:list', 'sessions:get'],
  'councils:reorderMembers': ['councils:get', 'sessions:get'],
  'councils:setRules': ['councils:get', 'councils:list', 'sessions:get'],
  'councils:update': ['councils:get', 'councils:list'],
  'criteria:import': ['criteria:classification', 'criteria:list', 'criteria:search'],
  'demo:create': ['councils:list', 'demo:status', 'producers:list', 'registrations:list', 'rounds:list', 'sessions:list'],
  'documents:allocateNumber': ['documents:settings'],
  'documents:resetSettings': ['documents:settings'],
  'documents:saveSettings': ['documents:settings'],
  'documents:setNumberSeries': ['documents:settings'],
  'producers:create': ['producers:list'],
  'producers:update': ['producers:get', 'producers:list', 'registrations:get', 'registrations:list'],
  'products:create': ['producers:get', 'products:list'],
  'products:update': ['products:get', 'products:list', 'registrations:list'],
  'registrations:create': ['products:get', 'registrations:list'],
  'registrations:saveCommuneReport': ['registrations:get', 'registrations:list'],
  'registrations:saveSelfAssessment': ['registrations:get', 'registrations:selfAssessment'],
  'registrations:setStatus': ['registrations:get', 'registrations:list'],
  'results:finalize': ['results:product', 'results:session', 'sessions:get', 'sessions:list'],
  'results:reopen': ['results:product', 'results:session', 'sessions:get', 'sessions:list'],
  'rounds:create': ['rounds:list'],
  'scoring:import': [
    'scoring:assignments',
    'scoring:members',
    'scoring:productSheets',
    'scoring:progress',
    'scoring:spread',
    'sessions:get',
  ],
  'scoring:openRescoring': ['scoring:assignments', 'scoring:progress', 'scoring:spread'],
  'scoring:paperCommit': ['scoring:paperGet', 'scoring:progress', 'scoring:spread'],
  'scoring:paperSave': ['scoring:paperGet', 'scoring:progress'],
  'scoring:setPin': ['scoring:members'],
  'scoring:submit': ['scoring:assignments', 'scoring:progress', 'scoring:spread'],
  'scoring:unlock': ['scoring:members', 'scoring:progress', 'scoring:spread'],
  'sessions:addToAgenda': ['councils:list', 'sessions:agendaCandidates', 'sessions:list'],
  'sessions:create': ['councils:list', 'sessions:list'],
  'sessions:declareConflict': ['councils:list', 'sessions:agendaCandidates', 'sessions:list'],
  'sessions:delete': ['councils:list', 'sessions:list'],
  'sessions:setAgenda': ['councils:list', 'sessions:agendaCandidates', 'sessions:list'],
  'sessions:setAttendance': ['councils:list', 'sessions:agendaCandidates', 'sessions:list'],
  'sessions:transition': ['councils:list', 'sessions:agendaCandidates', 'sessions:list'],
  'sessions:update': ['councils:list', 'sessions:agendaCandidates', 'sessions:list'],
  'sessions:withdrawConflict': ['councils:list', 'sessions:agendaCandidates', 'sessions:list'],
  'settings:set': ['documents:fontStatus', 'settings:get'],
};

describe('cache invalidation map', () => {
  it('classifies every channel of the contract, and nothing else', () => {
    expect(Object.keys(CHANNEL_DATA).sort()).toEqual([...channelNames].sort());
  });

  it('every change stales the audit log and only query channels', () => {
    for (const c of channelNames.filter(isMutation)) {
      const stale = staleAfter(c);
      expect(stale, c).toContain('audit:tail');
      expect(stale.filter(isMutation), c).toEqual([]);
    }
    expect(staleAfter('councils:list')).toEqual([]);
  });

  it('stales at least what the screens invalidated by hand', () => {
    for (const [c, wanted] of Object.entries(HAND_WRITTEN) as [Channel, Channel[]][]) {
      expect(staleAfter(c), c).toEqual(expect.arrayContaining(wanted));
    }
  });

  it('closing a session stales the results pages (issue 16: Kết quả showed ĐANG HỌP until reload)', () => {
    expect(staleAfter('sessions:transition')).toEqual(
      expect.arrayContaining(['results:session', 'results:product', 'sessions:list', 'documents:settings', 'scoring:progress']),
    );
  });

  it('finalizing stales the dossiers list, the results and the documents', () => {
    expect(staleAfter('results:finalize')).toEqual(
      expect.arrayContaining([
        'registrations:list',
        'registrations:get',
        'results:session',
        'documents:settings',
        'documents:render',
      ]),
    );
    expect(staleAfter('results:reopen')).toEqual(expect.arrayContaining(['registrations:list', 'results:session']));
  });

  it('a submitted sheet stales the hub progress, the spread and the results', () => {
    expect(staleAfter('scoring:submit')).toEqual(
      expect.arrayContaining(['scoring:progress', 'scoring:spread', 'scoring:assignments', 'results:session']),
    );
  });

  it('the training dataset stales every query', () => {
    expect(staleAfter('demo:create').sort()).toEqual(channelNames.filter((c) => !isMutation(c)).sort());
  });
});
