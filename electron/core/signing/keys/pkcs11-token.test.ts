import { beforeAll, describe, expect, it, vi } from 'vitest';
import { signDocument } from '../sign-document';
import { anchors, minutesPdf, NOW, pdfsig, testPki, tmp } from '../test/signing-fixture';
import { makeSoftHsmToken, type TestToken } from '../test/softhsm';
import type { TestPki } from '../test/test-pki';
import { verifyPdfSignatures } from '../verify/verify-pdf';
import { listTokens, TokenError, withTokenKey, type AskPin } from './pkcs11-token';

// Real openssl, SoftHSM2, poppler and PDF work: generous on a loaded 2-core machine.
vi.setConfig({ testTimeout: 120_000 });

let pki: TestPki;
let token: TestToken;
let unsigned: Uint8Array;

beforeAll(async () => {
  pki = await testPki();
  token = makeSoftHsmToken(tmp('ocop-hsm-'), pki.secretary, [pki.ca]);
  unsigned = await minutesPdf();
}, 120_000);

const request = async (module: string) => {
  const slots = await listTokens(module);
  const slot = slots.find((s) => s.token?.label === token.label)!;
  const cert = slot.certificates.find((c) => c.certificate.commonName === 'Trần Thị Bích Ngọc')!;
  return { modulePath: module, slotId: slot.slotId, certificateFingerprint: cert.certificate.fingerprint };
};

const failure = async (p: Promise<unknown>): Promise<TokenError> => {
  const e = await p.catch((x: unknown) => x);
  expect(e).toBeInstanceOf(TokenError);
  return e as TokenError;
};

describe('PKCS #11 token (SoftHSM2)', () => {
  it('lists the token with each certificate’s subject, issuer and validity, before any PIN', async () => {
    const slots = await listTokens(token.module);
    const slot = slots.find((s) => s.token?.label === token.label);
    expect(slot?.token).toMatchObject({ manufacturer: 'SoftHSM project', pinState: 'ok' });
    expect(slot!.certificates.map((c) => c.certificate.commonName).sort()).toEqual([
      'CA Chuyên dùng Thử nghiệm',
      'Trần Thị Bích Ngọc',
    ]);
    const mine = slot!.certificates.find((c) => c.objectId === '01')!.certificate;
    expect(mine.issuer).toContain('CA Chuyên dùng Thử nghiệm');
    expect(mine.notAfter.getTime()).toBeGreaterThan(NOW.getTime());
    // SoftHSM keeps a spare, uninitialised slot: listed, with nothing to sign with.
    expect(slots.some((s) => s.token === null)).toBe(true);
  });

  it('signs the minutes through the module: pdfsig valid, our verify intact and trusted (chain from the token)', async () => {
    const askPin = vi.fn<AskPin>(async () => token.pin);
    const signed = await withTokenKey(await request(token.module), askPin, (key) =>
      signDocument(unsigned, key, { signingTime: NOW, fieldName: 'secretary' }),
    );
    expect(askPin).toHaveBeenCalledOnce();
    expect(askPin.mock.calls[0]![0]).toMatchObject({ tokenLabel: token.label, signer: 'Trần Thị Bích Ngọc', pinState: 'ok' });
    expect(pdfsig(signed.pdf)).toEqual([{ fieldName: 'secretary', commonName: 'Trần Thị Bích Ngọc', valid: true, total: true }]);
    const report = await verifyPdfSignatures(signed.pdf, { trustAnchors: anchors(pki) });
    expect(report.signatures[0]).toMatchObject({ intact: true, certificate: { chain: 'trusted' } });
  });

  it('a wrong PIN is refused with the token’s own state, and never appears in the error', async () => {
    const e = await failure(
      withTokenKey(
        await request(token.module),
        async () => '999999',
        async () => 'signed',
      ),
    );
    expect(e.problem).toBe('pin-incorrect');
    expect(e.extra).toMatchObject({ ckr: 'CKR_PIN_INCORRECT', pinState: 'count-low' });
    expect(JSON.stringify({ m: e.message, x: e.extra })).not.toContain('999999');
    // The right PIN still works (SoftHSM clears COUNT_LOW on success).
    await expect(
      withTokenKey(
        await request(token.module),
        async () => token.pin,
        async () => 'signed',
      ),
    ).resolves.toBe('signed');
  });

  it('a token that locks after 3 wrong PINs: count low, final try, locked; then refused before asking the PIN', async () => {
    token.resetCount();
    const module = token.countingModule;
    const states: (string | undefined)[] = [];
    for (let i = 0; i < 3; i++) {
      const e = await failure(
        withTokenKey(
          await request(module),
          async () => '000000',
          async () => 'signed',
        ),
      );
      states.push(`${e.problem}/${e.extra.pinState}`);
    }
    expect(states).toEqual(['pin-incorrect/count-low', 'pin-incorrect/final-try', 'pin-locked/locked']);
    const slots = await listTokens(module);
    expect(slots.find((s) => s.token?.label === token.label)!.token!.pinState).toBe('locked');
    const askPin = vi.fn<AskPin>(async () => token.pin);
    const e = await failure(withTokenKey(await request(module), askPin, async () => 'signed'));
    expect(e.problem).toBe('pin-locked');
    expect(askPin).not.toHaveBeenCalled();
    token.resetCount();
  });

  it('the module that read the tokens is remembered for this computer', async () => {
    const { memoryCore } = await import('../../test/fixtures');
    const { invoke } = await import('../../api');
    const core = await memoryCore();
    core.ctx.askPin = async () => null;
    expect(await invoke(core.ctx, 'signatures:lastModule', {})).toEqual({ ok: true, value: { modulePath: null } });
    expect((await invoke(core.ctx, 'signatures:tokens', { modulePath: token.module })).ok).toBe(true);
    expect(await invoke(core.ctx, 'signatures:lastModule', {})).toEqual({ ok: true, value: { modulePath: token.module } });
    core.close();
  });

  it('cancelling the PIN prompt, a missing slot and a module that does not load are told apart', async () => {
    expect(
      (
        await failure(
          withTokenKey(
            await request(token.module),
            async () => null,
            async () => 'x',
          ),
        )
      ).problem,
    ).toBe('cancelled');
    const req = await request(token.module);
    expect(
      (
        await failure(
          withTokenKey(
            { ...req, slotId: '424242' },
            async () => token.pin,
            async () => 'x',
          ),
        )
      ).problem,
    ).toBe('no-slot');
    expect(
      (
        await failure(
          withTokenKey(
            { ...req, certificateFingerprint: '00'.repeat(32) },
            async () => token.pin,
            async () => 'x',
          ),
        )
      ).problem,
    ).toBe('no-certificate');
    expect((await failure(listTokens('/nonexistent/vendor-pkcs11.so'))).problem).toBe('module');
  });
});
