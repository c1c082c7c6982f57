import type { Shape } from '../shape';
import type vi from '../vi/menu';

export default {
  file: 'File',
  backup: 'Back up data…',
  quit: 'Quit',
  edit: 'Edit',
  undo: 'Undo',
  redo: 'Redo',
  cut: 'Cut',
  copy: 'Copy',
  paste: 'Paste',
  selectAll: 'Select all',
  view: 'View',
  reload: 'Reload',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  resetZoom: 'Actual size',
  toggleFullScreen: 'Full screen',
  help: 'Help',
  userGuide: 'User guide',
  about: 'About OCOP Council',
  alreadyRunning: 'OCOP Council is already running; the existing window was brought to the front.',
  startupFailed: 'OCOP Council could not start',
} satisfies Shape<typeof vi>;
