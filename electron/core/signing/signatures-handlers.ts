import type {
  sessionSignatureChannels,
  signatureImageChannels,
  signaturesChannels,
} from '../../../shared/api/channels/signatures';
import { actorOf, type AreaHandlers } from '../handlers';
import { lastModule, signFileWithP12, signFileWithToken, tokenSlots, verifySignatures } from './signing-service';
import { attachScannedMinutes, sessionSignatures, sessionSignedFile, signSessionMinutes } from './session-signing';
import { getSignatureImage, removeSignatureImage, setSignatureImage } from './signature-images';
import { importTrusted, listTrusted, removeTrusted } from './trust-store';

export const signaturesHandlers: AreaHandlers<
  typeof signaturesChannels & typeof sessionSignatureChannels & typeof signatureImageChannels
> = {
  'signatures:verify': (input, ctx) => verifySignatures(ctx, input),
  'signatures:signFile': (input, ctx) => signFileWithP12(ctx, input),
  'signatures:tokens': (input, ctx) => tokenSlots(ctx, input.modulePath),
  'signatures:lastModule': (_input, ctx) => lastModule(ctx),
  'signatures:signFileWithToken': (input, ctx) => signFileWithToken(ctx, input),
  'signatures:trustList': (_input, ctx) => listTrusted(ctx.db),
  'signatures:trustImport': (input, ctx, meta) =>
    importTrusted(ctx, actorOf(ctx, meta), new Uint8Array(Buffer.from(input.certificateBase64, 'base64'))),
  'signatures:trustRemove': (input, ctx, meta) => removeTrusted(ctx, actorOf(ctx, meta), input.fingerprint),
  'signatures:sessionState': (input, ctx) => sessionSignatures(ctx, input.sessionId),
  'signatures:signSession': (input, ctx, meta) => signSessionMinutes(ctx, actorOf(ctx, meta), input),
  'signatures:sessionFile': (input, ctx) => sessionSignedFile(ctx, input.sessionId),
  'signatures:attachScan': (input, ctx, meta) => attachScannedMinutes(ctx, actorOf(ctx, meta), input),
  'signatures:setImage': (input, ctx, meta) => setSignatureImage(ctx, actorOf(ctx, meta), input),
  'signatures:getImage': (input, ctx) => getSignatureImage(ctx, input),
  'signatures:removeImage': (input, ctx, meta) => removeSignatureImage(ctx, actorOf(ctx, meta), input),
};
