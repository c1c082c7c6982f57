import type { Shape } from '../shape';
import type vi from '../vi/common';

export default {
  appName: 'OCOP Council',
  appSubtitle: 'Evaluation and ranking of OCOP products',
  loading: 'Loading…',
  save: 'Save',
  saved: 'Saved',
  saving: 'Saving…',
  cancel: 'Cancel',
  close: 'Close',
  confirm: 'Confirm',
  delete: 'Delete',
  edit: 'Edit',
  add: 'Add',
  search: 'Search',
  retry: 'Try again',
  undo: 'Undo',
  yes: 'Yes',
  no: 'No',
  none: 'None',
  errorTitle: 'Something went wrong',
} satisfies Shape<typeof vi>;
