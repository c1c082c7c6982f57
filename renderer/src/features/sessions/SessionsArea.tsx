import { Route, Routes } from 'react-router';
import { ScoringArea } from '../scoring/ScoringArea';
import { SessionListPage } from './SessionListPage';
import { SessionPage } from './SessionPage';

/**
 * "Phiên họp & chấm điểm": the list and the preparation of a session (councils area). The
 * scoring area replaces the `:id/scoring/*` placeholder with its screens.
 */
export function SessionsArea() {
  return (
    <Routes>
      <Route index element={<SessionListPage />} />
      <Route path=":id" element={<SessionPage />} />
      <Route path=":id/scoring/*" element={<ScoringArea />} />
    </Routes>
  );
}
