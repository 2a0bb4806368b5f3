"""Cross-check offereval's state income taxes against PolicyEngine US, state by state.

PolicyEngine is installed into a throwaway virtual environment (never the project's), asked
for each state's income tax on a grid of wages and both filing statuses, and compared with
offereval's figures. The table shows offereval, PolicyEngine and the difference; a difference
needs an explanation (a projection on PolicyEngine's side for the year, a credit it models and
offereval leaves out, older tables), never a silent fix.

    python scripts/crosscheck_state_tax.py                  # installs into a temporary folder
    python scripts/crosscheck_state_tax.py --env /tmp/pe    # reuses (or makes) that folder
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from offereval._tax import us_states  # noqa: E402
from offereval._tax._core import Bracket, FederalFigures, Schedule, Source  # noqa: E402

WAGES = (50_000, 100_000, 200_000, 400_000, 800_000)
STATUSES = ("single", "married_joint")
PACKAGE = "policyengine-us==2.68.0"

# The federal side of the same return (Rev. Proc. 2025-32 for 2026), for the states that use it.
_FEDERAL = {
    "single": (16_100, ((0, 0.10), (12_400, 0.12), (50_400, 0.22), (105_700, 0.24),
                        (201_775, 0.32), (256_225, 0.35), (640_600, 0.37))),
    "married_joint": (32_200, ((0, 0.10), (24_800, 0.12), (100_800, 0.22), (211_400, 0.24),
                               (403_550, 0.32), (512_450, 0.35), (768_700, 0.37))),
}  # fmt: skip

# Run inside the throwaway environment: reads the grid as JSON, prints the taxes as JSON.
_POLICYENGINE_SIDE = """
import json, sys
from policyengine_us import Simulation
grid = json.load(sys.stdin)
year = str(grid["year"])
groups = ("tax_units", "families", "spm_units", "marital_units", "households")
situation = {"people": {}, **{group: {} for group in groups}}
for n, (state, status, wages) in enumerate(grid["cases"]):
    members = [f"head{n}"] + ([f"spouse{n}"] if status == "married_joint" else [])
    for person in members:
        pay = wages if person.startswith("head") else 0
        situation["people"][person] = {"age": {year: 40}, "employment_income": {year: pay}}
    for group in groups:
        situation[group][f"{group}{n}"] = {"members": members}
    situation["households"][f"households{n}"]["state_name"] = {year: state}
taxes = Simulation(situation=situation).calculate("state_income_tax", int(year))
print(json.dumps([float(t) for t in taxes]))
"""


def federal_figures(wages: float, status: str) -> FederalFigures:
    deduction, rows = _FEDERAL[status]
    schedule = Schedule(
        brackets=tuple(Bracket(f, r) for f, r in rows), source=Source(title="Rev. Proc. 2025-32")
    )
    taxable = max(wages - deduction, 0.0)
    return FederalFigures(
        agi=wages,
        taxable_income=taxable,
        income_tax=schedule.tax(taxable),
        social_security=min(wages, 184_500) * 0.062,
        medicare=wages * 0.0145,
    )


def ours(state: str, status: str, wages: float, year: int) -> float:
    """offereval's state income tax: the income tax line and its surtaxes, no payroll."""
    data = us_states.tables_for(state, year)
    if data.income_tax is None:
        return 0.0
    lines = data.income_tax.compute(status, federal_figures(wages, status))  # type: ignore[arg-type]
    return sum(line.amount for line in lines)


def policyengine_python(env: Path) -> Path:
    """The throwaway environment's Python, with PolicyEngine US installed."""
    python = env / "bin" / "python"
    if not python.exists():
        venv.create(env, with_pip=True)
    check = subprocess.run([python, "-c", "import policyengine_us"], capture_output=True)
    if check.returncode != 0:
        subprocess.run([python, "-m", "pip", "install", "-q", PACKAGE], check=True)
    return python


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--env", type=Path, help="throwaway virtual environment to (re)use")
    parser.add_argument("--threshold", type=float, default=100.0, help="material difference")
    args = parser.parse_args()
    year = us_states.latest_year()
    cases = [(s, st, w) for s in us_states.STATE_CODES for st in STATUSES for w in WAGES]
    with tempfile.TemporaryDirectory() as scratch:
        python = policyengine_python(args.env or Path(scratch) / "pe")
        result = subprocess.run(
            [python, "-c", _POLICYENGINE_SIDE],
            input=json.dumps({"year": year, "cases": cases}),
            capture_output=True,
            text=True,
            check=True,
        )
    theirs = json.loads(result.stdout.strip().splitlines()[-1])
    print(f"State income tax {year}: offereval vs PolicyEngine US ({PACKAGE}), difference")
    header = " ".join(f"{w // 1000:>4}k {st[0]:>1}" for st in STATUSES for w in WAGES)
    print(f"{'':3} {header}")
    material = []
    rows: dict[str, list[str]] = {}
    for (state, status, wages), pe in zip(cases, theirs, strict=True):
        mine = ours(state, status, wages, year)
        diff = mine - pe
        rows.setdefault(state, []).append(f"{diff:>7.0f}")
        if abs(diff) >= args.threshold:
            material.append((state, status, wages, mine, pe, diff))
    for state, cells in rows.items():
        print(f"{state:3} {' '.join(cells)}")
    print(f"\nMaterial differences (|difference| >= {args.threshold:,.0f}):")
    for state, status, wages, mine, pe, diff in material:
        case = f"{state} {status:13} {wages:>9,}"
        print(f"  {case} ours {mine:>10,.2f} PE {pe:>10,.2f} {diff:>+10,.2f}")
    print(f"{len(material)} of {len(cases)} cases differ materially.")


if __name__ == "__main__":
    main()
