"""Two people changing the same review at once: no update is ever lost."""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

import pytest

from scrkit.review.casefolder import CaseFolder

AGENCIES = ["police", "childrens-social-care"]


def _reply(review: str, agency: str, wait: str, results) -> None:  # noqa: ANN001
    import contextlib
    import io

    os.environ["SCRKIT_LOCK_WAIT"] = wait
    from scrkit.cli import main

    errors = io.StringIO()
    with contextlib.redirect_stderr(errors), contextlib.redirect_stdout(io.StringIO()):
        code = main(["agencies", "reply", agency, "nil-return", "--date", "2026-09-20", "-r", review])
    results.put((agency, code, errors.getvalue()))


@pytest.mark.parametrize("wait", ["0", "3"])
def test_concurrent_updates_are_never_lost(review_dir: Path, wait: str) -> None:
    context = multiprocessing.get_context("fork")
    refused_seen = 0
    for _ in range(12):
        text = (
            (review_dir / "agencies.yaml")
            .read_text(encoding="utf-8")
            .replace("request_reply: nil-return", "request_reply: involved")
        )
        (review_dir / "agencies.yaml").write_text(
            text.replace("request_reply: awaiting", "request_reply: involved"), "utf-8"
        )
        results = context.Queue()
        workers = [context.Process(target=_reply, args=(str(review_dir), agency, wait, results)) for agency in AGENCIES]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(30)
        outcomes = [results.get(timeout=5) for _ in workers]
        agencies = {a.id: a for a in CaseFolder.open(review_dir).load().agencies.agencies}
        for agency, code, err in outcomes:
            if code == 0:
                assert agencies[agency].request_reply.value == "nil-return", f"{agency}'s update was lost"
            else:
                refused_seen += 1
                assert code == 4 and "being changed by" in err, err
        assert not list(review_dir.glob("*.scrkit-tmp"))
        assert not (review_dir / ".scrkit-lock").exists()
    print(f"wait={wait}: {refused_seen} refusals in 12 rounds")
    if wait == "3":
        assert refused_seen == 0  # with a short wait, colleagues' commands simply queue
