// Card wizard, progressive enhancement only: every form works without this file.
// Adds remaining-byte counters to fields with data-max-bytes, a live card preview, a store filter and a size check
// for pictures before they are uploaded.
(function () {
  'use strict';
  var english = document.documentElement.lang === 'en';
  var encoder = new TextEncoder();

  function bytes(text) { return encoder.encode(text).length; }

  document.querySelectorAll('[data-max-bytes]').forEach(function (input) {
    var max = parseInt(input.getAttribute('data-max-bytes'), 10);
    var counter = document.createElement('span');
    counter.className = 'wizard-counter';
    counter.id = input.id + '-counter';
    counter.setAttribute('aria-live', 'polite');
    input.insertAdjacentElement('afterend', counter);
    // The live counter says the limit: the static hint (for pages without script) would say it a second time.
    var hint = document.getElementById(input.id + '-limit');
    if (hint) { hint.hidden = true; }
    function update() {
      var left = max - bytes(input.value);
      counter.textContent = english
        ? (left >= 0 ? left + ' bytes left (about ' + Math.floor(left / 3) + ' Chinese characters)' : (-left) + ' bytes too many')
        : (left >= 0 ? '还可输入 ' + left + ' 字节（约 ' + Math.floor(left / 3) + ' 个汉字）' : '超出 ' + (-left) + ' 字节');
      counter.classList.toggle('over', left < 0);
    }
    input.addEventListener('input', update);
    update();
  });

  // A field's error from the last submit goes once the field is changed: "必填。" must not stay under a filled field.
  document.querySelectorAll('.has-error').forEach(function (field) {
    field.querySelectorAll('input, textarea, select').forEach(function (input) {
      ['input', 'change'].forEach(function (type) {
        input.addEventListener(type, function () {
          if (input.type !== 'radio' && input.type !== 'checkbox' && input.value.trim() === '') { return; }
          field.classList.remove('has-error');
          field.querySelectorAll('.error').forEach(function (error) { error.remove(); });
          field.querySelectorAll('[aria-invalid]').forEach(function (el) { el.removeAttribute('aria-invalid'); });
        });
      });
    });
  });

  // Live preview: text fields named like the preview's wx-<name> elements.
  document.querySelectorAll('input[name], textarea[name]').forEach(function (input) {
    var target = document.getElementById('wx-' + input.name);
    if (!target || input.type === 'radio' || input.type === 'file') { return; }
    input.addEventListener('input', function () {
      target.textContent = input.value;
      var box = target.closest('li, .wx-center');
      if (box && (input.name.endsWith('_name') || input.name === 'center_title')) { box.hidden = input.value === ''; }
    });
  });
  var card = document.getElementById('wx-card');
  document.querySelectorAll('input[name=color]').forEach(function (radio) {
    radio.addEventListener('change', function () { card.style.setProperty('--wx', radio.getAttribute('data-hex')); });
  });

  // Pictures: JPG/PNG up to 1 MB, checked before the upload; the logo shows in the preview at once.
  document.querySelectorAll('input[type=file]').forEach(function (input) {
    input.addEventListener('change', function () {
      var file = input.files[0];
      if (!file) { return; }
      var problem = !/^image\/(jpeg|png)$/.test(file.type)
        ? (english ? 'Only JPG or PNG pictures.' : '只支持 JPG 或 PNG 图片。')
        : file.size > 1048576 ? (english ? 'The picture must be at most 1 MB.' : '图片不能超过 1 MB。') : '';
      input.setCustomValidity(problem);
      if (problem) { input.reportValidity(); return; }
      if (input.name === 'logo') {
        var logo = document.getElementById('wx-logo');
        logo.src = URL.createObjectURL(file);
        logo.hidden = false;
      }
    });
  });

  // Stores: filter the list while typing.
  var search = document.getElementById('q');
  if (search) {
    search.addEventListener('input', function () {
      var q = search.value.trim().toLowerCase();
      document.querySelectorAll('.wizard-store').forEach(function (row) {
        row.hidden = q !== '' && row.getAttribute('data-search').toLowerCase().indexOf(q) < 0;
      });
    });
  }
})();
