import { Route, Routes } from 'react-router';
import { ImportPage } from './ImportPage';
import { ProducerListPage } from './ProducerListPage';
import { ProducerPage } from './ProducerPage';
import { ProductPage } from './ProductPage';
import { RegistrationListPage } from './RegistrationListPage';
import { RegistrationPage } from './RegistrationPage';

/** "Hồ sơ": registrations list, producers, products, one dossier, XLSX import. */
export function DossiersArea() {
  return (
    <Routes>
      <Route index element={<RegistrationListPage />} />
      <Route path="import" element={<ImportPage />} />
      <Route path="producers" element={<ProducerListPage />} />
      <Route path="producers/new" element={<ProducerPage />} />
      <Route path="producers/:id" element={<ProducerPage key="edit" />} />
      <Route path="products/new" element={<ProductPage />} />
      <Route path="products/:id" element={<ProductPage key="edit" />} />
      <Route path="registrations/:id" element={<RegistrationPage />} />
    </Routes>
  );
}
