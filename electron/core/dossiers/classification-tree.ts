import { ProductClassificationTree } from '../../../shared/ocop/criteria-classification';
import raw from '../../../resources/criteria/classification.json' with { type: 'json' };

/** Phụ lục I of 26/2026 as built by the criteria area (resources/criteria/classification.json). */
export const classificationTree: ProductClassificationTree = ProductClassificationTree.parse(raw);
