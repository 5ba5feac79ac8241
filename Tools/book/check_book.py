#!/usr/bin/env python3
"""Checks a standard gazetteer book written by `quhua book` (stdlib only).

    check_book.py OUT_DIR [--townships areacity/ok_data_level4.csv --prefix 50] [--counties N]

Reads OUT_DIR/index.html and checks:
  * every entry (<article class="entry">) has a unique code, and the title page, the
    chapters' data-entries and the index agree with the number of entries;
  * the index lists every entry exactly once and nothing else;
  * with --townships: every township row of the areacity table whose id starts with
    --prefix is an entry exactly once, under its full name, and no other township is;
  * with --counties: the number of county-level entries (one chapter each).
Reads OUT_DIR/book.pdf with `pdftotext` (poppler-utils) when both exist: every township
code appears in the PDF exactly twice (its entry and its index line); otherwise says
why the PDF check was skipped. Exit status 0 when every check passes, 1 otherwise.
"""
import argparse
import csv
import os
import shutil
import subprocess
import sys
from collections import Counter
from html.parser import HTMLParser


class BookParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.entries = []          # (code, level, chapter)
        self.entry_names = {}      # code -> name
        self.index = []            # codes
        self.chapters = {}         # code -> declared entries
        self.title_figures = {}
        self.chapter = None
        self.current_entry = None
        self.in_name = False
        self.svgs = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag == "section" and "chapter" in classes:
            self.chapter = a.get("data-code")
            self.chapters[self.chapter] = int(a.get("data-entries", "0"))
        elif tag == "section" and "index" in classes:
            self.chapter = None
        elif tag == "article" and "entry" in classes:
            self.current_entry = a.get("data-code")
            self.entries.append((a.get("data-code"), a.get("data-level"), self.chapter))
        elif tag == "span" and "name" in classes and self.current_entry:
            self.in_name = True
        elif tag == "li" and "index-entry" in classes:
            self.index.append(a.get("data-code"))
        elif tag == "p" and "figures" in classes:
            self.title_figures = {k: int(v) for k, v in a.items() if k.startswith("data-")}
        elif tag == "svg":
            self.svgs += 1

    def handle_endtag(self, tag):
        if tag == "span":
            self.in_name = False
        elif tag == "article":
            self.current_entry = None

    def handle_data(self, data):
        if self.in_name and self.current_entry:
            self.entry_names[self.current_entry] = self.entry_names.get(self.current_entry, "") + data


def township_rows(path, prefix):
    rows = {}
    with open(path, encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            if row["deep"] == "3" and row["id"].startswith(prefix):
                rows[row["ext_id"]] = row["ext_name"]
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out_dir")
    parser.add_argument("--townships", help="the areacity table (ok_data_level4.csv)")
    parser.add_argument("--prefix", default="50", help="township ids starting with this (default 50, Chongqing)")
    parser.add_argument("--counties", type=int, help="expected number of county-level entries")
    args = parser.parse_args()

    failures = []

    def check(ok, message):
        print(("ok   " if ok else "FAIL ") + message)
        if not ok:
            failures.append(message)

    html_path = os.path.join(args.out_dir, "index.html")
    with open(html_path, encoding="utf-8") as f:
        html = f.read()
    book = BookParser()
    book.feed(html)
    codes = [code for code, _, _ in book.entries]
    levels = Counter(level for _, level, _ in book.entries)
    print(f"index.html: {len(html.encode('utf-8'))} bytes, {len(book.chapters)} chapters, {len(codes)} entries "
          f"({', '.join(f'{n} {level}' for level, n in sorted(levels.items()))}), {len(book.index)} index lines, {book.svgs} maps")

    duplicates = [c for c, n in Counter(codes).items() if n > 1]
    check(not duplicates, f"every entry code is unique ({len(duplicates)} duplicates{': ' + ', '.join(duplicates[:10]) if duplicates else ''})")
    check(book.title_figures.get("data-entries") == len(codes),
          f"title page says {book.title_figures.get('data-entries')} entries, the book has {len(codes)}")
    per_chapter = Counter(chapter for _, _, chapter in book.entries)
    wrong = [c for c, declared in book.chapters.items() if per_chapter.get(c, 0) != declared]
    check(not wrong, f"every chapter holds the entries it declares ({len(wrong)} chapters disagree)")
    check(Counter(book.index) == Counter(codes), f"the index lists every entry exactly once ({len(book.index)} index lines, {len(codes)} entries)")
    for code, level, chapter in book.entries:
        if level == "county" and chapter != code:
            failures.append(f"county {code} is not the head of its own chapter")
    if args.counties is not None:
        check(levels.get("county", 0) == args.counties, f"{levels.get('county', 0)} county-level entries, expected {args.counties}")
        county_codes = {code for code, level, _ in book.entries if level == "county"}
        check(len(county_codes & set(book.chapters)) == args.counties, "one chapter per county-level division")

    townships = {}
    if args.townships:
        townships = township_rows(args.townships, args.prefix)
        entry_townships = Counter(code for code, level, _ in book.entries if level == "township")
        missing = sorted(set(townships) - set(entry_townships))
        extra = sorted(set(entry_townships) - set(townships))
        twice = sorted(c for c, n in entry_townships.items() if n > 1)
        misnamed = sorted(c for c in townships if c in entry_townships and book.entry_names.get(c, "").strip() != townships[c])
        check(not missing and not extra and not twice and not misnamed,
              f"every one of the {len(townships)} township rows {args.prefix}… is an entry exactly once under its name "
              f"({len(missing)} missing, {len(extra)} extra, {len(twice)} twice, {len(misnamed)} misnamed"
              f"{': ' + ', '.join((missing + extra + twice + misnamed)[:10]) if failures and (missing or extra or twice or misnamed) else ''})")

    pdf_path = os.path.join(args.out_dir, "book.pdf")
    if not os.path.exists(pdf_path):
        print("skip PDF: no book.pdf (Chromium not installed, or --no-pdf)")
    elif not shutil.which("pdftotext"):
        print("skip PDF: pdftotext not installed (apt-get install poppler-utils)")
    else:
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf_path, "-"], check=True, capture_output=True, text=True).stdout
        pages = text.count("\f")
        print(f"book.pdf: {os.path.getsize(pdf_path)} bytes, {pages} pages")
        wanted = townships or {code: "" for code, level, _ in book.entries if level == "township"}
        counts = {code: text.count(code) for code in wanted}
        wrong = sorted(c for c, n in counts.items() if n != 2)
        check(not wrong, f"every township code is printed exactly twice in the PDF, entry and index ({len(wrong)} are not"
              f"{': ' + ', '.join(f'{c}×{counts[c]}' for c in wrong[:10]) if wrong else ''})")
        check(pages >= len(book.chapters) + 2, f"{pages} pages for {len(book.chapters)} chapters (each starts a page)")

    if failures:
        print(f"{len(failures)} check(s) failed", file=sys.stderr)
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
