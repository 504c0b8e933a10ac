/** Script of the citizen lookup page: fills the reference from the URL, calls the JSON lookup, renders steps. */
export const LOOKUP_JS = `(function () {
  var form = document.getElementById('lookup-form');
  var reference = document.getElementById('reference');
  var pin = document.getElementById('pin');
  var message = document.getElementById('message');
  var result = document.getElementById('result');
  var fromPath = decodeURIComponent(location.pathname.replace(/^\\/lookup\\/?/, ''));
  if (fromPath) reference.value = fromPath;
  (fromPath ? pin : reference).focus();

  function text(tag, value, className) {
    var element = document.createElement(tag);
    element.textContent = value;
    if (className) element.className = className;
    return element;
  }
  function when(iso) {
    return new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    message.textContent = 'Đang tra cứu…';
    message.className = '';
    result.hidden = true;
    var query = '?reference=' + encodeURIComponent(reference.value.trim()) + '&pin=' + encodeURIComponent(pin.value.trim());
    fetch('/public/lookup' + query).then(function (response) {
      return response.json().then(function (body) { return { ok: response.ok, body: body }; });
    }).then(function (answer) {
      if (!answer.ok) {
        message.textContent = answer.body.messageVi || 'Không tra cứu được hồ sơ. Vui lòng kiểm tra lại mã hồ sơ và mã tra cứu.';
        message.className = 'error';
        return;
      }
      var view = answer.body;
      message.textContent = '';
      document.getElementById('procedure').textContent = view.procedureVi ? 'Thủ tục: ' + view.procedureVi : '';
      document.getElementById('status').textContent =
        view.status.stageVi + (view.status.nationalStatusVi ? ' — ' + view.status.nationalStatusVi : '') + ' (từ ' + when(view.status.since) + ')';
      var steps = document.getElementById('steps');
      steps.textContent = '';
      view.steps.forEach(function (step) {
        var item = document.createElement('li');
        item.appendChild(text('div', step.stepVi + (step.placeVi ? ' — ' + step.placeVi : '')));
        item.appendChild(text('div', when(step.at), 'when'));
        steps.appendChild(item);
      });
      result.hidden = false;
    }).catch(function () {
      message.textContent = 'Không kết nối được máy chủ. Vui lòng thử lại sau.';
      message.className = 'error';
    });
  });
})();
`;
