/**
 * The operations dashboard's page shell: static HTML, no data and no secret in it (served publicly).
 * Data comes from authenticated JSON endpoints with the operations token the user pastes once; the
 * token stays in sessionStorage (gone when the tab closes) and is sent as a Bearer header.
 */
export const DASHBOARD_HTML = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Điều hành BCCI — Bảng theo dõi</title>
<style>
  :root { --ink:#1d2733; --muted:#5b6776; --line:#d9e0e8; --ok:#1f7a4d; --bad:#b3261e; --na:#8a94a3; --accent:#0b5cad; }
  * { box-sizing: border-box; }
  body { margin:0; font:14px/1.4 system-ui, "Segoe UI", Roboto, sans-serif; color:var(--ink); background:#f4f6f9; }
  header { background:var(--accent); color:#fff; padding:10px 20px; display:flex; align-items:center; gap:16px; }
  header h1 { font-size:18px; margin:0; flex:1; }
  header .meta { font-size:12px; opacity:.9; }
  main { padding:16px 20px; display:grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap:16px; }
  section { background:#fff; border:1px solid var(--line); border-radius:6px; padding:12px 14px; }
  section.wide { grid-column: 1 / -1; }
  h2 { font-size:15px; margin:0 0 8px; }
  table { border-collapse:collapse; width:100%; font-size:13px; }
  th, td { border-bottom:1px solid var(--line); padding:4px 6px; text-align:left; }
  td.num, th.num { text-align:right; font-variant-numeric: tabular-nums; }
  .pass { color:var(--ok); font-weight:600; } .fail { color:var(--bad); font-weight:600; } .na { color:var(--na); }
  .muted { color:var(--muted); font-size:12px; }
  #login { max-width:560px; margin:60px auto; background:#fff; padding:20px; border:1px solid var(--line); border-radius:6px; }
  #login textarea { width:100%; height:90px; font:12px monospace; }
  button { background:var(--accent); color:#fff; border:0; border-radius:4px; padding:6px 14px; cursor:pointer; }
  #error { color:var(--bad); min-height:1em; }
  .hidden { display:none !important; }
  svg text { font-size:11px; fill:var(--ink); }
</style>
</head>
<body>
<header>
  <h1>Điều hành dịch vụ bưu chính công ích (BCCI)</h1>
  <span class="meta" id="scope-label"></span>
  <span class="meta">Cập nhật: <span id="updated-at">—</span></span>
  <span class="meta" title="Số liệu trên trang chỉ mới đến mức này: sự kiện chưa ghi nhận, và độ trễ từ lúc sự kiện xảy ra đến lúc được ghi (p99, 1 phút gần nhất)">Độ trễ ghi nhận: <span id="tracking-lag" data-testid="tracking-lag">—</span></span>
  <button id="logout" class="hidden" type="button">Thoát</button>
</header>
<div id="login">
  <h2>Đăng nhập bằng mã truy cập điều hành</h2>
  <p class="muted">Dán mã truy cập (token) vai trò điều hành hoặc kiểm tra. Mã chỉ lưu trong phiên trình duyệt này.</p>
  <form id="login-form"><textarea id="token-input" aria-label="Mã truy cập"></textarea><p><button type="submit">Xem bảng theo dõi</button></p></form>
  <p id="error" role="alert"></p>
</div>
<main id="dashboard" class="hidden">
  <section class="wide">
    <h2>Tỷ lệ BCCI so với chỉ tiêu — <span id="period-label"></span></h2>
    <div id="ratios-chart"></div>
    <table id="ratios-table"><thead><tr><th>Mã</th><th>Chỉ tiêu</th><th class="num">Tử số</th><th class="num">Mẫu số</th><th class="num">Tỷ lệ</th><th class="num">Chỉ tiêu</th><th>Đánh giá</th></tr></thead><tbody></tbody></table>
    <p class="muted" id="denominator-note"></p>
    <p>Phiếu từ chối đã phát qua BCCI (kỳ; không phải kết quả, không tính vào R3): <strong id="refusal-slips-delivered" data-testid="refusal-slips-delivered">—</strong></p>
  </section>
  <section>
    <h2>Hồ sơ đang xử lý theo giai đoạn</h2>
    <div id="backlog-chart"></div>
  </section>
  <section>
    <h2>Sự kiện mỗi phút theo giai đoạn (<span id="minutes-label">30</span> phút gần nhất)</h2>
    <div id="throughput-chart"></div>
    <p class="muted">Tổng trong cửa sổ: <span id="throughput-total">0</span> sự kiện</p>
  </section>
  <section>
    <h2>Quá hạn (<span id="overdue-total">0</span>)</h2>
    <table id="overdue-table"><thead><tr><th>Hồ sơ</th><th>Đồng hồ</th><th>Bên chịu trách nhiệm</th><th>Hạn</th></tr></thead><tbody></tbody></table>
  </section>
  <section>
    <h2>Sắp đến hạn (<span id="at-risk-total">0</span>)</h2>
    <table id="at-risk-table"><thead><tr><th>Hồ sơ</th><th>Đồng hồ</th><th>Bên chịu trách nhiệm</th><th>Hạn</th></tr></thead><tbody></tbody></table>
  </section>
  <section class="wide">
    <h2>Sự kiện lỗi chờ người xử lý (dead letter): <span id="dead-letters-total" data-testid="dead-letters-total">—</span></h2>
    <p class="muted">Sự kiện bị từ chối vì chính nó (sai dữ liệu, vi phạm quy tắc), không phải vì cơ sở dữ liệu hay Kafka tạm ngừng. Xử lý xong thì phát lại: <code>npm run dlq:replay -- --topic &lt;topic&gt;.dlq</code>.</p>
    <table id="dead-letters-table"><thead><tr><th>Topic dead letter</th><th>Luồng gốc</th><th class="num">Số sự kiện</th></tr></thead><tbody></tbody></table>
  </section>
  <section class="wide">
    <h2>Theo điểm phục vụ bưu chính</h2>
    <table id="points-table"><thead><tr><th>Mã</th><th>Tên</th><th class="num">Tiếp nhận BCCI (kỳ)</th><th class="num">Đã phát kết quả (kỳ)</th><th class="num">Đang xử lý</th></tr></thead><tbody></tbody></table>
  </section>
</main>
<script src="/operations/app.js"></script>
</body>
</html>
`;
