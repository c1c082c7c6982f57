import { Route, Routes } from 'react-router';
import { MemberProductsPage } from './MemberProductsPage';
import { PaperEntryPage } from './PaperEntryPage';
import { ScoringHubPage } from './ScoringHubPage';
import { ScoringSheetPage } from './ScoringSheetPage';

/**
 * Chấm điểm, mounted by the sessions area at `/sessions/:id/scoring/*`:
 *  - index: the secretary's hub (members pick their name, progress, spread, paper sheets);
 *  - member/:memberId: the member's products (full-screen, the member's own view);
 *  - member/:memberId/product/:registrationId: the scoring sheet;
 *  - paper/:memberId/:registrationId: the paper-sheet grid.
 */
export function ScoringArea() {
  return (
    <Routes>
      <Route index element={<ScoringHubPage />} />
      <Route path="member/:memberId" element={<MemberProductsPage />} />
      <Route path="member/:memberId/product/:registrationId" element={<ScoringSheetPage />} />
      <Route path="paper/:memberId/:registrationId" element={<PaperEntryPage />} />
    </Routes>
  );
}
