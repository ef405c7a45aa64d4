// mailflow's dashboard: polls the query API and draws what it answers. No libraries, no CDN.
"use strict";

const POLL_MS = 2000;
const RATE_POINTS = 90;
const HOURS_SHOWN = 48;
const STATUSES = ["QUEUED", "DEFERRED", "DELIVERED", "BOUNCED", "EXPIRED", "STALLED"];
const FAILURES = ["BOUNCED", "EXPIRED", "STALLED"];
const IN_FLIGHT = ["QUEUED", "DEFERRED"];
const COLORS = ["#2f6fbf", "#d0453a", "#e0a030", "#2e9d6a", "#8e5cc2", "#16a0a0", "#7a8797",
  "#e67e22", "#34495e", "#b03a6f", "#6a9b2f", "#a0522d", "#1f8fb0", "#c2a800"];
const TOKEN_KEY = "mailflow.token";
const numbers = new Intl.NumberFormat("en-US");

const rates = [];
let previousTotal = null;
let previousAt = null;
let lastUpdate = null;

/** An API call that failed: status 0 when no answer came at all. */
class ApiError extends Error {
  constructor(path, status, message) {
    super(message);
    this.path = path;
    this.status = status;
  }
}

// The token arrives in the URL fragment, which browsers never send to the server. It is kept for
// this tab only and taken out of the address bar, so that it stays out of history and screenshots.
function readToken() {
  const match = location.hash.match(/token=([^&]+)/);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
    history.replaceState(null, "", location.pathname + location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

const token = readToken();

async function api(path) {
  const headers = token ? { Authorization: "Bearer " + token } : {};
  let response;
  try {
    response = await fetch(path, { headers, cache: "no-store" });
  } catch (networkError) {
    throw new ApiError(path, 0, networkError.message);
  }
  if (!response.ok) {
    let message = response.statusText;
    try {
      message = (await response.json()).error || message;
    } catch (notJson) {
      // keep the status text
    }
    throw new ApiError(path, response.status, message);
  }
  return response.json();
}

function format(n) {
  return numbers.format(n);
}

function percent(part, whole) {
  return whole > 0 ? (100 * part / whole).toFixed(1) + "%" : "\u2013";
}

function share(part, whole, what) {
  return whole > 0 ? percent(part, whole) + " " + what : "no deliveries yet";
}

function sum(counts, statuses) {
  return statuses.reduce((total, status) => total + (counts[status] || 0), 0);
}

function cell(row, text, className) {
  const td = row.insertCell();
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

function replaceRows(tbody, items, columns, emptyText, fill) {
  tbody.replaceChildren();
  if (items.length === 0) {
    const row = tbody.insertRow();
    row.className = "empty";
    cell(row, emptyText).colSpan = columns;
    return;
  }
  for (const item of items) fill(tbody.insertRow(), item);
}

function showTiles(overview) {
  const counts = overview.byStatus;
  const failed = sum(counts, FAILURES);
  document.getElementById("tile-total").textContent = format(overview.total);
  document.getElementById("tile-delivered").textContent = format(counts.DELIVERED || 0);
  document.getElementById("tile-delivered-share").textContent =
    share(counts.DELIVERED || 0, overview.total, "of all");
  document.getElementById("tile-failed").textContent = format(failed);
  document.getElementById("tile-failed-share").textContent =
    share(failed, overview.total, "bounced, expired or stalled");
  document.getElementById("tile-pending").textContent = format(sum(counts, IN_FLIGHT));
}

function showStatuses(overview) {
  const bar = document.getElementById("status-bar");
  bar.replaceChildren();
  for (const status of STATUSES) {
    const n = overview.byStatus[status] || 0;
    const td = document.getElementById("status-" + status);
    td.textContent = format(n);
    td.nextElementSibling.textContent = percent(n, overview.total);
    if (n > 0) {
      const part = document.createElement("span");
      part.className = "s-" + status;
      part.style.width = (100 * n / overview.total) + "%";
      part.title = status + ": " + format(n);
      bar.appendChild(part);
    }
  }
  document.getElementById("status-total").textContent = format(overview.total);
}

function showDomains(overview) {
  const tbody = document.querySelector("#domains-table tbody");
  const worst = Math.max(...overview.topFailingDomains.map((d) => d.failed / d.total));
  replaceRows(tbody, overview.topFailingDomains, 4, "No failed deliveries yet.", (row, d) => {
    cell(row, d.domain);
    cell(row, format(d.failed), "num");
    cell(row, format(d.total), "num");
    const rate = cell(row, "", "ratecell");
    const bar = document.createElement("span");
    bar.className = "ratebar";
    bar.style.width = (70 * (d.failed / d.total) / worst) + "%";
    rate.append(bar, percent(d.failed, d.total));
  });
}

function recordRate(total) {
  const now = Date.now();
  if (previousTotal !== null && now > previousAt) {
    rates.push(Math.max(0, (total - previousTotal) * 1000 / (now - previousAt)));
    if (rates.length > RATE_POINTS) rates.shift();
  }
  previousTotal = total;
  previousAt = now;
}

function drawRates() {
  const canvas = document.getElementById("rate-chart");
  document.getElementById("rate-empty").hidden = rates.length >= 2;
  // Draw at the size the page gives the canvas, in device pixels, so that text stays sharp.
  const scale = window.devicePixelRatio || 1;
  const width = canvas.clientWidth;
  const height = canvas.clientHeight;
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext("2d");
  ctx.scale(scale, scale);
  ctx.clearRect(0, 0, width, height);
  ctx.strokeStyle = "#c5cdd8";
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(0, height - 0.5);
  ctx.lineTo(width, height - 0.5);
  ctx.stroke();
  if (rates.length < 2) return;
  const peak = Math.max(...rates);
  const max = Math.max(1, peak);
  // The newest point sits at the right edge; older ones scroll left.
  const step = width / (RATE_POINTS - 1);
  const x = (i) => width - (rates.length - 1 - i) * step;
  const y = (rate) => height - 2 - (rate / max) * (height - 24);
  ctx.beginPath();
  rates.forEach((rate, i) => (i === 0 ? ctx.moveTo(x(i), y(rate)) : ctx.lineTo(x(i), y(rate))));
  ctx.strokeStyle = "#2f6fbf";
  ctx.lineWidth = 2;
  ctx.stroke();
  ctx.lineTo(width, height);
  ctx.lineTo(x(0), height);
  ctx.fillStyle = "rgba(47, 111, 191, 0.12)";
  ctx.fill();
  ctx.fillStyle = "#667385";
  ctx.font = "12px system-ui, sans-serif";
  const last = rates[rates.length - 1];
  ctx.fillText(
    peak === 0
      ? "no new deliveries since this page opened"
      : "now " + last.toFixed(1) + "/s \u00b7 peak " + peak.toFixed(1) + "/s",
    4, 12);
}

function hourLabel(hour) {
  return String(hour).slice(0, 16).replace("T", " ");
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
  const hours = [...perHour.keys()].sort().slice(-HOURS_SHOWN);
  const totals = hours.map((h) => Object.values(perHour.get(h)).reduce((a, b) => a + b, 0));
  const max = Math.max(1, ...totals);
  const chart = document.getElementById("errors-chart");
  chart.replaceChildren();
  hours.forEach((hour, h) => {
    const bar = document.createElement("div");
    bar.className = "bar";
    bar.title = hourLabel(hour) + " UTC: " + format(totals[h]) + " error lines";
    ordered.forEach((category, i) => {
      const count = perHour.get(hour)[category] || 0;
      if (!count) return;
      const span = document.createElement("span");
      span.style.height = (count / max) * 150 + "px";
      span.style.background = COLORS[i % COLORS.length];
      span.title = hourLabel(hour) + " UTC, " + category + ": " + format(count);
      bar.appendChild(span);
    });
    chart.appendChild(bar);
  });
  document.getElementById("errors-empty").hidden = hours.length > 0;
  document.getElementById("errors-max").textContent =
    hours.length ? "peak " + format(max) + " lines/hour" : "";
  const axis = document.getElementById("errors-axis").children;
  axis[0].textContent = hours.length ? hourLabel(hours[0]) + " UTC" : "";
  axis[1].textContent = hours.length > 1 ? hourLabel(hours[hours.length - 1]) + " UTC" : "";
  const legend = document.getElementById("errors-legend");
  legend.replaceChildren();
  ordered.forEach((category, i) => {
    const item = document.createElement("span");
    const swatch = document.createElement("i");
    swatch.style.background = COLORS[i % COLORS.length];
    item.append(swatch, category);
    legend.appendChild(item);
  });
}

function rejectTime(time) {
  return String(time || "").replace("T", " ").replace(/(\.\d+)?Z$/, "");
}

function showRejects(recent) {
  const tbody = document.querySelector("#rejects-table tbody");
  replaceRows(tbody, recent.rejects, 5, "No rejected lines.", (row, r) => {
    cell(row, rejectTime(r.time), "mono");
    cell(row, r.host);
    cell(row, r.reason);
    cell(row, r.topic + "-" + r.partition + "@" + r.offset, "mono");
    cell(row, r.message).title = r.message;
  });
}

function showInstances(instances) {
  const n = instances.instances.length;
  document.getElementById("instance").textContent = n + (n === 1 ? " instance" : " instances");
}

function showState(state, badgeText, notice) {
  document.body.dataset.state = state;
  const badge = document.getElementById("freshness");
  badge.className = "badge " + (state === "live" ? "live" : state === "stale" ? "stale" : "down");
  badge.textContent = badgeText;
  document.getElementById("notice").textContent = notice;
}

function since() {
  return lastUpdate
    ? " The figures shown are from " + lastUpdate.toLocaleTimeString("en-GB") + "."
    : " No figures yet.";
}

function showProblem(error) {
  const status = error instanceof ApiError ? error.status : -1;
  if (status === 0) {
    showState("unreachable", "unreachable",
      "Cannot reach the mailflow API at " + location.origin + "; retrying every 2 seconds." + since());
  } else if (status === 401) {
    showState("unauthorized", "token needed",
      (token ? "The API refused the token this page was given. " : "The API needs a bearer token. ")
      + "Open this page as " + location.origin + "/#token=YOUR_TOKEN (http.token)." + since());
  } else {
    showState("unavailable", "unavailable",
      "The API answered " + (status > 0 ? status + ": " : "") + error.message
      + "; retrying every 2 seconds." + since());
  }
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
    showTiles(overview);
    showStatuses(overview);
    showDomains(overview);
    recordRate(overview.total);
    drawRates();
    showErrors(errors);
    showRejects(rejects);
    showInstances(instances);
    lastUpdate = new Date();
    document.getElementById("updated").textContent =
      "updated " + lastUpdate.toLocaleTimeString("en-GB");
    if (overview.stale || errors.stale || rejects.stale) {
      showState("stale", "stale: rebalancing",
        "Partitions are moving between instances: some figures come from standby copies and may lag a little.");
    } else {
      showState("live", "live", "");
    }
  } catch (error) {
    showProblem(error);
  } finally {
    // One poll at a time: a slow answer delays the next poll instead of piling up requests.
    setTimeout(poll, POLL_MS);
  }
}

poll();
