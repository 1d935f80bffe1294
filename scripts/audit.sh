#!/usr/bin/env bash
# Lighthouse on the release dist/, served like a static host under a subpath, with
# Lighthouse's default mobile preset (a mid-range phone: 4x CPU slowdown, slow 4G,
# simulated throttling). Prints the four category scores and what cost points;
# exits non-zero if performance < 95 or accessibility, best practices or SEO < 100.
# Performance is the median of AUDIT_RUNS runs (default 3): one run is noisy.
# Reports: target/lighthouse/run-N.report.{html,json}.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
port=${EVIDENT_AUDIT_PORT:-4176}
runs=${AUDIT_RUNS:-3}
url="http://127.0.0.1:${port}/evident/"
out=target/lighthouse
[ -f dist/index.html ] || { echo "audit: no release build in dist/ (run make dist)" >&2; exit 1; }
command -v lighthouse >/dev/null || { echo "audit: lighthouse is missing (run make setup)" >&2; exit 1; }
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}

python3 scripts/serve_dist.py --port "$port" --base /evident/ --dir dist --gzip &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  curl -fs -o /dev/null "$url" && break
  kill -0 "$server" 2>/dev/null || { echo "audit: the server on port $port did not start" >&2; exit 1; }
  python3 -c 'import time; time.sleep(0.1)'
done

mkdir -p "$out"
rm -f "$out"/run-*.report.*
for i in $(seq "$runs"); do
  lighthouse "$url" --quiet \
    --only-categories=performance,accessibility,best-practices,seo \
    --output=json --output=html --output-path="$out/run-$i" \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run"
done

python3 - "$out" "$runs" <<'PY'
import json, statistics, sys
out, runs = sys.argv[1], int(sys.argv[2])
reports = [json.load(open(f"{out}/run-{i}.report.json")) for i in range(1, runs + 1)]
need = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
failed = False
print(f"Lighthouse {reports[0]['lighthouseVersion']}, mobile preset, {runs} run(s): {reports[0]['finalDisplayedUrl']}")
for cat, floor in need.items():
    scores = [round(r["categories"][cat]["score"] * 100) for r in reports]
    score = int(statistics.median(scores))
    ok = score >= floor
    failed |= not ok
    runs_note = f"  (runs: {', '.join(map(str, scores))})" if runs > 1 else ""
    print(f"  {reports[0]['categories'][cat]['title']:<15} {score:>3}  {'ok' if ok else f'below {floor}'}{runs_note}")
# What cost points, from the median-performance run.
best = sorted(reports, key=lambda r: r["categories"]["performance"]["score"])[len(reports) // 2]
metrics = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"]
print("  metrics: " + ", ".join(f"{best['audits'][m]['title']} {best['audits'][m]['displayValue']}" for m in metrics))
for cat in need:
    for ref in best["categories"][cat]["auditRefs"]:
        audit = best["audits"][ref["id"]]
        if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
            print(f"  - {cat}: {audit['id']}: {audit['title']} ({audit.get('displayValue', audit['score'])})")
sys.exit(1 if failed else 0)
PY
