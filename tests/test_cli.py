"""The command line: `offereval compare FILE [--json] [--now]` and `offereval example`."""

from __future__ import annotations

import io
import json
import pathlib
import subprocess
import sys

import pytest

from offereval._cli import main

DATA = pathlib.Path(__file__).parent / "data"
FRAMEWORK = DATA / "framework.yaml"
MANY_PROBLEMS = DATA / "many_problems.json"


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), out, err)
    return status, out.getvalue(), err.getvalue()


def test_compare_prints_the_totals() -> None:
    status, out, err = cli("compare", str(FRAMEWORK))
    assert (status, err) == (0, "")
    blocks = out.split("\n\n")
    # the verdict comes first, then a summary of each offer, then the tables
    assert blocks[0].startswith("No offer has a full score yet. BigTech Inc has the highest pay")
    assert blocks[1].splitlines()[0] == "BigTech Inc (highest pay, highest first-year pay)"
    assert blocks[2].splitlines()[0] == "GrowthStartup"
    totals = blocks[3].splitlines()
    assert totals[0] == "Annualized total compensation"
    # 200000 + 100000 + 30000 + 25000 and 180000 + 90000 + 16000 + 15000
    assert totals[3].split() == [
        "BigTech",
        "Inc",
        "200,000",
        "100,000",
        "30,000",
        "25,000",
        "355,000",
    ]
    assert totals[4].split() == [
        "GrowthStartup",
        "180,000",
        "90,000",
        "16,000",
        "15,000",
        "301,000",
    ]
    for caption in (
        "Total by year",
        "Decision matrix (ratings 1-5)",
        "Negotiation gap to the highest annualized total",
        "What would change the leader",
        "Decision",
    ):
        assert caption in out


def test_compare_json_has_the_promised_shape() -> None:
    status, out, _ = cli("compare", str(FRAMEWORK), "--json")
    assert status == 0
    result = json.loads(out)
    offers = {o["company"]: o for o in result["offers"]}
    assert list(offers) == ["BigTech Inc", "GrowthStartup"]
    for tc_key in ("base", "equity", "bonus", "signing_amortized", "total"):
        assert tc_key in offers["BigTech Inc"]["tc"]
    assert offers["BigTech Inc"]["tc"]["total"] == 355000
    assert offers["GrowthStartup"]["tc"]["total"] == 301000
    years = offers["BigTech Inc"]["years"]
    assert [y["year"] for y in years] == [1, 2, 3, 4]
    for year in years:
        assert {"year", "base", "equity", "bonus", "signing", "total"} <= set(year)
    # 200000 + 100000 + 30000 + 50000 signing in year 1
    assert years[0]["total"] == 380000 and years[0]["signing"] == 50000
    assert result["negotiation"][0]["total_gap"] == 54000
    assert result["decision"]["stage"] == "undecided"


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_example_prints_a_file_that_compare_accepts(fmt: str, tmp_path: pathlib.Path) -> None:
    args = ("example",) if fmt == "yaml" else ("example", "--format", "json")
    status, text, _ = cli(*args)
    assert status == 0
    if fmt == "json":
        json.loads(text)
    else:
        assert text.startswith("# An offers file for offereval")
    path = tmp_path / f"offers.{fmt}"
    path.write_text(text, encoding="utf-8")
    status, out, err = cli("compare", str(path), "--json")
    assert (status, err) == (0, "")
    totals = {o["company"]: o["tc"]["total"] for o in json.loads(out)["offers"]}
    assert totals == {"BigTech Inc": 355000, "GrowthStartup": 301000}


def test_bad_input_lists_every_problem_with_its_path() -> None:
    status, out, err = cli("compare", str(MANY_PROBLEMS))
    assert status == 2
    assert out == ""
    lines = err.splitlines()
    assert lines[0] == f"offereval: {MANY_PROBLEMS} has 8 problems:"
    paths = sorted(line.strip().split(":")[0] for line in lines[1:])
    assert paths == sorted(
        [
            "offers[0].base_salary",
            "offers[0].company_stage",
            "offers[0].vesting_years",
            "offers[1].base_salry",
            "offers[1].base_salary",
            "offers[1].equity_grant",
            "offers[1].company",
            "weights",
        ]
    )
    assert "Traceback" not in err


def test_one_problem_is_singular(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "offers.json"
    path.write_text('{"offers": [{"company": "A", "base_salary": 1, "company_stage": "x"}]}')
    status, _, err = cli("compare", str(path))
    assert status == 2
    assert err.splitlines() == [
        f"offereval: {path} has 1 problem:",
        "  offers[0].company_stage: must be one of public, late_stage_private, early_stage; "
        "got 'x'",
    ]


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b'{"offers": [', "not valid JSON"),
        (b"offers:\n  - company: A\n   base_salary: 1\n", "line 3"),
        (b"\xff\xfe not utf-8", "cannot read"),
    ],
)
def test_malformed_or_unreadable_files(
    tmp_path: pathlib.Path, content: bytes, fragment: str
) -> None:
    path = tmp_path / ("offers.json" if content.startswith(b"{") else "offers.yaml")
    path.write_bytes(content)
    status, out, err = cli("compare", str(path))
    assert (status, out) == (2, "")
    assert fragment in err
    assert "Traceback" not in err


