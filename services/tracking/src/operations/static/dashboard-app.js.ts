/**
 * The dashboard's script (plain browser JavaScript, no build step): reads the token from sessionStorage,
 * polls the JSON endpoints every few seconds and draws the charts as inline SVG. Every figure is written
 * with textContent (never innerHTML) so nothing from the data can inject markup.
 */
export const DASHBOARD_JS = `(() => {
  'use strict';
  const REFRESH_MS = Number(new URLSearchParams(location.search).get('refreshMs')) || 3000;
  const KEY = 'bcci.operations.token';
  const STAGE_VI = { intake: 'Tiếp nhận', digitization: 'Số hoá', forwarding: 'Chuyển đến cơ quan', agency: 'Cơ quan giải quyết', return: 'Trả kết quả' };
  const CLOCK_VI = { POSTAL_TO_AGENCY: 'Chuyển đến cơ quan (J+n)', AGENCY_PROCESSING: 'Cơ quan giải quyết', POSTAL_TO_RECIPIENT: 'Trả kết quả (J+n)' };
  const PARTY_VI = { POSTAL: 'Bưu chính', AGENCY: 'Cơ quan' };
  const RATIO_VI = { R1: 'TTHC có hồ sơ BCCI', R2: 'Hồ sơ tiếp nhận qua BCCI', R3: 'Kết quả đã phát qua BCCI', R3_REGISTERED: 'Kết quả đăng ký trả qua BCCI' };
  const COLORS = { intake: '#0b5cad', digitization: '#7b4fb0', forwarding: '#c77700', agency: '#1f7a4d', return: '#b3261e' };
  const $ = (id) => document.getElementById(id);
  const NS = 'http://www.w3.org/2000/svg';
  let timer = null;

  const fmt = (n) => (n === null || n === undefined ? '—' : Number(n).toLocaleString('vi-VN'));
  const pct = (n) => (n === null || n === undefined ? 'chưa tính được' : Number(n).toLocaleString('vi-VN', { maximumFractionDigits: 2 }) + '%');

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function svg(tag, attrs, text) {
    const node = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    if (text !== undefined) node.textContent = text;
    return node;
  }
  /** A chart that scales to its card: drawn in its own units, shown at the card's width. */
  function sized(width, height, label) {
    return svg('svg', { viewBox: '0 0 ' + width + ' ' + height, width: '100%', preserveAspectRatio: 'xMinYMin meet', role: 'img', 'aria-label': label, style: 'max-width:' + width + 'px' });
  }
  function row(cells, attrs) {
    const tr = el('tr', attrs);
    for (const c of cells) tr.appendChild(typeof c === 'object' && c !== null && c.nodeType ? c : el('td', {}, c === null ? '' : String(c)));
    return tr;
  }
  function numCell(value, testid) { return el('td', { class: 'num', 'data-testid': testid }, fmt(value)); }

  async function api(path) {
    const response = await fetch(path, { headers: { Authorization: 'Bearer ' + sessionStorage.getItem(KEY), Accept: 'application/json' } });
    if (response.status === 401 || response.status === 403) { const body = await response.json().catch(() => ({})); throw Object.assign(new Error(body.messageVi || 'Không có quyền'), { auth: true }); }
    if (!response.ok) throw new Error('HTTP ' + response.status);
    return response.json();
  }

  function drawRatios(report) {
    $('period-label').textContent = report.period.label + ' (' + report.period.start + ' – ' + report.period.end + ')';
    const width = 820, rowH = 34, left = 270, scale = (width - left - 110) / 100;
    const chart = sized(width, report.ratios.length * rowH + 24, 'Tỷ lệ BCCI so với chỉ tiêu');
    report.ratios.forEach((r, i) => {
      const y = 10 + i * rowH;
      chart.appendChild(svg('text', { x: 0, y: y + 15 }, RATIO_VI[r.code] + ' (' + r.code.replace('_REGISTERED', 'đk') + ')'));
      chart.appendChild(svg('rect', { x: left, y, width: 100 * scale, height: 20, fill: '#eef2f6' }));
      const value = r.percent === null ? 0 : Math.min(100, r.percent);
      chart.appendChild(svg('rect', { x: left, y, width: value * scale, height: 20, fill: r.pass === null ? '#8a94a3' : r.pass ? '#1f7a4d' : '#b3261e', 'data-ratio': r.code }));
      chart.appendChild(svg('line', { x1: left + r.target * scale, x2: left + r.target * scale, y1: y - 3, y2: y + 23, stroke: '#1d2733', 'stroke-width': 2, 'stroke-dasharray': '3,2' }));
      chart.appendChild(svg('text', { x: left + 100 * scale + 6, y: y + 15 }, pct(r.percent)));
    });
    $('ratios-chart').replaceChildren(chart);
    const body = $('ratios-table').tBodies[0];
    body.replaceChildren(...report.ratios.map((r) => {
      const verdict = r.pass === null ? ['na', 'Chưa tính được'] : r.pass ? ['pass', 'Đạt'] : ['fail', 'Chưa đạt'];
      return row([
        el('td', {}, r.code), el('td', {}, RATIO_VI[r.code]),
        numCell(r.numerator, 'ratio-' + r.code + '-numerator'), numCell(r.denominator, 'ratio-' + r.code + '-denominator'),
        el('td', { class: 'num', 'data-testid': 'ratio-' + r.code + '-percent' }, pct(r.percent)),
        el('td', { class: 'num' }, '> ' + r.target + '%'),
        el('td', { class: verdict[0], 'data-testid': 'ratio-' + r.code + '-pass' }, verdict[1]),
      ]);
    }));
    // Refusal slips are shown beside the ratios, never in them (domain.md §6: R3 counts results only).
    const slips = report.indicators.find((i) => i.code === 'REFUSAL_SLIPS_DELIVERED');
    $('refusal-slips-delivered').textContent = fmt(slips ? slips.value : null);
    const d = report.denominators;
    $('denominator-note').textContent = d.available
      ? 'Mẫu số mọi kênh: ' + fmt(d.resolved) + ' hồ sơ đã giải quyết, ' + fmt(d.received) + ' hồ sơ tiếp nhận, ' + d.procedures.length + ' TTHC (hệ thống một cửa).'
      : 'Chưa có số liệu mẫu số (mọi kênh) của hệ thống một cửa cho kỳ này: tỷ lệ chưa tính được.';
  }

  function drawBacklog(backlog) {
    const stages = Object.keys(STAGE_VI);
    const max = Math.max(1, ...stages.map((s) => backlog[s] || 0));
    const width = 460, rowH = 26, left = 140, scale = (width - left - 50) / max;
    const chart = sized(width, stages.length * rowH + 10, 'Hồ sơ đang xử lý theo giai đoạn');
    stages.forEach((s, i) => {
      const y = 5 + i * rowH;
      chart.appendChild(svg('text', { x: 0, y: y + 14 }, STAGE_VI[s]));
      chart.appendChild(svg('rect', { x: left, y, width: Math.max(1, (backlog[s] || 0) * scale), height: 18, fill: COLORS[s] }));
      chart.appendChild(svg('text', { x: left + (backlog[s] || 0) * scale + 6, y: y + 14, 'data-testid': 'backlog-' + s }, String(backlog[s] || 0)));
    });
    $('backlog-chart').replaceChildren(chart);
  }

  function drawTrackingLag(lag) {
    const behind = lag.brokerAvailable ? fmt(lag.messagesBehind) + ' sự kiện chưa ghi' : 'không hỏi được Kafka';
    const recent = lag.recentSeconds.p99 === null ? 'không có sự kiện trong 1 phút qua' : 'p99 ' + lag.recentSeconds.p99.toFixed(1) + ' giây';
    $('tracking-lag').textContent = behind + ', ' + recent;
  }

  function drawDeadLetters(deadLetters) {
    $('dead-letters-total').textContent = deadLetters.available ? fmt(deadLetters.total) : 'không hỏi được Kafka';
    $('dead-letters-table').tBodies[0].replaceChildren(...deadLetters.topics.map((t) =>
      row([el('td', {}, t.topic), el('td', {}, t.originalTopic), numCell(t.count, 'dead-letters-' + t.topic)])));
  }

  function drawThroughput(throughput, generatedAt) {
    $('minutes-label').textContent = throughput.minutes;
    const minutes = [];
    const now = Date.parse(generatedAt); // the service's clock: the minutes it counted, whatever the browser's clock says
    for (let i = throughput.minutes - 1; i >= 0; i--) {
      const t = new Date(now - i * 60000 + 7 * 3600000).toISOString().slice(0, 16);
      minutes.push(t);
    }
    const byKey = new Map(throughput.series.map((p) => [p.minute + '|' + p.stage, p.events]));
    const totals = minutes.map((m) => Object.keys(STAGE_VI).reduce((a, s) => a + (byKey.get(m + '|' + s) || 0), 0));
    const max = Math.max(1, ...totals);
    const width = 560, height = 150, barW = (width - 30) / minutes.length;
    const chart = sized(width, height + 46, 'Sự kiện mỗi phút theo giai đoạn');
    minutes.forEach((m, i) => {
      let y = height;
      for (const s of Object.keys(STAGE_VI)) {
        const v = byKey.get(m + '|' + s) || 0;
        if (!v) continue;
        const h = (v / max) * (height - 10);
        y -= h;
        chart.appendChild(svg('rect', { x: 30 + i * barW, y, width: Math.max(1, barW - 1), height: h, fill: COLORS[s] }, undefined));
      }
    });
    chart.appendChild(svg('text', { x: 0, y: 12 }, String(max)));
    chart.appendChild(svg('text', { x: 0, y: height }, '0'));
    Object.keys(STAGE_VI).forEach((s, i) => {
      const lx = 30 + (i % 3) * 175, ly = height + 8 + Math.floor(i / 3) * 18;
      chart.appendChild(svg('rect', { x: lx, y: ly, width: 10, height: 10, fill: COLORS[s] }));
      chart.appendChild(svg('text', { x: lx + 14, y: ly + 9 }, STAGE_VI[s]));
    });
    $('throughput-chart').replaceChildren(chart);
    $('throughput-total').textContent = String(throughput.series.reduce((a, p) => a + p.events, 0));
  }

  function drawClocks(id, totalId, page) {
    $(totalId).textContent = String(page.total);
    $(id).tBodies[0].replaceChildren(...page.items.map((c) => row([
      c.dossierCode || c.provisionalDossierId || c.dossierId, CLOCK_VI[c.kind] || c.kind || c.clockKey, PARTY_VI[c.party] || c.party, c.dueDate || '—',
    ], { 'data-party': c.party })));
  }

  function drawPoints(points) {
    $('points-table').tBodies[0].replaceChildren(...points.map((p) => row([
      p.postalCode, p.name, numCell(p.received, 'point-' + p.postalCode + '-received'), numCell(p.delivered, 'point-' + p.postalCode + '-delivered'), numCell(p.backlog, 'point-' + p.postalCode + '-backlog'),
    ], { 'data-postal-code': p.postalCode })));
  }

  async function refresh() {
    try {
      const [summary, overdue, atRisk] = await Promise.all([
        api('/operations/summary'),
        api('/clocks/overdue?limit=10').catch(() => ({ total: 0, items: [] })),
        api('/clocks/at-risk?limit=10').catch(() => ({ total: 0, items: [] })),
      ]);
      $('scope-label').textContent = summary.scope.kind === 'province' ? 'Tỉnh ' + summary.scope.code : 'Toàn bộ';
      drawRatios(summary.ratios);
      drawBacklog(summary.backlog);
      drawThroughput(summary.throughput, summary.generatedAt);
      drawClocks('overdue-table', 'overdue-total', overdue);
      drawClocks('at-risk-table', 'at-risk-total', atRisk);
      drawPoints(summary.postalPoints);
      drawDeadLetters(summary.deadLetters);
      drawTrackingLag(summary.trackingLag);
      $('updated-at').textContent = new Date(summary.generatedAt).toLocaleTimeString('vi-VN');
      $('updated-at').setAttribute('data-generated-at', summary.generatedAt);
      $('error').textContent = '';
    } catch (error) {
      if (error.auth) { logout(error.message); return; }
      $('updated-at').textContent = 'lỗi kết nối, thử lại…';
    }
  }

  function show(loggedIn) {
    $('login').classList.toggle('hidden', loggedIn);
    $('dashboard').classList.toggle('hidden', !loggedIn);
    $('logout').classList.toggle('hidden', !loggedIn);
  }
  function start() {
    show(true);
    refresh();
    clearInterval(timer);
    timer = setInterval(refresh, REFRESH_MS);
  }
  function logout(message) {
    sessionStorage.removeItem(KEY);
    clearInterval(timer);
    show(false);
    $('error').textContent = message || '';
  }
  $('login-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const token = $('token-input').value.trim().replace(/^Bearer\\s+/i, '');
    if (!token) return;
    sessionStorage.setItem(KEY, token);
    $('token-input').value = '';
    start();
  });
  $('logout').addEventListener('click', () => logout(''));
  if (sessionStorage.getItem(KEY)) start(); else show(false);
})();
`;
