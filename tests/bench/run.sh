#!/usr/bin/env bash
# Folio beside Hugo + PaperMod and docsify, measured in one run with the peer benchmark
# (../shared/bench): the same seeded corpus, loopback server settings, Chromium and runs.
#   bash tests/bench/run.sh     (env: PEERS=/tmp/peers N=1000 SEED=42 REPS=7 MOBILE_REPS=5
#                                LIGHTHOUSE=1 to add Lighthouse (LIGHTHOUSE_RUNS=3 rounds),
#                                SKIP_PEERS=1 to reuse built peers)
# Prints one table (tests/bench/report.mjs); copy it into docs/perf.md with the date.
set -euo pipefail
cd "$(dirname "$0")/../.."
REPO=$PWD
BENCH=${BENCH:-$(cd "$REPO/../shared/bench" && pwd)}
export PEERS=${PEERS:-/tmp/peers}
N=${N:-1000}; SEED=${SEED:-42}; REPS=${REPS:-7}; MOBILE_REPS=${MOBILE_REPS:-5}; PORT=${PORT:-8302}
RES=$PEERS/results
mkdir -p "$RES"

if ! command -v hugo >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y hugo >/dev/null; else sudo apt-get install -y hugo >/dev/null; fi
fi
bash .ci/setup build
export PATH="$HOME/.cargo/bin:$REPO/node_modules/.bin:$PATH" TRUNK_SKIP_VERSION_CHECK=true

echo "== Folio: release build of the app and the CLI"
trunk build --release
cargo build --release --quiet -p folio-cli
FOLIO=$REPO/target/release/folio

if [ "${SKIP_PEERS:-0}" != 1 ] || [ ! -d "$PEERS/sites/hugo/public" ]; then
  echo "== peers: npm deps, corpus ($N posts, seed $SEED), Hugo + PaperMod, docsify"
  bash "$BENCH/setup_npm.sh" > "$RES/npm-versions.txt"
  python3 "$BENCH/gen_corpus.py" --out "$PEERS/corpus" -n "$N" --seed "$SEED"
  bash "$BENCH/build_hugo.sh"
  bash "$BENCH/build_docsify.sh"
fi

echo "== Folio: the corpus as a Folio site (folio index), then folio build"
SRC=$PEERS/sites/folio-src
rm -rf "$SRC" && mkdir -p "$SRC"
cp -r "$PEERS/corpus/posts" "$PEERS/corpus/images" "$SRC/"
cat > "$SRC/posts.json" <<JSON
{ "version": 1, "site": { "title": "Bench Blog", "description": "The benchmark corpus.", "base_url": "http://127.0.0.1:$PORT/" }, "posts": [] }
JSON
"$FOLIO" index "$SRC" --quiet
rm -rf "$PEERS/sites/folio"
"$FOLIO" build "$SRC" --out "$PEERS/sites/folio" --base-url "http://127.0.0.1:$PORT/" --quiet
cp -r "$SRC/images" "$PEERS/sites/folio/"

node tests/bench/serve.mjs "$PEERS/sites/folio" "$PORT" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null' EXIT
sleep 1

# The peers' configuration plus Folio, as the bench README describes.
node -e '
const fs = require("fs");
const [bench, peers, port] = process.argv.slice(1);
const cfg = JSON.parse(fs.readFileSync(bench + "/sites.json", "utf8"));
cfg.corpus = peers + "/corpus/posts.json";
cfg.sites = cfg.sites.filter((s) => s.name !== "docsify4").map((s) => ({ ...s, root: s.root && s.root.replace("/tmp/peers", peers) }));
cfg.sites.unshift({ name: "folio", url: "http://127.0.0.1:" + port, home: "/", tagPage: "/tags/{tag}", post: "/posts/{slug}",
  sel: { listTitle: "main article h2 a", postLink: "main article h2 a[href$=\"/posts/{slug}\"]", postTitle: "article h1", postH2: "article .prose h2" } });
fs.writeFileSync(peers + "/sites-folio.json", JSON.stringify(cfg, null, 2));
' "$BENCH" "$PEERS" "$PORT"

{
  echo "date: $(date -u +%FT%TZ)"; echo "folio: $(git rev-parse --short HEAD), $(rustc --version), trunk $(trunk --version | cut -d' ' -f2)"
  chromium --version 2>/dev/null; hugo version; echo "node $(node --version)"
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB RAM"
} | tee "$RES/versions.txt"

echo "== measure (raw loopback)"
node "$BENCH/measure.mjs" "$PEERS/sites-folio.json" --reps "$REPS" --profile none | tee "$RES/measure-none.txt"
echo "== measure (mobile emulation: 150 ms RTT, 1.6 Mbps, 4x CPU)"
node "$BENCH/measure.mjs" "$PEERS/sites-folio.json" --reps "$MOBILE_REPS" --profile mobile | tee "$RES/measure-mobile.txt"
if [ "${LIGHTHOUSE:-0}" = 1 ]; then
  # Lighthouse's own advice on its variability: run it several times and take the median.
  # Each round runs every site in turn, so the sites share the machine's state alike.
  echo "== lighthouse (${LIGHTHOUSE_RUNS:-3} rounds; the table gives each score's median)"
  rm -rf "$RES"/lighthouse "$RES"/lighthouse-*
  for k in $(seq 1 "${LIGHTHOUSE_RUNS:-3}"); do
    node "$BENCH/lighthouse.mjs" "$PEERS/sites-folio.json" --presets mobile --out "$RES/lighthouse-$k" | tee "$RES/lighthouse-$k.txt"
  done
fi
echo "== Markdown throughput"
node "$BENCH/mdbench.mjs" --runs 30 > "$RES/mdbench.txt"
node tests/bench/mdbench.mjs --runs 30 | tee "$RES/mdbench-folio.txt"
node tests/bench/report.mjs | tee "$RES/folio-report.md"
