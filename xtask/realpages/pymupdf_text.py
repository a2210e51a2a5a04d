"""Text of PDFs as PyMuPDF reads it (page.get_text(), pages joined by a newline).

Usage: python pymupdf_text.py IN.pdf OUT.txt [IN.pdf OUT.txt ...]
Run by `cargo xtask realpages` with the venv it makes under target/realpages-venv.
"""

import sys

import pymupdf


def main(args):
    if len(args) % 2:
        sys.exit("usage: pymupdf_text.py IN.pdf OUT.txt [IN.pdf OUT.txt ...]")
    for pdf, out in zip(args[0::2], args[1::2]):
        with pymupdf.open(pdf) as doc:
            text = "\n".join(page.get_text() for page in doc)
        with open(out, "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main(sys.argv[1:])
