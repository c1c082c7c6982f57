import { Route, Routes } from 'react-router';
import { CriteriaBrowserPage } from './CriteriaBrowserPage';
import { CriteriaSetPage } from './CriteriaSetPage';

/** "Bộ tiêu chí": the sets grouped by ngành/nhóm with search, and one set shown as the official form. */
export function CriteriaArea() {
  return (
    <Routes>
      <Route index element={<CriteriaBrowserPage />} />
      <Route path=":id" element={<CriteriaSetPage />} />
    </Routes>
  );
}