def test_missing_file(tmp_path: pathlib.Path) -> None:
    status, _, err = cli("compare", str(tmp_path / "nope.yaml"))
    assert status == 2
    assert err.startswith(f"offereval: cannot read {tmp_path / 'nope.yaml'}: ")


def test_a_directory_is_unreadable(tmp_path: pathlib.Path) -> None:
    status, _, err = cli("compare", str(tmp_path))
    assert status == 2
    assert "cannot read" in err


@pytest.mark.parametrize(
    ("now", "stage"),
    [
        # decided at 2026-11-24T12:00Z
        ("2026-11-24T13:00:00+00:00", "sleeping"),
        ("2026-11-25T12:00:00Z", "ready"),
        ("2026-11-27T12:00:00+00:00", "overdue"),
    ],
)
def test_now_dates_the_sleep_on_it_step(tmp_path: pathlib.Path, now: str, stage: str) -> None:
    path = tmp_path / "offers.yaml"
    path.write_text(
        FRAMEWORK.read_text() + "decision:\n  choice: GrowthStartup\n"
        "  decided_at: '2026-11-24T12:00:00+00:00'\n"
    )
    status, out, _ = cli("compare", str(path), "--json", "--now", now)
    assert status == 0
    assert json.loads(out)["decision"]["stage"] == stage


@pytest.mark.parametrize("now", ["tomorrow", "2026-11-25T12:00:00", "2026-13-01T00:00:00Z"])
def test_bad_now(now: str) -> None:
    status, out, err = cli("compare", str(FRAMEWORK), "--now", now)
    assert (status, out) == (2, "")
    assert err == (
        f"offereval: --now must be an ISO 8601 date-time with a time zone, got {now!r}\n"
    )


@pytest.mark.parametrize("argv", [[], ["compare"], ["frobnicate"], ["example", "--format", "x"]])
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    assert "usage: offereval" in capsys.readouterr().err


def test_help_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    assert "compare" in capsys.readouterr().out


def test_compare_reads_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(FRAMEWORK.read_text()))
    status, out, _ = cli("compare", "-", "--json")
    assert status == 0
    assert [o["tc"]["total"] for o in json.loads(out)["offers"]] == [355000, 301000]


def offereval_script() -> str:
    script = pathlib.Path(sys.executable).parent / "offereval"
    assert script.exists(), f"the console script is not installed next to {sys.executable}"
    return str(script)


def test_installed_console_script() -> None:
    done = subprocess.run(
        [offereval_script(), "compare", str(FRAMEWORK), "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert [o["tc"]["total"] for o in json.loads(done.stdout)["offers"]] == [355000, 301000]


def test_installed_console_script_bad_input() -> None:
    done = subprocess.run(
        [offereval_script(), "compare", str(MANY_PROBLEMS)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "offers[0].vesting_years: must be a whole number from 1 to 10, got 0" in done.stderr
    assert "Traceback" not in done.stderr


def test_questions_about_slips_are_printed_and_in_the_json(tmp_path: pathlib.Path) -> None:
    # a base of 500 is read and evaluated, and asked about: the file is not refused
    path = tmp_path / "offers.yaml"
    path.write_text("offers:\n  - company: A\n    base_salary: '500'\n    company_stage: public\n")
    status, out, err = cli("compare", str(path))
    assert (status, err) == (0, "")
    assert (
        "Please check\n  ? offers[0].base_salary: a yearly base salary of 500? Type 500k for "
        "500,000." in out
    )
    status, out, _ = cli("compare", str(path), "--json")
    assert json.loads(out)["questions"] == [
        {
            "path": "offers[0].base_salary",
            "message": "a yearly base salary of 500? Type 500k for 500,000.",
        }
    ]


def test_numbers_typed_in_a_file_are_read(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "offers.yaml"
    path.write_text(
        "offers:\n"
        "  - company: A\n"
        "    base_salary: $200,000\n"
        "    target_bonus: 15%\n"
        "    bonus_payout_history: 95%\n"
        "    company_stage: public\n"
    )
    status, out, err = cli("compare", str(path), "--json")
    assert (status, err) == (0, "")
    # 200,000 + 15% x 200,000 x 95% = 200,000 + 28,500
    assert json.loads(out)["offers"][0]["tc"]["total"] == 228500
