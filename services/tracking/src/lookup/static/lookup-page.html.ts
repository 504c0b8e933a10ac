/**
 * The citizen's free status page (TT 17/2017 Đ12), where the QR code on the sending slip leads:
 * `/lookup/<reference>`. Static HTML with no data in it; the script asks for the PIN printed on the slip
 * and calls the JSON lookup, which returns no personal data.
 */
export const LOOKUP_HTML = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tra cứu hồ sơ gửi qua bưu điện</title>
<style>
  * { box-sizing: border-box; }
  body { margin:0; font:15px/1.5 system-ui, "Segoe UI", Roboto, sans-serif; color:#1d2733; background:#f4f6f9; }
  header { background:#0b5cad; color:#fff; padding:12px 18px; }
  header h1 { font-size:18px; margin:0; }
  main { max-width:640px; margin:18px auto; padding:0 14px; }
  form, section { background:#fff; border:1px solid #d9e0e8; border-radius:6px; padding:14px 16px; margin-bottom:14px; }
  label { display:block; font-size:13px; color:#5b6776; margin-top:8px; }
  input { width:100%; font-size:16px; padding:8px; border:1px solid #b8c2ce; border-radius:4px; }
  button { margin-top:12px; background:#0b5cad; color:#fff; border:0; border-radius:4px; padding:9px 18px; font-size:15px; cursor:pointer; }
  .status { font-size:17px; font-weight:600; }
  .error { color:#b3261e; }
  ol { padding-left:20px; } li { margin:6px 0; } .when { color:#5b6776; font-size:13px; }
</style>
</head>
<body>
<header><h1>Tra cứu tình trạng hồ sơ gửi qua dịch vụ bưu chính công ích</h1></header>
<main>
  <form id="lookup-form">
    <label for="reference">Mã hồ sơ, mã hồ sơ tạm hoặc số hiệu bưu gửi (in trên Phiếu gửi hồ sơ)</label>
    <input id="reference" name="reference" autocomplete="off" required maxlength="60">
    <label for="pin">Mã tra cứu (PIN, 6 chữ số, in cạnh mã QR)</label>
    <input id="pin" name="pin" inputmode="numeric" pattern="[0-9]{6}" maxlength="6" autocomplete="off" required>
    <button type="submit">Tra cứu</button>
    <p id="message" role="alert"></p>
  </form>
  <section id="result" hidden>
    <div id="procedure"></div>
    <p class="status" id="status"></p>
    <ol id="steps"></ol>
  </section>
</main>
<script src="/lookup/app.js"></script>
</body>
</html>
`;
