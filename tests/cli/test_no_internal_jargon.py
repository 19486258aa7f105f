"""User-facing text cites papers and talks by their authors: no internal token for the review
talks ("seed 000") may appear in the shipped code, data, documentation or in any help text."""
import pathlib
import re
import subprocess

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent
TOKEN = re.compile(r"(?i)\bseeds?[ _]?0\d\d\b|seed talks?")


def test_no_seed_tokens_in_shipped_files():
    files = subprocess.run(["git", "ls-files", "apps", "src", "include", "python", "data", "docs", "examples",
                            "README.md", "scripts"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    offenders = []
    for f in files:
        p = ROOT / f
        try:
            text = p.read_text()
        except (UnicodeDecodeError, FileNotFoundError):
            continue
        for n, line in enumerate(text.splitlines(), 1):
            if TOKEN.search(line):
                offenders.append(f"{f}:{n}")
    assert not offenders, offenders


def test_no_seed_tokens_in_help(cevns):
    text = cevns("--help").stdout
    subs = re.findall(r"^  ([a-z-]+)\s{2,}", text.split("Subcommands:")[1], re.M)
    assert len(subs) > 10
    for sub in [None, *subs]:
        out = cevns(*([sub] if sub else []), "--help").stdout
        assert not TOKEN.search(out), (sub, TOKEN.search(out).group(0))
    assert not TOKEN.search(cevns("experiments").stdout)
