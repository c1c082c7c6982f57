import { sessionsChannels } from '../../../shared/api/channels/sessions';
import { read, write, type AreaHandlers } from '../handlers';
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
  'sessions:create': write((w, input) => createSession(w, input)),
  'sessions:update': write((w, input) => updateSession(w, input)),
  'sessions:delete': write((w, input) => deleteSession(w, input)),
  'sessions:setAgenda': write((w, input) => setAgenda(w, input)),
  'sessions:addToAgenda': write((w, input) => addToAgenda(w, input)),
  'sessions:agendaCandidates': read((ctx, input) => agendaCandidates(ctx, input)),
  'sessions:setAttendance': write((w, input) => setAttendance(w, input)),
  'sessions:declareConflict': write((w, input) => declareConflict(w, input)),
  'sessions:withdrawConflict': write((w, input) => withdrawConflict(w, input)),
  'sessions:transition': write((w, input) => transition(w, input)),
};
