import type { ContentSection, TDocumentDefinitions } from 'pdfmake/interfaces';
import { DOC_STYLES, SIZE, SINGLE } from './styles';

/**
 * The document definition around one or more sections: A4, black Times 14 pt, the shared
 * styles, and the images the sections refer to (the QR code). Fonts, PDF version and access
 * policies are the renderer's business.
 */
export function documentOf(
  sections: ContentSection[],
  opts: { title: string; images?: Record<string, string>; watermark?: TDocumentDefinitions['watermark'] },
): TDocumentDefinitions {
  return {
    ...(opts.watermark ? { watermark: opts.watermark } : {}),
    pageSize: 'A4',
    content: sections,
    styles: DOC_STYLES,
    defaultStyle: { fontSize: SIZE.body, lineHeight: SINGLE, color: 'black' },
    images: opts.images ?? {},
    info: { title: opts.title },
  };
}
