import { Route, Routes } from 'react-router';
import { ResultsHomePage } from './ResultsHomePage';
import { SessionResultsPage } from './SessionResultsPage';

/** "Kết quả": pick a session, then its results table, product details, finalizing. */
export function ResultsArea() {
  return (
    <Routes>
      <Route index element={<ResultsHomePage />} />
      <Route path=":sessionId" element={<SessionResultsPage />} />
    </Routes>
  );
}
