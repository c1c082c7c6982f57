import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import type { CriteriaSet } from '../../shared/ocop/criteria-set';
import type { ServedApp } from '../fixtures';
import { arrangeRound, startSession } from './arrange';

/** The loopback address standing in for the meeting room's Wi-Fi (tests never bind a LAN address). */
export const ROOM_ADDRESS = '127.0.0.2';
/** `ocop serve` options for these tests: the only address offered is 127.0.0.2, on a free port. */
export const ROOM_SERVE_ARGS = ['--lan-address', ROOM_ADDRESS, '--lan-port', '0'];

export interface RoomMember {
  id: number;
  name: string;
  pin: string;
}

export interface RoomSession {
  sessionId: number;
  members: RoomMember[];
  /** One registration per member, in the same order (each device scores a different product). */
  registrations: { id: number; name: string }[];
  set: CriteriaSet;
}

const NAMES = [
  'Nguyễn Văn An',
  'Trần Thị Bình',
  'Lê Văn Cường',
  'Phạm Thị Dung',
  'Hoàng Văn Em',
  'Vũ Thị Giang',
  'Đặng Văn Hải',
  'Bùi Thị Khánh',
  'Đỗ Văn Long',
];
const PRODUCTS = [
  'Mứt sen sấy dẻo',
  'Trà sen Tháp Mười',
  'Bánh phồng tôm',
  'Nước mắm cá linh',
  'Kẹo dừa sáp',
  'Gạo thơm Đồng Tháp',
  'Xoài cát Hòa Lộc sấy',
  'Nem Lai Vung',
  'Bột sen nguyên chất',
];

/** A session in progress with `n` scoring members (each with a PIN) and `n` products on set 07. */
export async function arrangeRoomSession(app: ServedApp, n = 9): Promise<RoomSession> {
  const { roundId, registrations } = await arrangeRound(app, PRODUCTS.slice(0, n));
  const roles = ['chair', 'vice_chair', ...Array<string>(n - 2).fill('member')];
  const council = await app.api<{ council: { id: number }; members: { id: number; fullName: string }[] }>('councils:create', {
    name: 'Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Đồng Tháp',
    level: 'provincial',
    members: [
      ...NAMES.slice(0, n).map((fullName, i) => ({
        fullName,
        role: roles[i]!,
        activeFrom: '2026-01-01',
        position: 'Thành viên',
      })),
      { fullName: 'Võ Thị Thư', role: 'secretary', activeFrom: '2026-01-01', position: 'Chuyên viên' },
    ],
  });
  const members: RoomMember[] = NAMES.slice(0, n).map((name, i) => ({
    id: council.members.find((m) => m.fullName === name)!.id,
    name,
    pin: String(1000 + i * 1111).slice(0, 4),
  }));
  for (const m of members) await app.api('scoring:setPin', { memberId: m.id, pin: m.pin });
  const { sessionId, set } = await startSession(app, {
    councilId: council.council.id,
    roundId,
    registrationIds: registrations.map((r) => r.id),
  });
  return { sessionId, members, registrations, set };
}

export interface RoomInfo {
  url: string;
  pairingCode: string;
  fingerprint: string | null;
}

export async function startRoom(app: ServedApp, sessionId: number, plainHttp = false): Promise<RoomInfo> {
  const s = await app.api<{ room: RoomInfo }>('room:start', {
    sessionId,
    address: ROOM_ADDRESS,
    ...(plainHttp ? { plainHttp } : {}),
  });
  return s.room;
}

export type DeviceKind = 'phone' | 'tablet' | 'laptop';

/** A browser context as a member's device: a phone (390×844, touch), a tablet (820×1180, touch) or a laptop. */
export async function deviceContext(browser: Browser, kind: DeviceKind): Promise<BrowserContext> {
  const size =
    kind === 'phone'
      ? { width: 390, height: 844 }
      : kind === 'tablet'
        ? { width: 820, height: 1180 }
        : { width: 1366, height: 768 };
  return browser.newContext({
    viewport: size,
    screen: size,
    hasTouch: kind !== 'laptop',
    isMobile: kind === 'phone',
    deviceScaleFactor: 1,
    // The installation's certificate is self-signed: the test accepts it as a member does after
    // checking the fingerprint (lan-listener.test.ts checks it is the installation's).
    ignoreHTTPSErrors: true,
    locale: 'vi-VN',
  });
}

/**
 * Pairs the device as a member: the code, the name, the PIN. `atStep` runs on each of the three
 * screens once it is filled in (e.g. an accessibility check), before moving on.
 */
export async function pairDevice(
  page: Page,
  room: RoomInfo,
  member: RoomMember,
  atStep?: (step: 'code' | 'who' | 'pin') => Promise<void>,
): Promise<void> {
  await page.goto(room.url);
  await page.getByTestId('pair-code').fill(room.pairingCode);
  await atStep?.('code');
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await expect(page.getByTestId(`pair-member-${member.id}`)).toBeVisible();
  await atStep?.('who');
  await page.getByTestId(`pair-member-${member.id}`).click();
  await page.getByTestId('pair-pin').fill(member.pin);
  await atStep?.('pin');
  await page.getByRole('button', { name: 'Ghép nối' }).click();
  await expect(page.getByRole('heading', { name: `Sản phẩm của ${member.name}` })).toBeVisible({ timeout: 30_000 });
}

/** The sheet rows of a member's sheet, straight from the SQLite file. */
export function readSheets(dataDir: string, sessionId: number) {
  const db = new Database(path.join(dataDir, 'ocop.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const sheets = db
      .prepare('SELECT id, member_id, registration_id, status, total_points FROM score_sheet WHERE session_id = ?')
      .all(sessionId) as { id: number; member_id: number; registration_id: number; status: string; total_points: number }[];
    const answers = (sheetId: number) =>
      new Map(
        (
          db.prepare('SELECT criterion_code, level_index FROM score_answer WHERE sheet_id = ?').all(sheetId) as {
            criterion_code: string;
            level_index: number | null;
          }[]
        ).map((r) => [r.criterion_code, r.level_index]),
      );
    const levelEvents = (sheetId: number) =>
      db
        .prepare("SELECT target, level_index FROM score_answer_event WHERE sheet_id = ? AND kind = 'level' ORDER BY seq")
        .all(sheetId) as {
        target: string;
        level_index: number | null;
      }[];
    return sheets.map((s) => ({ ...s, answers: answers(s.id), events: levelEvents(s.id) }));
  } finally {
    db.close();
  }
}

export function countRows(dataDir: string, table: string): number {
  const db = new Database(path.join(dataDir, 'ocop.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}
