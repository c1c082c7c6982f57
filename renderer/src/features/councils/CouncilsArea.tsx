import { Route, Routes } from 'react-router';
import { CouncilCreatePage } from './CouncilCreatePage';
import { CouncilListPage } from './CouncilListPage';
import { CouncilPage } from './CouncilPage';

/** "Hội đồng": list, new council, one council (members, rules, details). */
export function CouncilsArea() {
  return (
    <Routes>
      <Route index element={<CouncilListPage />} />
      <Route path="new" element={<CouncilCreatePage />} />
      <Route path=":id" element={<CouncilPage />} />
    </Routes>
  );
}
