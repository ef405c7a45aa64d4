// mailflow's dashboard: polls the query API and draws what it answers. No libraries, no CDN.
"use strict";

const POLL_MS = 2000;
const RATE_POINTS = 90;
const STATUSES = ["QUEUED", "DEFERRED", "DELIVERED", "BOUNCED", "EXPIRED", "STALLED"];
const COLORS = ["#2f6fbf", "#c0392b", "#d98c1a", "#2e8b57", "#8e44ad", "#16a085", "#7f8c8d",
  "#e67e22", "#34495e", "#b03a6f", "#5d9b2f", "#a0522d", "#1f8fb0", "#95a5a6"];

const rates = [];
let previousTotal = null;
let previousAt = null;

function token() {
  const match = location.hash.match(/token=([^&]+)/);
  if (match) sessionStorage.setItem("mailflow.token", decodeURIComponent(match[1]));
  return sessionStorage.getItem("mailflow.token");
}

async function api(path) {
  const headers = {};
  const bearer = token();
  if (bearer) headers.Authorization = "Bearer " + bearer;
  const response = await fetch(path, { headers });
  if (!response.ok) throw new Error(path + " answered " + response.status);
  return response.json();
}

function cell(row, text, numeric) {
  const td = row.insertCell();
  td.textContent = text;
  if (numeric) td.className = "num";
  return td;
}

function replaceRows(tbody, items, fill) {
  tbody.replaceChildren();
  for (const item of items) fill(tbody.insertRow(), item);
}

function showStatuses(overview) {
  const tbody = document.querySelector("#status-table tbody");
  replaceRows(tbody, STATUSES, (row, status) => {
    cell(row, status);
    cell(row, String(overview.byStatus[status] || 0), true).id = "status-" + status;
  });
  document.getElementById("status-total").textContent = String(overview.total);
}

function showDomains(overview) {
  const tbody = document.querySelector("#domains-table tbody");
  replaceRows(tbody, overview.topFailingDomains, (row, d) => {
    cell(row, d.domain);
    cell(row, String(d.failed), true);
    cell(row, String(d.total), true);
  });
}

function recordRate(total) {
  const now = Date.now();
  if (previousTotal !== null) {
    rates.push(Math.max(0, (total - previousTotal) * 1000 / (now - previousAt)));
    if (rates.length > RATE_POINTS) rates.shift();
  }
  previousTotal = total;
  previousAt = now;
}

function drawRates() {
  const canvas = document.getElementById("rate-chart");
  const ctx = canvas.getContext("2d");
  const { width, height } = canvas;
  ctx.clearRect(0, 0, width, height);
  const max = Math.max(1, ...rates);
  ctx.strokeStyle = "#2f6fbf";
  ctx.lineWidth = 2;
  ctx.beginPath();
  rates.forEach((rate, i) => {
    const x = (i / (RATE_POINTS - 1)) * width;
    const y = height - 14 - (rate / max) * (height - 24);
    if (i === 0) ctx.moveTo(x, y); else ctx.lineTo(x, y);
  });
  ctx.stroke();
  ctx.fillStyle = "#6b7685";
  ctx.font = "12px system-ui";
  const last = rates.length ? rates[rates.length - 1] : 0;
  ctx.fillText("now " + last.toFixed(1) + "/s, peak " + max.toFixed(1) + "/s", 4, 12);
}

function showErrors(errors) {
  const perHour = new Map();
  const categories = new Set();
  for (const row of errors.counts) {
    const hour = perHour.get(row.hour) || {};
    hour[row.category] = (hour[row.category] || 0) + row.count;
    perHour.set(row.hour, hour);
    categories.add(row.category);
  }
  const ordered = [...categories].sort();
  const hours = [...perHour.keys()].sort().slice(-48);
  const max = Math.max(1, ...hours.map((h) => Object.values(perHour.get(h)).reduce((a, b) => a + b, 0)));
  const chart = document.getElementById("errors-chart");
  chart.replaceChildren();
  for (const hour of hours) {
    const bar = document.createElement("div");
    bar.className = "bar";
    bar.title = hour;
    ordered.forEach((category, i) => {
      const count = perHour.get(hour)[category] || 0;
      if (!count) return;
      const span = document.createElement("span");
      span.style.height = (count / max) * 160 + "px";
      span.style.background = COLORS[i % COLORS.length];
      span.title = hour + " " + category + ": " + count;
      bar.appendChild(span);
    });
    chart.appendChild(bar);
  }
  const legend = document.getElementById("errors-legend");
  legend.replaceChildren();
  ordered.forEach((category, i) => {
    const item = document.createElement("span");
    item.innerHTML = '<i style="background:' + COLORS[i % COLORS.length] + '"></i>';
    item.appendChild(document.createTextNode(category));
    legend.appendChild(item);
  });
}

function showRejects(recent) {
  const tbody = document.querySelector("#rejects-table tbody");
  replaceRows(tbody, recent.rejects, (row, r) => {
    cell(row, r.time || "");
    cell(row, r.host);
    cell(row, r.reason);
    cell(row, r.topic + "-" + r.partition + "@" + r.offset);
    cell(row, r.message);
  });
}

function showFreshness(stale, error) {
  const badge = document.getElementById("freshness");
  badge.className = "badge " + (error ? "down" : stale ? "stale" : "live");
  badge.textContent = error ? "unreachable" : stale ? "stale: rebalancing" : "live";
  badge.title = error ? error.message : "";
}

async function poll() {
  try {
    const [overview, errors, rejects, instances] = await Promise.all([
      api("/api/stats/overview"),
      // Log times can be far from now (replayed logs), so ask for every hour kept.
      api("/api/stats/errors"),
      api("/api/rejects/recent"),
      api("/api/instances"),
    ]);
    showStatuses(overview);
    showDomains(overview);
    recordRate(overview.total);
    drawRates();
    showErrors(errors);
    showRejects(rejects);
    document.getElementById("instance").textContent = instances.instances.length + " instance(s)";
    showFreshness(overview.stale || errors.stale, null);
    document.body.dataset.loaded = "true";
  } catch (error) {
    showFreshness(false, error);
  }
}

poll();
setInterval(poll, POLL_MS);
