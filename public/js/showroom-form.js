// Showroom order form: add and remove item rows, offer only the chosen product's options,
// prefill the catalog price and show the total. Without this file the form still sends
// one item (every option is listed, grouped by product; an empty price means the catalog's).
(function () {
  'use strict';
  var form = document.querySelector('form[data-showroom-form]');
  if (!form) return;
  var body = form.querySelector('[data-item-rows]');
  var addButton = form.querySelector('[data-add-item]');
  var total = form.querySelector('[data-total]');
  var MAX_ROWS = 20;
  // Every product's options, as the server rendered them, to rebuild each row's list from.
  var allOptions = body.querySelector('[data-option]').cloneNode(true);

  function rows() {
    return Array.prototype.slice.call(body.querySelectorAll('[data-item-row]'));
  }

  function catalogPrice(row) {
    var product = row.querySelector('[data-product]').selectedOptions[0];
    var option = row.querySelector('[data-option]').selectedOptions[0];
    if (!product || !product.value) return null;
    var extra = option && option.value ? Number(option.getAttribute('data-extra')) : 0;
    return Number(product.getAttribute('data-price')) + extra;
  }

  function showOptionsOf(row) {
    var select = row.querySelector('[data-option]');
    var productId = row.querySelector('[data-product]').value;
    var chosen = select.value;
    var group = allOptions.querySelector('optgroup[data-product-id="' + productId + '"]');
    select.innerHTML = '';
    var placeholder = document.createElement('option');
    placeholder.value = '';
    placeholder.textContent = group ? '옵션을 선택하세요' : '옵션 없음';
    select.appendChild(placeholder);
    if (group) {
      Array.prototype.forEach.call(group.children, function (option) {
        select.appendChild(option.cloneNode(true));
      });
    }
    select.value = chosen;
    if (select.value !== chosen) select.value = '';
  }

  function fillPrice(row) {
    var input = row.querySelector('[data-price-input]');
    if (input.dataset.edited === 'true') return;
    var price = catalogPrice(row);
    input.value = price === null ? '' : String(price);
  }

  function won(text) {
    var n = Number(String(text).replace(/[\s,]/g, ''));
    return Number.isFinite(n) ? n : 0;
  }

  function showTotal() {
    var sum = rows().reduce(function (acc, row) {
      var typed = row.querySelector('[data-price-input]').value.trim();
      var price = typed ? won(typed) : catalogPrice(row) || 0;
      return acc + price * won(row.querySelector('[name$="[quantity]"]').value);
    }, 0);
    total.textContent = '합계 ' + sum.toLocaleString('ko-KR') + '원';
    total.hidden = false;
  }

  // Field names carry the row's position (items[0][quantity]); keep them in order.
  function renumber() {
    var list = rows();
    list.forEach(function (row, index) {
      row.querySelectorAll('[name^="items["]').forEach(function (field) {
        field.name = field.name.replace(/^items\[\d+\]/, 'items[' + index + ']');
      });
      row.querySelector('[data-remove-item]').hidden = list.length === 1;
    });
    addButton.hidden = false;
    addButton.disabled = list.length >= MAX_ROWS;
  }

  function prepare(row) {
    var input = row.querySelector('[data-price-input]');
    // A price typed before (or kept from a refused submit) is the clerk's, not the catalog's.
    var price = catalogPrice(row);
    if (input.value.trim() && (price === null || won(input.value) !== price)) {
      input.dataset.edited = 'true';
    }
    showOptionsOf(row);
  }

  function clearRow(row) {
    row.querySelectorAll('.is-invalid').forEach(function (field) {
      field.classList.remove('is-invalid');
    });
    row.querySelectorAll('.invalid-feedback').forEach(function (message) {
      message.remove();
    });
    row.querySelector('[data-product]').value = '';
    row.querySelector('[name$="[quantity]"]').value = '1';
    var input = row.querySelector('[data-price-input]');
    input.value = '';
    delete input.dataset.edited;
    showOptionsOf(row);
  }

  body.addEventListener('change', function (event) {
    var row = event.target.closest('[data-item-row]');
    if (!row) return;
    if (event.target.matches('[data-product]')) showOptionsOf(row);
    if (event.target.matches('[data-product], [data-option]')) fillPrice(row);
    showTotal();
  });

  body.addEventListener('input', function (event) {
    if (event.target.matches('[data-price-input]')) {
      event.target.dataset.edited = event.target.value.trim() ? 'true' : '';
    }
    showTotal();
  });

  body.addEventListener('click', function (event) {
    var button = event.target.closest('[data-remove-item]');
    if (!button || rows().length === 1) return;
    button.closest('[data-item-row]').remove();
    renumber();
    showTotal();
  });

  addButton.addEventListener('click', function () {
    if (rows().length >= MAX_ROWS) return;
    var row = rows()[0].cloneNode(true);
    clearRow(row);
    body.appendChild(row);
    renumber();
    row.querySelector('[data-product]').focus();
    showTotal();
  });

  rows().forEach(prepare);
  renumber();
  showTotal();
})();
