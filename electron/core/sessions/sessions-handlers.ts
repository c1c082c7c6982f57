import { sessionsChannels } from '../../../shared/api/channels/sessions';
import { read, type AreaHandlers } from '../handlers';
import { sessionDetail } from './session-detail';
import { listSessions } from './session-repo';
import {
  addToAgenda,
  agendaCandidates,
  createSession,
  declareConflict,
  deleteSession,
  setAgenda,
  setAttendance,
  transition,
  updateSession,
  withdrawConflict,
} from './session-service';

export const sessionsHandlers: AreaHandlers<typeof sessionsChannels> = {
  'sessions:list': read((ctx, input) => listSessions(ctx.db, input)),
  'sessions:get': read((ctx, input) => sessionDetail(ctx.db, input.id)),
  'sessions:create': (input, ctx, meta) => createSession(ctx, meta, input),
  'sessions:update': (input, ctx, meta) => updateSession(ctx, meta, input),
  'sessions:delete': (input, ctx, meta) => deleteSession(ctx, meta, input.id),
  'sessions:setAgenda': (input, ctx, meta) => setAgenda(ctx, meta, input),
  'sessions:addToAgenda': (input, ctx, meta) => addToAgenda(ctx, meta, input),
  'sessions:agendaCandidates': read((ctx, input) => agendaCandidates(ctx, input)),
  'sessions:setAttendance': (input, ctx, meta) => setAttendance(ctx, meta, input),
  'sessions:declareConflict': (input, ctx, meta) => declareConflict(ctx, meta, input),
  'sessions:withdrawConflict': (input, ctx, meta) => withdrawConflict(ctx, meta, input),
  'sessions:transition': (input, ctx, meta) => transition(ctx, meta, input),
};
