/* The portal's only script: shows the parts of the form that apply, searches the institution directory, and
   solves the form's proof-of-work stamp (hashcash, SHA-256) before sending. No third party is contacted. */
(function () {
  'use strict';
  var form = document.getElementById('report-form');
  if (!form) { return; }
  document.documentElement.className += ' js';

  function checked(name) {
    var el = form.querySelector('input[name="' + name + '"]:checked');
    return el ? el.value : '';
  }
  function toggle() {
    var kind = checked('subjectKind');
    var real = checked('identityMode') === 'realName';
    form.querySelectorAll('.when-INSTITUTION, .when-OTHER_INSTITUTION, .when-PERSON').forEach(function (el) {
      el.classList.toggle('show', el.classList.contains('when-' + kind));
    });
    form.querySelectorAll('.when-realName').forEach(function (el) { el.classList.toggle('show', real); });
  }
  form.addEventListener('change', toggle);
  toggle();

  /* institution search */
  var query = document.getElementById('provider-query');
  var code = document.getElementById('provider-code');
  var results = document.getElementById('provider-results');
  var chosen = document.getElementById('provider-chosen');
  var timer = null;
  function show(text) { chosen.textContent = text; }
  if (code.value) { show('已选择：' + query.value); }
  query.addEventListener('input', function () {
    code.value = '';
    show('');
    clearTimeout(timer);
    var q = query.value.trim();
    if (q.length < 2) { results.textContent = ''; return; }
    timer = setTimeout(function () {
      fetch('/portal/providers?q=' + encodeURIComponent(q), { credentials: 'same-origin', referrerPolicy: 'no-referrer' })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (list) {
          results.textContent = '';
          if (!list.length) { show('名录中没有找到，请换个关键词，或选择“其他机构”自行填写。'); return; }
          list.forEach(function (p) {
            var li = document.createElement('li');
            var b = document.createElement('button');
            b.type = 'button';
            b.textContent = p.name + '（' + p.code + '）';
            b.addEventListener('click', function () {
              code.value = p.code;
              query.value = p.name;
              results.textContent = '';
              show('已选择：' + p.name);
            });
            li.appendChild(b);
            results.appendChild(li);
          });
        })
        .catch(function () { show('暂时无法搜索名录，可选择“其他机构”自行填写。'); });
    }, 300);
  });

  /* SHA-256 of an ASCII string, returning the first 32-bit word and the rest as needed */
  var K = new Uint32Array([
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2]);
  var W = new Uint32Array(64);
  function sha256(s) {
    var n = s.length, blocks = ((n + 9 + 63) >> 6), words = new Uint32Array(blocks * 16), i;
    for (i = 0; i < n; i++) { words[i >> 2] |= (s.charCodeAt(i) & 0xff) << (24 - (i % 4) * 8); }
    words[n >> 2] |= 0x80 << (24 - (n % 4) * 8);
    words[blocks * 16 - 1] = n * 8;
    var h0 = 0x6a09e667, h1 = 0xbb67ae85, h2 = 0x3c6ef372, h3 = 0xa54ff53a,
        h4 = 0x510e527f, h5 = 0x9b05688c, h6 = 0x1f83d9ab, h7 = 0x5be0cd19;
    for (var b = 0; b < blocks; b++) {
      for (i = 0; i < 16; i++) { W[i] = words[b * 16 + i]; }
      for (i = 16; i < 64; i++) {
        var x = W[i - 15], y = W[i - 2];
        var s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
        var s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
        W[i] = (W[i - 16] + s0 + W[i - 7] + s1) | 0;
      }
      var a = h0, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7, bb = h1;
      for (i = 0; i < 64; i++) {
        var S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
        var t1 = (h + S1 + ((e & f) ^ (~e & g)) + K[i] + W[i]) | 0;
        var S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
        var t2 = (S0 + ((a & bb) ^ (a & c) ^ (bb & c))) | 0;
        h = g; g = f; f = e; e = (d + t1) | 0; d = c; c = bb; bb = a; a = (t1 + t2) | 0;
      }
      h0 = (h0 + a) | 0; h1 = (h1 + bb) | 0; h2 = (h2 + c) | 0; h3 = (h3 + d) | 0;
      h4 = (h4 + e) | 0; h5 = (h5 + f) | 0; h6 = (h6 + g) | 0; h7 = (h7 + h) | 0;
    }
    return [h0 >>> 0, h1 >>> 0];
  }
  function zeroBits(h) {
    if (h[0] !== 0) { return Math.clz32(h[0]); }
    return 32 + Math.clz32(h[1]);
  }

  var bits = parseInt(form.getAttribute('data-pow-bits'), 10) || 0;
  var nonce = document.getElementById('nonce');
  var challenge = document.getElementById('challenge').value;
  var status = document.getElementById('pow-status');
  var button = document.getElementById('submit-report');
  form.addEventListener('submit', function (event) {
    if (nonce.value || bits <= 0) { return; }
    event.preventDefault();
    button.disabled = true;
    status.textContent = '正在进行安全校验，请稍候……';
    var n = 0;
    (function work() {
      var until = Date.now() + 50;
      while (Date.now() < until) {
        for (var k = 0; k < 2000; k++, n++) {
          var candidate = n.toString(36);
          if (zeroBits(sha256(challenge + ':' + candidate)) >= bits) {
            nonce.value = candidate;
            status.textContent = '安全校验完成，正在提交……';
            form.submit();
            return;
          }
        }
      }
      setTimeout(work, 0);
    }());
  });
}());
