/**
 * The two small pages of the bridge's sign-in. Self-contained (no script, inline style only, which
 * the app's CSP allows), Vietnamese first then English: nobody is signed in yet, so there is no
 * language setting to follow.
 */

const STYLE = `
body { font-family: system-ui, "Segoe UI", Roboto, Arial, sans-serif; font-size: 18px; line-height: 1.5;
  color: #1a1b1e; background: #f8f9fa; margin: 0; }
main { max-width: 46rem; margin: 3rem auto; background: #fff; border: 1px solid #dee2e6; border-radius: 8px; padding: 2rem 2.5rem; }
h1 { font-size: 1.6rem; margin-top: 0; } h2 { font-size: 1.25rem; margin-top: 2rem; }
code { background: #f1f3f5; padding: 0.1rem 0.35rem; border-radius: 4px; font-size: 0.95em; }
ol li { margin: 0.4rem 0; } hr { border: 0; border-top: 1px solid #dee2e6; margin: 2rem 0; }
a.button { display: inline-block; background: #1c7ed6; color: #fff; padding: 0.6rem 1.2rem; border-radius: 6px; text-decoration: none; }
`;

const page = (title: string, body: string, head = ''): string =>
  `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>${head}<style>${STYLE}</style></head>
<body><main>${body}</main></body></html>`;

export type HowToOpenReason = 'no-session' | 'no-token' | 'used-or-wrong';

const REASON_VI: Record<HowToOpenReason, string> = {
  'no-session': 'Trình duyệt này chưa được mở bằng địa chỉ đăng nhập của ứng dụng.',
  'no-token': 'Địa chỉ này thiếu mã đăng nhập.',
  'used-or-wrong': 'Địa chỉ đăng nhập này đã được dùng rồi (mỗi địa chỉ chỉ dùng được một lần) hoặc không đúng.',
};
const REASON_EN: Record<HowToOpenReason, string> = {
  'no-session': 'This browser has not been opened with the app’s sign-in address.',
  'no-token': 'This address has no sign-in code.',
  'used-or-wrong': 'This sign-in address has already been used (each works once) or is wrong.',
};

/** What a browser sees without a session: how to open the app the right way, and why. */
export function howToOpenPage(opts: { reason: HowToOpenReason }): string {
  return page(
    'Hội đồng OCOP — cách mở ứng dụng',
    `<h1>Hội đồng OCOP: cần mở bằng địa chỉ đăng nhập</h1>
<p>${REASON_VI[opts.reason]}</p>
<ol>
<li>Mở cửa sổ lệnh nơi đang chạy <code>npm run ocop -- serve</code> (hoặc <code>npm start</code>).</li>
<li>Sao chép địa chỉ dạng <code>http://127.0.0.1:…/login?token=…</code> in ở đó và dán vào thanh địa chỉ của trình duyệt.
Chạy với <code>--open</code> thì trình duyệt tự mở đúng địa chỉ.</li>
<li>Mỗi địa chỉ chỉ dùng được một lần. Cần thêm một địa chỉ (trình duyệt khác): nhấn Enter trong cửa sổ lệnh đó,
hoặc dừng ứng dụng (Ctrl+C) rồi chạy lại.</li>
</ol>
<p>Vì sao: chỉ người đang ngồi trước máy và chạy ứng dụng mới mở được dữ liệu của hội đồng; trang web khác và
người dùng khác của máy tính này thì không.</p>
<hr>
<h2 lang="en">OCOP Council: open it with the sign-in address</h2>
<div lang="en">
<p>${REASON_EN[opts.reason]}</p>
<ol>
<li>Go to the terminal where <code>npm run ocop -- serve</code> (or <code>npm start</code>) is running.</li>
<li>Copy the address that looks like <code>http://127.0.0.1:…/login?token=…</code> into the browser’s address bar.
With <code>--open</code> the browser opens it for you.</li>
<li>Each address works once. For another one (a second browser), press Enter in that terminal, or stop the app
(Ctrl+C) and start it again.</li>
</ol>
<p>Why: only the person who started the app on this computer can open the council’s data; other web pages and
other users of this computer cannot.</p>
</div>`,
  );
}

/** After a successful sign-in: moves on to the app (a same-origin navigation, so the Strict cookie goes along). */
export function loggedInPage(): string {
  return page(
    'Hội đồng OCOP',
    `<p>Đã đăng nhập. <a class="button" href="/">Mở ứng dụng</a></p><p lang="en">Signed in. <a href="/">Open the app</a></p>`,
    '<meta http-equiv="refresh" content="0; url=/">',
  );
}
