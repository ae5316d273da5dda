// Re-runs a published random draw (双随机抽取) in the browser with WebCrypto, independent of the server:
// the same canonical serialization, hashes, commitment and integer-only algorithm as
// org.fundguard.inspections.Canonical and Draw (format fundguard-draw/1). Documented on the proof page.
'use strict';
(function () {
  const FORMAT = 'fundguard-draw/1';
  const enc = new TextEncoder();

  const esc = (t) => (t == null ? '' : String(t)).replace(/\\/g, '\\\\').replace(/\|/g, '\\p')
    .replace(/;/g, '\\s').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
  const byKey = (f) => (a, b) => (f(a) < f(b) ? -1 : f(a) > f(b) ? 1 : 0);
  const hex = (buf) => Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');
  const sha256 = async (bytes) => hex(await crypto.subtle.digest('SHA-256', bytes));

  function directoryText(entries) {
    return entries.slice().sort(byKey((e) => e.code)).map((e) =>
      [esc(e.code), esc(e.name), esc(e.type), esc(e.level || ''), esc(e.region), String(e.weight)].join('|') + '\n').join('');
  }
  function poolText(pool) {
    return pool.slice().sort(byKey((p) => p.id)).map((p) =>
      [esc(p.id), esc(p.unit), esc(p.region), (p.conflicts || []).slice().sort().map(esc).join(';')].join('|') + '\n').join('');
  }
  function parametersText(p) {
    const sample = p.sampleCount != null ? 'count:' + p.sampleCount : 'ratio:' + p.sampleRatioBasisPoints;
    return 'sample=' + sample + ';stratify=' + p.stratifyBy + ';weighted=' + (p.riskWeighted ? 1 : 0) + ';team='
      + p.inspectorsPerInstitution + ';recuse-region=' + (p.recuseSameRegion ? 1 : 0) + (p.recuseSameCity ? ';recuse=city' : '');
  }
  // cross-city draw (跨市交叉互查): city = the first 4 digits of the region code, as DrawParameters.cityOf
  const cityOf = (region) => (region == null || region.length < 4 ? '' : region.substring(0, 4));
  function seedBytes(seed) {
    if (!/^[0-9a-f]{64}$/.test(seed || '')) throw new Error('随机种子格式错误：应为 64 位小写十六进制');
    return new Uint8Array(seed.match(/../g).map((h) => parseInt(h, 16)));
  }
  async function hmacKey(raw) {
    return crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  }
  async function hmac(key, message) {
    return crypto.subtle.sign('HMAC', key, enc.encode(message));
  }
  function stratumOf(e, by) {
    const v = by === 'none' ? '*' : by === 'type' ? e.type : by === 'level' ? e.level : e.region;
    return v == null || v === '' ? '-' : v;
  }

  async function draw(seed, params, directory, pool) {
    const dh = await sha256(enc.encode(directoryText(directory)));
    const ph = await sha256(enc.encode(poolText(pool)));
    const drawKey = await hmac(await hmacKey(seedBytes(seed)), FORMAT + '\n' + parametersText(params) + '\n' + dh + '\n' + ph);
    const key = await hmacKey(drawKey);
    const random = async (m) => BigInt('0x' + hex(await hmac(key, m)));

    const total = directory.length;
    const n = params.sampleCount != null ? Math.min(params.sampleCount, total)
      : Math.floor((total * params.sampleRatioBasisPoints + 9999) / 10000);
    const strata = new Map();
    directory.slice().sort(byKey((e) => e.code)).forEach((e) => {
      const s = stratumOf(e, params.stratifyBy);
      if (!strata.has(s)) strata.set(s, []);
      strata.get(s).push(e);
    });
    const keys = Array.from(strata.keys()).sort(byKey((k) => k));
    const quotas = new Map();
    const remainders = [];
    let given = 0;
    for (const k of keys) {
      const share = n * strata.get(k).length;
      quotas.set(k, Math.floor(share / total));
      given += Math.floor(share / total);
      remainders.push([k, share % total]);
    }
    remainders.sort((a, b) => (b[1] - a[1]) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    for (let i = 0; i < n - given; i++) quotas.set(remainders[i][0], quotas.get(remainders[i][0]) + 1);

    const inspectors = pool.slice().sort(byKey((p) => p.id));
    const institutions = [];
    const skipped = [];
    for (const k of keys) {
      const left = strata.get(k).slice();
      for (let i = 0; i < quotas.get(k); i++) {
        const weight = left.reduce((sum, e) => sum + e.weight, 0);
        const r = Number((await random('institution|' + k + '|' + i)) % BigInt(weight));
        let cumulative = 0;
        let index = 0;
        for (; index < left.length; index++) {
          cumulative += left[index].weight;
          if (r < cumulative) break;
        }
        const inst = left.splice(index, 1)[0];
        const eligible = [];
        for (const p of inspectors) {
          if ((p.conflicts || []).includes(inst.code)) skipped.push({ institution: inst.code, inspector: p.id, reason: 'CONFLICT' });
          else if (params.recuseSameCity && cityOf(p.region) === '') skipped.push({ institution: inst.code, inspector: p.id, reason: 'CITY_UNKNOWN' });
          else if (params.recuseSameCity && cityOf(p.region) === cityOf(inst.region)) skipped.push({ institution: inst.code, inspector: p.id, reason: 'SAME_CITY' });
          else if (params.recuseSameRegion && p.region === inst.region) skipped.push({ institution: inst.code, inspector: p.id, reason: 'SAME_REGION' });
          else eligible.push(p);
        }
        if (eligible.length < params.inspectorsPerInstitution) {
          throw new Error('可选执法检查人员不足：检查对象 ' + inst.name + '（' + inst.code + '）需要 '
            + params.inspectorsPerInstitution + ' 名，回避后仅有 ' + eligible.length + ' 名'
            + (params.recuseSameCity ? '（跨市交叉：只计 ' + cityOf(inst.region) + ' 以外城市的人员）' : ''));
        }
        const team = [];
        for (let j = 0; j < params.inspectorsPerInstitution; j++) {
          const r2 = Number((await random('inspector|' + inst.code + '|' + j)) % BigInt(eligible.length));
          team.push(eligible.splice(r2, 1)[0].id);
        }
        institutions.push({ seq: institutions.length + 1, code: inst.code, name: inst.name, stratum: k, team: team });
      }
    }
    return { directoryHash: dh, poolHash: ph, institutions: institutions, skipped: skipped };
  }

  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
  const institutionsOf = (list) => (list || []).map((d) => ({ seq: d.seq, code: d.code, name: d.name, stratum: d.stratum, team: d.team }));
  const skippedOf = (list) => (list || []).map((s) => ({ institution: s.institution, inspector: s.inspector, reason: s.reason }));

  async function verify(published) {
    const problems = [];
    if (published.format !== FORMAT) return ['不支持的格式 ' + published.format + '，应为 ' + FORMAT];
    const c = published.commitment || {};
    const dh = await sha256(enc.encode(directoryText(published.directory || [])));
    const ph = await sha256(enc.encode(poolText(published.pool || [])));
    if (dh !== c.directoryHash) problems.push('检查对象名录快照的哈希 ' + dh + ' 与承诺时公布的 ' + c.directoryHash + ' 不符');
    if (ph !== c.poolHash) problems.push('检查人员名录快照的哈希 ' + ph + ' 与承诺时公布的 ' + c.poolHash + ' 不符');
    if (!published.seed || !published.result) {
      problems.push('随机种子尚未公布，只能核对名录快照');
      return problems;
    }
    const seedHash = await sha256(seedBytes(published.seed));
    if (seedHash !== c.seedHash) problems.push('公布的随机种子的哈希 ' + seedHash + ' 与抽取前公布的承诺 ' + c.seedHash + ' 不符');
    const commitment = await sha256(enc.encode(FORMAT + '\n' + parametersText(published.parameters) + '\n' + c.seedHash
      + '\n' + c.directoryHash + '\n' + c.poolHash));
    if (commitment !== c.commitment) problems.push('承诺值 ' + c.commitment + ' 与按参数和哈希重新计算的 ' + commitment + ' 不符');
    const again = await draw(published.seed, published.parameters, published.directory, published.pool);
    if (!same(institutionsOf(again.institutions), institutionsOf(published.result.institutions))) {
      problems.push('重新抽取的检查对象或检查组与公布结果不符');
    }
    if (!same(skippedOf(again.skipped), skippedOf(published.result.skipped))) problems.push('重新计算的回避记录与公布结果不符');
    return problems;
  }

  function show(ok, text, problems) {
    const verdict = document.getElementById('verdict');
    verdict.className = 'verdict ' + (ok ? 'ok' : 'bad');
    verdict.textContent = text;
    const list = document.getElementById('problems');
    list.replaceChildren(...(problems || []).map((p) => { const li = document.createElement('li'); li.textContent = p; return li; }));
  }

  window.FundGuardDraw = { verify: verify, draw: draw };

  document.addEventListener('DOMContentLoaded', () => {
    const inputs = document.getElementById('inputs');
    if (!inputs) return;
    const original = inputs.value;
    document.getElementById('verify-browser').addEventListener('click', async () => {
      show(false, '正在浏览器中重新计算……', []);
      if (!window.crypto || !crypto.subtle) {
        show(false, '此浏览器无法使用 WebCrypto（需 HTTPS 访问），请使用“由服务器验证”或命令行工具', []);
        return;
      }
      try {
        const problems = await verify(JSON.parse(inputs.value));
        show(problems.length === 0, problems.length === 0 ? '验证通过：浏览器重新计算的抽取结果与公布结果一致'
          : '验证失败：' + problems.length + ' 处不符', problems);
      } catch (e) {
        show(false, '验证失败：' + e.message, []);
      }
    });
    document.getElementById('verify-server').addEventListener('click', async () => {
      show(false, '正在由服务器重新计算……', []);
      const csrf = document.getElementById('csrf');
      const headers = { 'Content-Type': 'application/json' };
      if (csrf) headers[csrf.dataset.header] = csrf.value;
      const response = await fetch(inputs.dataset.verifyUrl, { method: 'POST', headers: headers, body: inputs.value });
      const answer = await response.json();
      show(answer.matches, answer.summary.replace('验证通过：', '验证通过（服务器）：'), answer.problems);
    });
    document.getElementById('restore').addEventListener('click', () => { inputs.value = original; show(true, '已恢复公布的数据', []); });
  });
})();
