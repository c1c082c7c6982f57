/**
 * USB tokens through their vendor's PKCS #11 module (VGCA, VNPT-CA, Viettel-CA… all ship one:
 * a .dll on Windows, a .so on Linux). The key never leaves the token: the token signs the DER
 * of the CMS signed attributes (CKM_SHA256_RSA_PKCS, or CKM_RSA_PKCS over a DigestInfo when the
 * token only does raw RSA; CKM_ECDSA(_SHA256) for EC keys).
 *
 * Each operation loads the module, works, and unloads it, so a token pulled out or plugged in
 * between two clicks is seen as it is. The PIN is asked through a callback at the moment it is
 * needed, used for one C_Login and dropped; it is never stored, logged or put in an error.
 */
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import type * as Pkcs11Types from 'pkcs11js';
import { readCertificate, type CertificateInfo } from '../certificate';
import { orderChain } from './p12-key';
import type { SigningKey } from './signing-key';

type Pkcs11Module = typeof Pkcs11Types;
type Handle = Buffer;

/** What the token says about its user PIN (PKCS #11 token flags; exact counts are not part of the standard). */
export type PinState = 'ok' | 'count-low' | 'final-try' | 'locked';

export type TokenProblem =
  | 'module' // the module cannot be loaded or initialised
  | 'no-slot' // the slot is not there (token pulled out?)
  | 'no-token'
  | 'no-certificate'
  | 'no-key'
  | 'pin-incorrect'
  | 'pin-locked'
  | 'pin-length'
  | 'cancelled'
  | 'device';

export class TokenError extends Error {
  constructor(
    readonly problem: TokenProblem,
    message: string,
    readonly extra: { pinState?: PinState; ckr?: string; pinLength?: { min: number; max: number } } = {},
  ) {
    super(message);
    this.name = 'TokenError';
  }
}

export interface TokenCertificate {
  /** CKA_ID, hex: pairs the certificate with its private key. */
  objectId: string;
  label: string;
  certificate: CertificateInfo;
}

export interface TokenSlot {
  /** CK_SLOT_ID as the module numbers it (decimal). */
  slotId: string;
  description: string;
  token: {
    label: string;
    manufacturer: string;
    model: string;
    serial: string;
    pinState: PinState;
    pinLength: { min: number; max: number };
  } | null;
  certificates: TokenCertificate[];
}

export interface PinRequest {
  tokenLabel: string;
  /** The certificate's common name (who is signing). */
  signer: string;
  pinState: PinState;
  pinLength: { min: number; max: number };
}
/** Asks the signer for the PIN; null = they cancelled. */
export type AskPin = (req: PinRequest) => Promise<string | null>;

let cached: Pkcs11Module | null = null;
/** pkcs11js is a native addon: loaded on first use only, so a machine without it still runs the rest of the app. */
function pkcs11js(): Pkcs11Module {
  if (!cached) {
    try {
      cached = createRequire(import.meta.url)('pkcs11js') as Pkcs11Module;
    } catch (e) {
      throw new TokenError(
        'module',
        `The USB-token support (pkcs11js) cannot be loaded on this computer: ${(e as Error).message}`,
      );
    }
  }
  return cached;
}

const trim = (s: string) => s.replace(/\0/gu, '').trim();
const slotNumber = (h: Handle): string => (h.length >= 8 ? h.readBigUInt64LE(0) : BigInt(h.readUInt32LE(0))).toString();

function pinStateOf(P: Pkcs11Module, flags: number): PinState {
  if (flags & P.CKF_USER_PIN_LOCKED) return 'locked';
  if (flags & P.CKF_USER_PIN_FINAL_TRY) return 'final-try';
  if (flags & P.CKF_USER_PIN_COUNT_LOW) return 'count-low';
  return 'ok';
}

/** The CKR_… name of a PKCS #11 error, or null for other errors. */
function ckrOf(e: unknown): string | null {
  const m = e instanceof Error ? /CKR_[A-Z_]+/u.exec(e.message) : null;
  return m ? m[0] : null;
}

/** Runs `fn` with the module loaded and initialised; finalises and unloads it afterwards. */
async function withModule<T>(modulePath: string, fn: (mod: Pkcs11Types.PKCS11, P: Pkcs11Module) => Promise<T> | T): Promise<T> {
  const P = pkcs11js();
  const mod = new P.PKCS11();
  try {
    mod.load(modulePath);
  } catch (e) {
    throw new TokenError('module', `The PKCS #11 module ${JSON.stringify(modulePath)} cannot be loaded: ${(e as Error).message}`);
  }
  let initialised = false;
  try {
    try {
      mod.C_Initialize();
      initialised = true;
    } catch (e) {
      // Another part of this process already initialised it: use it, leave it initialised.
      if (ckrOf(e) !== 'CKR_CRYPTOKI_ALREADY_INITIALIZED')
        throw new TokenError(
          'module',
          `The PKCS #11 module ${JSON.stringify(modulePath)} did not start: ${(e as Error).message}`,
          {
            ckr: ckrOf(e) ?? undefined,
          },
        );
    }
    return await fn(mod, P);
  } finally {
    if (initialised) {
      try {
        mod.C_Finalize();
      } catch {
        // Nothing more to do on a module that will not finalise.
      }
    }
    try {
      mod.close();
    } catch {
      // Same.
    }
  }
}

