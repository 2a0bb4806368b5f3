"""The command line: `offereval compare FILE [--json] [--now]` and `offereval example`."""

from __future__ import annotations

import io
import json
import pathlib
import subprocess
import sys

import pytest

from offereval import dump_text, load_text
from offereval._cli import main
from offereval._limits import MAX_FILE_BYTES

DATA = pathlib.Path(__file__).parent / "data"
FRAMEWORK = DATA / "framework.yaml"
# The framework's offers as the page exports them to JSON (bridge.dump writes this text).
FRAMEWORK_JSON = dump_text(load_text(FRAMEWORK.read_text(), "framework.yaml"), "json")
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
    stdin = io.TextIOWrapper(io.BytesIO(FRAMEWORK.read_bytes()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
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


# ---- Hostile input: bounded reading, safe output ---------------------------------------------

FILE_TOO_LARGE = "the file is larger than 1 MiB (1,048,576 bytes), the most offereval reads"


def write_json(tmp_path: pathlib.Path, data: object, name: str = "offers.json") -> pathlib.Path:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def two_offers(first: dict[str, object], **top: object) -> dict[str, object]:
    second = {"company": "B", "base_salary": 100000, "company_stage": "public"}
    return {"offers": [{"base_salary": 100000, "company_stage": "public", **first}, second], **top}


def test_endless_standard_input_is_read_only_up_to_the_limit() -> None:
    # A stand-in for `offereval compare - < /dev/zero`: zeros for as long as the command reads,
    # up to 16 times the limit. It must stop at the limit and say so.
    process = subprocess.Popen(
        [offereval_script(), "compare", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdin is not None and process.stderr is not None
    chunk = bytes(64 * 1024)
    written = 0
    try:
        while written < 16 * MAX_FILE_BYTES:
            process.stdin.write(chunk)
            written += len(chunk)
        process.stdin.close()
    except BrokenPipeError:
        pass  # the command stopped reading and exited
    err = process.stderr.read().decode()
    assert process.wait() == 2
    assert err == f"offereval: <stdin> has 1 problem:\n  {FILE_TOO_LARGE}\n"
    # What it read (the limit), plus what the pipe and one chunk hold: never the whole stream.
    assert written <= MAX_FILE_BYTES + 4 * len(chunk)


def test_a_50_mb_file_is_refused_by_its_size(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "offers.json"
    with path.open("wb") as f:
        f.truncate(50 * 1024 * 1024)  # 50 MB of zeros, like a copy of /dev/zero
    status, out, err = cli("compare", str(path))
    assert (status, out) == (2, "")
    assert err == f"offereval: {path} has 1 problem:\n  {FILE_TOO_LARGE}\n"


def test_a_lone_surrogate_is_escaped_and_the_output_is_utf8(tmp_path: pathlib.Path) -> None:
    # The JSON escape \ud800 is half of a UTF-16 pair: a string no UTF-8 text can hold.
    path = tmp_path / "offers.json"
    path.write_text(json.dumps(two_offers({"company": "A\ud800"})), encoding="utf-8")
    for args, shown in ((["--json"], "A\\ud800"), ([], "A\\ud800")):
        done = subprocess.run(
            [offereval_script(), "compare", str(path), *args], capture_output=True, check=False
        )
        assert (done.returncode, done.stderr) == (0, b"")
        text = done.stdout.decode("utf-8")  # strict: valid UTF-8
        assert shown in text
        if args:
            assert json.loads(text)["offers"][0]["company"] == "A\ud800"


HOSTILE_COMPANY = "\x1b[2J\x1b]0;pwned\x07Evil\x9b31m\u202eCorp\rInc"


def test_control_characters_in_names_are_escaped(tmp_path: pathlib.Path) -> None:
    path = write_json(tmp_path, two_offers({"company": HOSTILE_COMPANY}))
    status, out, err = cli("compare", str(path))
    assert (status, err) == (0, "")
    assert not any(c in out for c in "\x1b\x07\x9b\u202e\r")
    assert "\\x1b[2J\\x1b]0;pwned\\x07Evil\\x9b31m\\u202eCorp\\rInc" in out
    status, out, _ = cli("compare", str(path), "--json")
    assert status == 0
    assert not any(c in out for c in "\x1b\x07\x9b\u202e\r")
    assert json.loads(out)["offers"][0]["company"] == HOSTILE_COMPANY


def test_a_key_cannot_forge_a_problem_line(tmp_path: pathlib.Path) -> None:
    forged = "bonus\n  offers[0].base_salary: must be at most 1, got 100000\x1b[0m"
    path = write_json(tmp_path, two_offers({"company": "A", forged: 1}))
    status, out, err = cli("compare", str(path))
    assert (status, out) == (2, "")
    assert err.splitlines() == [
        f"offereval: {path} has 1 problem:",
        "  offers[0].bonus\\n  offers[0].base_salary: must be at most 1, got 100000\\x1b[0m: "
        "is not a known key",
    ]


def test_a_file_name_with_control_characters_is_escaped(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "offers\x1b[31m.json"
    path.write_text("{}", encoding="utf-8")
    _, _, err = cli("compare", str(path))
    assert "\x1b" not in err and "offers\\x1b[31m.json" in err


def test_negative_zero_is_zero_in_json(tmp_path: pathlib.Path) -> None:
    path = write_json(tmp_path, two_offers({"company": "A", "signing_bonus": -0.0}))
    assert "-0.0" in path.read_text()
    status, out, _ = cli("compare", str(path), "--json")
    assert status == 0
    assert "-0" not in out
    assert json.loads(out)["offers"][0]["tc"]["signing_amortized"] == 0


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("offers.json", "\ufeff" + FRAMEWORK_JSON),
        ("offers.yaml", "\ufeff" + FRAMEWORK.read_text(encoding="utf-8")),
        # the page's JSON export, saved with another extension: JSON is YAML too
        ("offers.yaml", FRAMEWORK_JSON),
        ("offers.yml", "\ufeff" + FRAMEWORK_JSON),
        ("offers.txt", FRAMEWORK_JSON),
    ],
    ids=["bom-json", "bom-yaml", "json-as-yaml", "bom-json-as-yml", "json-as-txt"],
)
def test_files_are_read_whatever_their_bom_or_extension(
    tmp_path: pathlib.Path, name: str, content: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8"))
    status, out, err = cli("compare", str(path), "--json")
    assert (status, err) == (0, "")
    assert [o["tc"]["total"] for o in json.loads(out)["offers"]] == [355000, 301000]
