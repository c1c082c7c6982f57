import { Route, Routes } from 'react-router';
import { DuePage } from './DuePage';
import { EntryPage } from './EntryPage';
import { RegistryImportPage } from './RegistryImportPage';
import { RegistryListPage } from './RegistryListPage';

/** "Sổ sản phẩm OCOP": the registry list, one product's history, the re-evaluation calendar, the import of earlier lists. */
export function RegistryArea() {
  return (
    <Routes>
      <Route index element={<RegistryListPage />} />
      <Route path="due" element={<DuePage />} />
      <Route path="import" element={<RegistryImportPage />} />
      <Route path=":id" element={<EntryPage />} />
    </Routes>
  );
}
