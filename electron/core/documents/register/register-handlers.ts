import type { documentRegisterChannels } from '../../../../shared/api/channels/document-register';
import { read, task, type AreaHandlers } from '../../handlers';
import { documentCorrections } from './corrections';
import { issueDocument } from './issue-service';
import { listRegister, registerFile, verifyUpload } from './register-service';

export const documentRegisterHandlers: AreaHandlers<typeof documentRegisterChannels> = {
  // Renders (or waits for a batch), keeps the file by its hash, then records it: its own steps.
  'documents:issue': task(issueDocument),
  'documents:register': read(listRegister),
  'documents:corrections': read(documentCorrections),
  'documents:registerFile': read(registerFile),
  'documents:verify': read(verifyUpload),
};
