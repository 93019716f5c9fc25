// Small progressive enhancements; every page works without this file.
(function () {
  'use strict';
  // A double click must not submit a form twice.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    var question = form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
      event.preventDefault();
      return;
    }
    if (!form.hasAttribute('data-once')) return;
    if (form.dataset.submitted === 'true') {
      event.preventDefault();
      return;
    }
    form.dataset.submitted = 'true';
    form.querySelectorAll('button[type="submit"]').forEach(function (button) {
      button.disabled = true;
    });
  });
  // Inline scripts are refused by the content security policy, so print buttons ask here.
  document.addEventListener('click', function (event) {
    var target = event.target;
    if (target instanceof Element && target.closest('[data-print]')) window.print();
  });
})();

// Uploads go through XHR: the CSRF token travels in a header (the multipart body is parsed
// after the CSRF check) and the clerk sees the upload progress of a large file.
(function () {
  'use strict';
  var token = document.querySelector('meta[name="csrf-token"]');
  document.querySelectorAll('form[data-upload]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var bar = form.querySelector('[data-upload-progress]');
      var status = form.querySelector('[data-upload-status]');
      var button = form.querySelector('button[type="submit"]');
      button.disabled = true;
      bar.classList.remove('d-none');
      status.classList.remove('d-none');
      status.textContent = '파일을 올리는 중…';
      var xhr = new XMLHttpRequest();
      xhr.open('POST', form.action);
      xhr.setRequestHeader('x-csrf-token', token ? token.content : '');
      xhr.upload.onprogress = function (e) {
        if (!e.lengthComputable) return;
        var pct = Math.round((e.loaded / e.total) * 100);
        bar.firstElementChild.style.width = pct + '%';
        if (pct === 100) status.textContent = '파일을 분석하는 중… 큰 파일은 몇 초 걸립니다.';
      };
      xhr.onload = function () {
        if (xhr.responseURL && xhr.responseURL !== form.action) {
          window.location.href = xhr.responseURL;
          return;
        }
        document.open();
        document.write(xhr.responseText);
        document.close();
      };
      xhr.onerror = function () {
        button.disabled = false;
        status.textContent = '업로드하지 못했습니다. 네트워크를 확인하고 다시 시도하세요.';
      };
      xhr.send(new FormData(form));
    });
  });

  // Commit progress: polls until the import is applied, then reloads to show the result.
  document.querySelectorAll('[data-import-progress]').forEach(function (box) {
    var total = Number(box.getAttribute('data-total')) || 0;
    var barEl = box.querySelector('.progress-bar');
    var text = box.querySelector('[data-progress-text]');
    function poll() {
      fetch(box.getAttribute('data-import-progress'), { headers: { accept: 'application/json' } })
        .then(function (r) { return r.json(); })
        .then(function (p) {
          if (p.status !== 'COMMITTING') { window.location.reload(); return; }
          var pct = total ? Math.min(100, Math.round((p.rows / total) * 100)) : 0;
          barEl.style.width = pct + '%';
          text.textContent = p.rows.toLocaleString('ko-KR') + ' / ' + total.toLocaleString('ko-KR') + '행 반영 중…';
          setTimeout(poll, 700);
        })
        .catch(function () { setTimeout(poll, 2000); });
    }
    poll();
  });
})();

// Background job progress (region re-classify): the import poller above counts rows of one
// batch; this one reads { status, processed, total, changed } and reloads when the job ends.
(function () {
  'use strict';
  document.querySelectorAll('[data-job-progress]').forEach(function (box) {
    var bar = box.querySelector('.progress-bar');
    var text = box.querySelector('[data-progress-text]');
    var n = function (v) { return Number(v || 0).toLocaleString('ko-KR'); };
    function poll() {
      fetch(box.getAttribute('data-job-progress'), { headers: { accept: 'application/json' } })
        .then(function (r) { return r.json(); })
        .then(function (p) {
          if (p.status !== 'running') { window.location.reload(); return; }
          var pct = p.total ? Math.min(100, Math.round((p.processed / p.total) * 100)) : 100;
          bar.style.width = pct + '%';
          text.textContent = n(p.processed) + ' / ' + n(p.total) + '건 확인 · ' + n(p.changed) + '건 변경';
          setTimeout(poll, 1000);
        })
        .catch(function () { setTimeout(poll, 2000); });
    }
    setTimeout(poll, 500);
  });
})();

// "Select all" checkboxes on list pages.
document.querySelectorAll('[data-select-all]').forEach(function (box) {
  box.addEventListener('change', function () {
    box.form.querySelectorAll('input[name="' + box.dataset.selectAll + '"]').forEach(function (c) {
      c.checked = box.checked;
    });
  });
});
