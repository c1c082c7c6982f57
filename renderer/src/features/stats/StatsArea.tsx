import { Route, Routes } from 'react-router';
import { LeniencyPage } from './LeniencyPage';
import { StatsPage } from './StatsPage';

/** "Thống kê, báo cáo": the province's statistics with drill-down and the report; members' scoring patterns for the chair. */
export function StatsArea() {
  return (
    <Routes>
      <Route index element={<StatsPage />} />
      <Route path="leniency" element={<LeniencyPage />} />
    </Routes>
  );
}
