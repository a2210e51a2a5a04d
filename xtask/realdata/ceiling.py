"""What evidence exists for the lost-hyphen junctions of the real English set.

Run by `cargo xtask eval --real --ceiling`: for every scored junction whose raw line does not
end in a hyphen, with the shape of a broken word (the line ends in a letter, the next starts in
lower case), it reports whether the joined form (`dis` + `close` -> `disclose`) is in the
vendored word list or written inside a line anywhere in the set's raw text, split by the gold
decision (join or space). Evidence of that kind is all a cleaner that never changes a recognised
character has; junctions without it can only be joined by guessing.

Usage: ceiling.py DATASET WORDLIST
"""
import collections
import glob
import os
import re
import sys

dataset, wordlist = sys.argv[1], sys.argv[2]
sys.path.insert(0, dataset)
import score_en  # noqa: E402  (the scorer of the data set, read from there)

arts = score_en.derive_gold(score_en.load_dataset(dataset))

words = set()
for line in open(wordlist, encoding="utf-8"):
    line = line.strip()
    if line and not line.startswith(("#", "=")):
        words.add(line)

inline = collections.Counter()
strip = "\"'`‘’“”()[]{}<>.,;:!?*_|/\\«»„-—–"
for path in glob.glob(os.path.join(dataset, "articles", "*.raw.txt")):
    for line in open(path, encoding="utf-8"):
        toks = line.split()
        for t in toks[1:-1]:
            t = t.strip(strip).lower()
            if t:
                inline[t] += 1

lead = re.compile(r"^[^\W\d_]*")
trail = re.compile(r"[^\W\d_]*$")
table = collections.Counter()
shapes = collections.Counter()
for art in arts:
    raw = art["raw"]
    for jn in art["junctions"]:
        if jn["gold"] not in ("join", "space"):
            continue
        left, right = raw[jn["i"]].rstrip(), raw[jn["j"]].lstrip()
        if not left or not right or left.endswith("-"):
            continue
        if not (left[-1].isalpha() and right[0].islower()):
            shapes[(jn["gold"], "other shape")] += 1
            continue
        l, r = trail.search(left.split()[-1]).group(0), lead.match(right).group(0)
        joined = (l + r).lower()
        shapes[(jn["gold"], "broken-word shape")] += 1
        table[(jn["gold"], joined in words, inline[joined] > 0)] += 1

print("lost-hyphen evidence over the set (junctions without a raw line-end hyphen):")
for gold in ("join", "space"):
    print(f"  gold {gold}: {shapes[(gold, 'broken-word shape')]} of the broken-word shape, "
          f"{shapes[(gold, 'other shape')]} of another shape")
    for in_words in (True, False):
        for in_set in (True, False):
            n = table[(gold, in_words, in_set)]
            print(f"    joined form {'in' if in_words else 'not in'} the word list, "
                  f"{'written' if in_set else 'not written'} in the set: {n}")
