import type { Generated } from 'kysely';

/** The imported commune list (migration 0013c): the statistics office's danh mục xã, phường. */
export interface PlaceCommuneTable {
  /** 5-digit mã xã (QĐ 19/2025/QĐ-TTg and later resolutions). */
  code: string;
  name: string;
  /** foldForSearch(name): accent-free search. */
  name_folded: string;
  /** "Xã", "Phường", "Đặc khu"… as the file writes it; '' when the file has no level column. */
  level: string;
  province_code: string;
  province_name: string;
  /** Former district, from three-tier lists only; '' otherwise. */
  district_name: string;
}

/** One row per import; the latest is the list in force. Append-only. */
export interface PlaceCommuneImportTable {
  id: Generated<number>;
  file_name: string;
  sha256: string;
  communes: number;
  provinces: number;
  imported_at: string;
  imported_by: string;
}

export interface PlacesTables {
  place_commune: PlaceCommuneTable;
  place_commune_import: PlaceCommuneImportTable;
}