function findObjects(mod: Pkcs11Types.PKCS11, session: Handle, template: Pkcs11Types.Template): Handle[] {
  mod.C_FindObjectsInit(session, template);
  try {
    const out: Handle[] = [];
    for (let i = 0; i < 1000; i++) {
      const batch = mod.C_FindObjects(session, 50);
      if (batch.length === 0) break;
      out.push(...batch);
    }
    return out;
  } finally {
    mod.C_FindObjectsFinal(session);
  }
}

function readCertificates(mod: Pkcs11Types.PKCS11, P: Pkcs11Module, session: Handle): TokenCertificate[] {
  const out: TokenCertificate[] = [];
  for (const h of findObjects(mod, session, [
    { type: P.CKA_CLASS, value: P.CKO_CERTIFICATE },
    { type: P.CKA_CERTIFICATE_TYPE, value: P.CKC_X_509 },
  ])) {
    const [value, id, label] = mod.C_GetAttributeValue(session, h, [
      { type: P.CKA_VALUE },
      { type: P.CKA_ID },
      { type: P.CKA_LABEL },
    ]);
    try {
      out.push({
        objectId: Buffer.isBuffer(id?.value) ? id.value.toString('hex') : '',
        label: Buffer.isBuffer(label?.value) ? trim(label.value.toString('utf8')) : '',
        certificate: readCertificate(new Uint8Array(value!.value as Buffer)),
      });
    } catch {
      // A certificate object the app cannot parse is not offered for signing.
    }
  }
  return out;
}

/** Every slot of the module with its token (if any) and the certificates readable without a PIN. */
export function listTokens(modulePath: string): Promise<TokenSlot[]> {
  return withModule(modulePath, (mod, P) =>
    mod.C_GetSlotList(false).map((slot): TokenSlot => {
      const info = mod.C_GetSlotInfo(slot);
      const base = { slotId: slotNumber(slot), description: trim(info.slotDescription), token: null, certificates: [] };
      // CKF_TOKEN_PRESENT (0x1) is a slot flag pkcs11js does not export.
      if (!(info.flags & 0x1)) return base;
      let t: Pkcs11Types.TokenInfo;
      try {
        t = mod.C_GetTokenInfo(slot);
      } catch {
        return base;
      }
      // An uninitialised token (SoftHSM's spare slot, a blank card) has nothing to sign with.
      if (!(t.flags & P.CKF_TOKEN_INITIALIZED)) return base;
      let certificates: TokenCertificate[] = [];
      try {
        const session = mod.C_OpenSession(slot, P.CKF_SERIAL_SESSION);
        try {
          certificates = readCertificates(mod, P, session);
        } finally {
          mod.C_CloseSession(session);
        }
      } catch {
        // Some tokens show nothing before login; the slot is still listed.
      }
      return {
        ...base,
        token: {
          label: trim(t.label),
          manufacturer: trim(t.manufacturerID),
          model: trim(t.model),
          serial: trim(t.serialNumber),
          pinState: pinStateOf(P, t.flags),
          pinLength: { min: t.minPinLen, max: t.maxPinLen },
        },
        certificates,
      };
    }),
  );
}

export interface TokenKeyRequest {
  modulePath: string;
  slotId: string;
  /** SHA-256 fingerprint (hex) of the certificate to sign with, as listTokens showed it. */
  certificateFingerprint: string;
}

/**
 * Signs `data` once with the token's key for the chosen certificate, asking the PIN first.
 * `use` receives a SigningKey valid only during the call; the module is unloaded afterwards.
 */
