import type {
  documentSignatureChannels,
  signatureImageChannels,
  signaturesChannels,
} from '../../../shared/api/channels/signatures';
import { read, task, write, type AreaHandlers } from '../handlers';
import {
  attachScan,
  documentSignatures,
  organisationSigner,
  sessionDocumentSignatures,
  setOrganisationSigner,
  signIssuedDocument,
} from './document-signing';
import { lastModule, signFileWithP12, signFileWithToken, tokenSlots, verifySignatures } from './signing-service';
import { getSignatureImage, removeSignatureImage, setSignatureImage } from './signature-images';
import { importTrusted, listTrusted, removeTrusted } from './trust-store';

/**
 * Signing runs as tasks: the PIN prompt, the token and the PDF work happen outside any
 * transaction, and the services commit what they record in a transaction of their own.
 */
export const signaturesHandlers: AreaHandlers<
  typeof signaturesChannels & typeof documentSignatureChannels & typeof signatureImageChannels
> = {
  'signatures:verify': read(verifySignatures),
  'signatures:signFile': task(signFileWithP12),
  'signatures:tokens': task(tokenSlots),
  'signatures:lastModule': read(lastModule),
  'signatures:signFileWithToken': task(signFileWithToken),
  'signatures:trustList': read((ctx) => listTrusted(ctx.db)),
  'signatures:trustImport': write(importTrusted),
  'signatures:trustRemove': write(removeTrusted),
  'signatures:documents': read(sessionDocumentSignatures),
  'signatures:document': read(documentSignatures),
  'signatures:sign': task(signIssuedDocument),
  'signatures:attachScan': task(attachScan),
  'signatures:organisation': read(organisationSigner),
  'signatures:setOrganisation': write(setOrganisationSigner),
  'signatures:setImage': write(setSignatureImage),
  'signatures:getImage': read(getSignatureImage),
  'signatures:removeImage': write(removeSignatureImage),
};
