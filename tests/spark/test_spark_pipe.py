"""Spark test: pipe a JSON Lines data set through `newsclean clean --jsonl` with RDD.pipe in
Spark local mode, and check the result equals a single-process run, record for record.

Run by `cargo xtask spark`, which builds the binary and a venv with pyspark, then runs
`python tests/spark/test_spark_pipe.py NEWSCLEAN_BINARY SEEDS_DIR WORK_DIR`.
The binary is shipped the way a cluster job ships it: SparkContext.addFile + SparkFiles.get.
"""

import json
import os
import random
import subprocess
import sys
import time


def make_dataset(seeds_dir, path, records=400):
    """JSON Lines records built from the seed pages (paragraphs shuffled with a fixed seed),
    with a few bad records among them that must pass through unchanged (hence --allow-bad: the
    run then exits 0, so checkCode=True holds)."""
    pages = []
    for name in sorted(os.listdir(seeds_dir)):
        if name.endswith(".txt"):
            with open(os.path.join(seeds_dir, name), encoding="utf-8") as f:
                paras = [p.strip() for p in f.read().split("\n\n") if p.strip()]
            pages.append(paras)
    assert pages, "no seed pages"
    rng = random.Random(42)
    with open(path, "w", encoding="utf-8") as f:
        for i in range(records):
            if i % 97 == 13:
                f.write("not json at all %d\n" % i)
                continue
            if i % 89 == 7:
                f.write(json.dumps({"id": i, "body": "no text field"}) + "\n")
                continue
            paras = list(rng.choice(pages))
            rng.shuffle(paras)
            text = "\n\n".join(paras[: rng.randint(1, len(paras))])
            rec = {"id": i, "text": text, "meta": {"score": 1.50, "src": "seed"}}
            line = json.dumps(rec, ensure_ascii=(i % 2 == 0))
            f.write(line + "\n")


def single_process(binary, path):
    out = subprocess.run(
        [binary, "clean", "--jsonl", "--annotate", "--allow-bad", path],
        check=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    return out.stdout.decode("utf-8").splitlines()


def spark_run(binary, path):
    from pyspark import SparkConf, SparkContext, SparkFiles

    conf = (
        SparkConf()
        .setMaster("local[2]")
        .setAppName("newsclean-spark-test")
        .set("spark.ui.enabled", "false")
        .set("spark.driver.host", "127.0.0.1")
    )
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    try:
        # Ship the binary as a cluster job would (spark-submit --files does the same).
        sc.addFile(binary)
        shipped = SparkFiles.get(os.path.basename(binary))
        rdd = sc.textFile(path, minPartitions=4)
        assert rdd.getNumPartitions() >= 2, "the data set must be split for the test to mean anything"
        cleaned = rdd.pipe(shipped + " clean --jsonl --annotate --allow-bad --jobs 1 -", checkCode=True)
        return cleaned.collect(), rdd.getNumPartitions()
    finally:
        sc.stop()


def main():
    binary, seeds_dir, work = sys.argv[1:4]
    os.makedirs(work, exist_ok=True)
    data = os.path.join(work, "records.jsonl")
    make_dataset(seeds_dir, data)
    with open(data, encoding="utf-8") as f:
        n_in = sum(1 for _ in f)
    expected = single_process(binary, data)
    t = time.time()
    got, partitions = spark_run(binary, data)
    spark_seconds = time.time() - t
    assert len(expected) == n_in, (len(expected), n_in)
    assert len(got) == len(expected), (len(got), len(expected))
    bad = [i for i, (a, b) in enumerate(zip(got, expected)) if a != b]
    assert not bad, "records differ at lines %s" % [i + 1 for i in bad[:10]]
    changed = sum(1 for l in expected if '"newsclean":{"changed":true' in l)
    print(
        "spark: %d records over %d partitions equal the single-process run "
        "(%d changed, Spark job %.1f s)" % (len(got), partitions, changed, spark_seconds)
    )
    print("1 passed, 0 failed")


if __name__ == "__main__":
    main()