export function withTokenKey<T>(req: TokenKeyRequest, askPin: AskPin, use: (key: SigningKey) => Promise<T>): Promise<T> {
  return withModule(req.modulePath, async (mod, P) => {
    const slot = mod.C_GetSlotList(true).find((s) => slotNumber(s) === req.slotId);
    if (!slot)
      throw new TokenError(
        'no-slot',
        `No token is present in slot ${req.slotId} of the module; plug the token in and choose it again`,
      );
    const tokenInfo = () => mod.C_GetTokenInfo(slot);
    const info = tokenInfo();
    const pinLength = { min: info.minPinLen, max: info.maxPinLen };
    const label = trim(info.label);
    const state = pinStateOf(P, info.flags);
    if (state === 'locked')
      throw new TokenError(
        'pin-locked',
        `The token "${label}" is locked after too many wrong PINs; its owner must unlock it with the PUK/SO PIN (the vendor's tool)`,
        {
          pinState: state,
        },
      );
    const session = mod.C_OpenSession(slot, P.CKF_SERIAL_SESSION);
    let loggedIn = false;
    try {
      const chosen = readCertificates(mod, P, session).find((c) => c.certificate.fingerprint === req.certificateFingerprint);
      if (!chosen)
        throw new TokenError('no-certificate', `The token "${label}" no longer holds the chosen certificate; choose it again`);
      const pin = await askPin({ tokenLabel: label, signer: chosen.certificate.commonName, pinState: state, pinLength });
      if (pin === null) throw new TokenError('cancelled', 'Signing was cancelled at the PIN prompt');
      try {
        mod.C_Login(session, P.CKU_USER, pin);
        loggedIn = true;
      } catch (e) {
        const ckr = ckrOf(e);
        if (ckr === 'CKR_USER_ALREADY_LOGGED_IN') loggedIn = true;
        else throw loginError(P, ckr, label, tokenInfo, pinLength, e);
      }
      const keyHandle = findPrivateKey(mod, P, session, chosen);
      const alwaysAuth = readBool(mod, session, keyHandle, P.CKA_ALWAYS_AUTHENTICATE);
      const mechanisms = new Set(mod.C_GetMechanismList(slot));
      const cert = chosen.certificate;
      const allCerts = readCertificates(mod, P, session)
        .filter((c) => c !== chosen)
        .map((c) => c.certificate.der);
      const key: SigningKey = {
        source: 'pkcs11',
        certificate: cert,
        chain: orderChain(cert.issuerDer, allCerts).filter((der) => {
          // Only issuers of the signer go into the signature, not the owner's other certificates.
          return readCertificate(der).isCa;
        }),
        sign: async (data) => {
          const { mechanism, input, ecdsaRaw } = mechanismFor(P, cert, mechanisms, data);
          mod.C_SignInit(session, { mechanism }, keyHandle);
          // Qualified-signature tokens ask the PIN again for every signature (CKA_ALWAYS_AUTHENTICATE).
          if (alwaysAuth) mod.C_Login(session, P.CKU_CONTEXT_SPECIFIC, pin);
          const out = mod.C_Sign(session, Buffer.from(input), Buffer.alloc(1024));
          return ecdsaRaw ? ecdsaRawToDer(out) : new Uint8Array(out);
        },
        close: () => undefined,
      };
      return await use(key);
    } catch (e) {
      if (e instanceof TokenError) throw e;
      const ckr = ckrOf(e);
      if (ckr === 'CKR_DEVICE_REMOVED' || ckr === 'CKR_TOKEN_NOT_PRESENT' || ckr === 'CKR_SESSION_HANDLE_INVALID')
        throw new TokenError('no-token', `The token "${label}" was removed while signing; plug it in and sign again`, { ckr });
      throw e;
    } finally {
      if (loggedIn) {
        try {
          mod.C_Logout(session);
        } catch {
          // The session ends below anyway.
        }
      }
      try {
        mod.C_CloseSession(session);
      } catch {
        // Token gone: nothing to close.
      }
    }
  });
}

function loginError(
  P: Pkcs11Module,
  ckr: string | null,
  label: string,
  tokenInfo: () => Pkcs11Types.TokenInfo,
  pinLength: { min: number; max: number },
  cause: unknown,
): TokenError {
  // The token's own state after the failed try: how many tries remain, as far as it says.
  let after: PinState = 'ok';
  try {
    after = pinStateOf(P, tokenInfo().flags);
  } catch {
    // A token that cannot answer any more keeps the state unknown ('ok').
  }
  if (ckr === 'CKR_PIN_LOCKED' || after === 'locked')
    return new TokenError(
      'pin-locked',
      `The token "${label}" is now locked after too many wrong PINs; its owner must unlock it with the PUK/SO PIN`,
      {
        pinState: 'locked',
        ckr: ckr ?? undefined,
      },
    );
  if (ckr === 'CKR_PIN_INCORRECT')
    return new TokenError(
      'pin-incorrect',
      `The PIN of the token "${label}" is not right${after === 'final-try' ? '; one try is left before the token locks' : after === 'count-low' ? '; the token says few tries are left' : ''}`,
      {
        pinState: after,
        ckr,
      },
    );
  if (ckr === 'CKR_PIN_LEN_RANGE' || ckr === 'CKR_PIN_INVALID')
    return new TokenError(
      'pin-length',
      `The PIN of the token "${label}" must have ${pinLength.min}–${pinLength.max} characters`,
      { ckr, pinLength, pinState: after },
    );
  return new TokenError('device', `The token "${label}" refused the login (${ckr ?? (cause as Error).message})`, {
    ckr: ckr ?? undefined,
  });
}

function findPrivateKey(mod: Pkcs11Types.PKCS11, P: Pkcs11Module, session: Handle, chosen: TokenCertificate): Handle {
  const keys = findObjects(mod, session, [{ type: P.CKA_CLASS, value: P.CKO_PRIVATE_KEY }]);
  const byId = keys.filter((h) => {
    const [id] = mod.C_GetAttributeValue(session, h, [{ type: P.CKA_ID }]);
    return Buffer.isBuffer(id?.value) && id.value.toString('hex') === chosen.objectId;
  });
  if (byId.length >= 1 && chosen.objectId !== '') return byId[0]!;
  // Without a matching CKA_ID, an RSA key is recognised by its modulus.
  if (chosen.certificate.keyType === 'rsa') {
    const jwk = chosen.certificate.publicKey.export({ format: 'jwk' });
    const modulus = Buffer.from(jwk.n!, 'base64url');
    for (const h of keys) {
      try {
        const [m] = mod.C_GetAttributeValue(session, h, [{ type: P.CKA_MODULUS }]);
        if (Buffer.isBuffer(m?.value) && stripZeros(m.value).equals(stripZeros(modulus))) return h;
      } catch {
        // Not an RSA key.
      }
    }
  }
  throw new TokenError('no-key', `The token holds the certificate of ${chosen.certificate.commonName} but not its private key`);
}

/** A CK_BBOOL attribute (pkcs11js answers it as a one-byte Buffer); false when the token does not know it. */
function readBool(mod: Pkcs11Types.PKCS11, session: Handle, obj: Handle, type: number): boolean {
  try {
    const [a] = mod.C_GetAttributeValue(session, obj, [{ type }]);
    return Buffer.isBuffer(a?.value) ? a.value[0] === 1 : a?.value === true;
  } catch {
    return false;
  }
}

const stripZeros = (b: Buffer): Buffer => {
  let i = 0;
  while (i < b.length - 1 && b[i] === 0) i++;
  return b.subarray(i);
};

/** DigestInfo prefix for SHA-256 (RFC 8017 §9.2 note 1), for tokens that only do raw CKM_RSA_PKCS. */
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');

function mechanismFor(
  P: Pkcs11Module,
  cert: CertificateInfo,
  mechanisms: Set<number>,
  data: Uint8Array,
): { mechanism: number; input: Uint8Array; ecdsaRaw: boolean } {
  const digest = () => crypto.createHash('sha256').update(data).digest();
  if (cert.keyType === 'rsa') {
    if (mechanisms.has(P.CKM_SHA256_RSA_PKCS)) return { mechanism: P.CKM_SHA256_RSA_PKCS, input: data, ecdsaRaw: false };
    if (mechanisms.has(P.CKM_RSA_PKCS))
      return { mechanism: P.CKM_RSA_PKCS, input: Buffer.concat([SHA256_DIGEST_INFO, digest()]), ecdsaRaw: false };
    throw new TokenError('device', 'The token offers no RSA PKCS #1 v1.5 signing mechanism');
  }
  if (cert.keyType === 'ec') {
    if (mechanisms.has(P.CKM_ECDSA_SHA256)) return { mechanism: P.CKM_ECDSA_SHA256, input: data, ecdsaRaw: true };
    if (mechanisms.has(P.CKM_ECDSA)) return { mechanism: P.CKM_ECDSA, input: digest(), ecdsaRaw: true };
    throw new TokenError('device', 'The token offers no ECDSA signing mechanism');
  }
  throw new TokenError('device', 'The certificate’s key is neither RSA nor EC');
}

/** PKCS #11 answers ECDSA as r ‖ s; CMS wants SEQUENCE { INTEGER r, INTEGER s }. */
export function ecdsaRawToDer(raw: Uint8Array): Uint8Array {
  const half = raw.length / 2;
  const int = (b: Uint8Array) => {
    let v = Buffer.from(stripZeros(Buffer.from(b)));
    if (v[0]! & 0x80) v = Buffer.concat([Buffer.of(0), v]);
    return Buffer.concat([Buffer.of(0x02, v.length), v]);
  };
  const body = Buffer.concat([int(raw.subarray(0, half)), int(raw.subarray(half))]);
  return Buffer.concat([body.length < 0x80 ? Buffer.of(0x30, body.length) : Buffer.of(0x30, 0x81, body.length), body]);
}
